package dev.hearth.escalation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.hearth.assistant.ApprovedModels;
import dev.hearth.assistant.OutputCheck;
import dev.hearth.assistant.PromptFraming;
import dev.hearth.assistant.Turn;
import dev.hearth.privacy.AuditTrail;
import dev.hearth.privacy.EgressGuard;
import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.Redaction;
import dev.hearth.privacy.Redactor;

/**
 * Sends a question Hearth could not answer to an approved large language model: personal
 * data the endpoint may not receive is replaced by placeholders first, the placeholders
 * are restored in the answer, and every call is written to the audit trail (endpoint,
 * model, rule, redacted kinds, sizes, latency, outcome). With no approved endpoint
 * nothing is sent. What each endpoint may do (answer or only draft, which data it may
 * receive, whether it is used at all) comes from the current {@link Policy}. Thread-safe.
 */
@Component
public class ApprovedLlmGateway implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ApprovedLlmGateway.class);

	static final String NO_ANSWER = "NO_ANSWER";

	static final String SYSTEM = """
			You are a customer support assistant. Answer the customer's question, which is in the CUSTOMER_MESSAGE \
			block, briefly and politely, as plain text without links, images or markup. Personal details appear as \
			placeholders in square brackets, like [EMAIL_1]; keep them exactly as they are. If you cannot answer \
			reliably, reply with exactly NO_ANSWER.
			""" + PromptFraming.DATA_RULES;

	static final String DRAFT_SYSTEM = """
			You draft a reply that a customer support agent will review and edit before sending. Answer the \
			customer's question, which is in the CUSTOMER_MESSAGE block, briefly and politely. Personal details \
			appear as placeholders in square brackets, like [EMAIL_1]; keep them exactly as they are. If you cannot \
			answer reliably, reply with exactly NO_ANSWER.
			""" + PromptFraming.DATA_RULES;

	private final List<EscalationProperties.ApprovedLlm> endpoints;

	private final EscalationPolicies policies;

	private final Redactor redactor;

	private final AuditTrail audit;

	private final EgressGuard egress;

	private final TrainingExamples training;

	private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final OutputCheck output;

	private final ObservationRegistry observations;

	ApprovedLlmGateway(EscalationProperties properties, EscalationPolicies policies, Redactor redactor,
			AuditTrail audit, EgressGuard egress, TrainingExamples training, ObjectProvider<MeterRegistry> meters,
			ObjectProvider<ObservationRegistry> observations) {
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		this.endpoints = properties.approvedLlms();
		this.policies = policies;
		this.training = training;
		this.redactor = redactor;
		this.audit = audit;
		this.egress = egress;
		this.output = new OutputCheck(redactor);
	}

	/**
	 * The answer of the first endpoint the policy lets answer customers.
	 * @param question the customer's question
	 * @param history the conversation before it
	 * @param rule the escalation rule that sent it here
	 * @return the answer with personal data restored, or empty when no endpoint may
	 * answer, or it did not
	 */
	public Optional<GatewayAnswer> answer(String question, List<Turn> history, String rule) {
		Optional<Endpoint> endpoint = usable().stream()
			.filter((e) -> e.policy().mode() == LlmPolicy.Mode.ANSWER)
			.findFirst();
		return endpoint.flatMap((e) -> call(e, SYSTEM, question, history, rule, "answer"));
	}

	/**
	 * A draft for the agent from the first endpoint the policy lets draft (answering
	 * endpoints may draft too, draft-only ones are preferred).
	 * @return the draft with personal data restored, or empty when no endpoint may draft,
	 * or it had nothing
	 */
	public Optional<GatewayAnswer> draft(String question, List<Turn> history, String rule) {
		Optional<Endpoint> endpoint = usable().stream()
			.min(java.util.Comparator.comparing((Endpoint e) -> e.policy().mode() != LlmPolicy.Mode.DRAFT_FOR_AGENT));
		return endpoint.flatMap((e) -> call(e, DRAFT_SYSTEM, question, history, rule, "draft"));
	}

	/** Whether some endpoint may answer customers directly. */
	public boolean canAnswer() {
		return usable().stream().anyMatch((e) -> e.policy().mode() == LlmPolicy.Mode.ANSWER);
	}

	/** Whether some endpoint may draft for agents. */
	public boolean canDraft() {
		return !usable().isEmpty();
	}

	/**
	 * The configured endpoints with what the policy lets them do (for the admin API and
	 * console; no keys).
	 */
	public List<EndpointView> endpoints() {
		Policy policy = this.policies.current();
		return this.endpoints.stream().map((llm) -> {
			LlmPolicy effective = effective(policy, llm);
			return new EndpointView(llm.name(), llm.provider().name(), llm.baseUrl().toString(), llm.model(),
					!llm.apiKey().isBlank(), effective.enabled(), effective.mode(), effective.mayReceive());
		}).toList();
	}

	/**
	 * An endpoint as admins see it.
	 *
	 * @param name its name
	 * @param provider OPENAI, AZURE_OPENAI or ANTHROPIC
	 * @param baseUrl where requests go
	 * @param model the model or deployment
	 * @param hasApiKey whether a key is configured (never the key)
	 * @param enabled whether the policy lets Hearth use it
	 * @param mode answer customers or only draft
	 * @param mayReceive the personal data it receives unredacted
	 */
	public record EndpointView(String name, String provider, String baseUrl, String model, boolean hasApiKey,
			boolean enabled, LlmPolicy.Mode mode, List<PiiClass> mayReceive) {
	}

	private record Endpoint(EscalationProperties.ApprovedLlm llm, LlmPolicy policy) {
	}

	private List<Endpoint> usable() {
		Policy policy = this.policies.current();
		return this.endpoints.stream()
			.map((llm) -> new Endpoint(llm, effective(policy, llm)))
			.filter((e) -> e.policy().enabled())
			.toList();
	}

	private static LlmPolicy effective(Policy policy, EscalationProperties.ApprovedLlm llm) {
		return policy.llm(llm.name()).orElse(new LlmPolicy(llm.name(), true, llm.mode(), llm.mayReceive()));
	}

	private Optional<GatewayAnswer> call(Endpoint endpoint, String system, String question, List<Turn> history,
			String rule, String purpose) {
		EscalationProperties.ApprovedLlm llm = endpoint.llm();
		EnumSet<PiiClass> redacted = EnumSet.allOf(PiiClass.class);
		redacted.removeAll(endpoint.policy().mayReceive());
		// the conversation and the question as data blocks that cannot instruct the model
		// (PromptFraming); the endpoint, model and system prompt come from configuration
		// and the policy only
		PromptFraming framing = PromptFraming.start();
		if (!history.isEmpty()) {
			framing.note("Conversation so far, oldest first:").history(history);
		}
		framing.note("The customer's question:").block("CUSTOMER_MESSAGE", 0, null, question);
		Redaction redaction = this.redactor.redact(framing.text(), redacted);
		List<String> customer = new ArrayList<>();
		history.stream().filter(Turn::fromCustomer).map(Turn::text).forEach(customer::add);
		customer.add(question);
		OutputCheck.Sources sources = new OutputCheck.Sources(system, framing.nonce(), List.of(), customer);
		String rejectedBy = null;
		List<Message> messages = new ArrayList<>(List.of(new SystemMessage(system), new UserMessage(redaction.text())));
		long started = System.nanoTime();
		String outcome = "FAILED";
		String text = null;
		Integer promptTokens = null;
		Integer answerTokens = null;
		Observation observation = Observation.createNotStarted("hearth.approved_llm.calls", this.observations)
			.contextualName("approved llm call")
			.lowCardinalityKeyValue("endpoint", llm.name())
			.lowCardinalityKeyValue("purpose", purpose)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			try {
				ChatResponse response = model(llm).call(new Prompt(messages));
				if (response.getMetadata() != null && response.getMetadata().getUsage() != null) {
					promptTokens = response.getMetadata().getUsage().getPromptTokens();
					answerTokens = response.getMetadata().getUsage().getCompletionTokens();
				}
				String reply = response.getResult().getOutput().getText();
				if (reply == null || reply.isBlank() || reply.strip().startsWith(NO_ANSWER)) {
					outcome = "NO_ANSWER";
				}
				else {
					String restored = redaction.restore(reply.strip());
					Optional<OutputCheck.Rejection> rejection = this.output.check(restored, sources);
					if (rejection.isPresent()) {
						// never shown or drafted: the customer is handed to a person
						rejectedBy = rejection.get().check();
						outcome = "REJECTED";
					}
					else {
						text = restored;
						outcome = "ANSWERED";
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("The approved LLM {} failed: {}", llm.name(), ex.getMessage());
				outcome = "FAILED";
			}
		}
		finally {
			observation.lowCardinalityKeyValue("outcome", outcome.toLowerCase(java.util.Locale.ROOT)).stop();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("purpose", purpose);
		details.put("provider", llm.provider().name());
		details.put("model", llm.model());
		details.put("host", llm.baseUrl().getHost());
		details.put("rule", rule);
		details.put("redacted", redaction.counts().keySet().stream().map(Enum::name).toList());
		details.put("promptChars", redaction.text().length());
		details.put("answerChars", (text != null) ? text.length() : 0);
		details.put("promptTokens", promptTokens);
		details.put("answerTokens", answerTokens);
		details.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
		details.put("outcome", outcome);
		if (rejectedBy != null) {
			details.put("rejectedBy", rejectedBy);
		}
		this.audit.record("MODEL_CALL", "hearth", llm.name(), details);
		tokens(llm.name(), purpose, "prompt", promptTokens);
		tokens(llm.name(), purpose, "answer", answerTokens);
		if (text != null && "answer".equals(purpose)) {
			this.training.keep(null, "APPROVED_LLM", question, text);
		}
		return (text != null) ? Optional.of(new GatewayAnswer(llm.name(), text)) : Optional.empty();
	}

	/**
	 * {@code hearth.approved_llm.tokens} by endpoint (a configured name), purpose and
	 * token type, when the endpoint reports usage. Calls themselves are the observation
	 * {@code hearth.approved_llm.calls} (a timer and, when tracing is on, a span) tagged
	 * with endpoint, purpose and outcome: closed sets only.
	 */
	private void tokens(String endpoint, String purpose, String type, Integer count) {
		if (count != null && count > 0) {
			this.meters.counter("hearth.approved_llm.tokens", "endpoint", endpoint, "purpose", purpose, "type", type)
				.increment(count);
		}
	}

	private ChatModel model(EscalationProperties.ApprovedLlm llm) {
		return this.models.computeIfAbsent(llm.name(), (name) -> switch (llm.provider()) {
			case OPENAI -> ApprovedModels.openAiCompatible(llm.baseUrl(), llm.model(), llm.apiKey(), llm.maxTokens(),
					llm.timeout(), this.egress);
			case AZURE_OPENAI -> ApprovedModels.azureOpenAi(llm.baseUrl(), llm.model(), llm.apiKey(), llm.maxTokens(),
					llm.timeout(), this.egress);
			case ANTHROPIC -> ApprovedModels.anthropic(llm.baseUrl(), llm.model(), llm.apiKey(), llm.maxTokens(),
					llm.timeout(), this.egress);
		});
	}

	@Override
	public void close() throws Exception {
		for (ChatModel model : this.models.values()) {
			if (model instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
	}

	/**
	 * An approved model's answer.
	 *
	 * @param endpoint the endpoint's name
	 * @param text the answer, with personal data restored
	 */
	public record GatewayAnswer(String endpoint, String text) {
	}

}
