package dev.hearth.escalation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.stereotype.Component;

import dev.hearth.assistant.ApprovedModels;
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
 * nothing is sent. Thread-safe.
 */
@Component
public class ApprovedLlmGateway implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ApprovedLlmGateway.class);

	static final String NO_ANSWER = "NO_ANSWER";

	private static final String SYSTEM = """
			You are a customer support assistant. Answer the customer's question briefly and politely. Personal \
			details appear as placeholders in square brackets, like [EMAIL_1]; keep them exactly as they are. If \
			you cannot answer reliably, reply with exactly NO_ANSWER.""";

	private final List<EscalationProperties.ApprovedLlm> endpoints;

	private final Redactor redactor;

	private final AuditTrail audit;

	private final EgressGuard egress;

	private final TrainingExamples training;

	private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

	ApprovedLlmGateway(EscalationProperties properties, Redactor redactor, AuditTrail audit, EgressGuard egress,
			TrainingExamples training) {
		this.endpoints = properties.approvedLlms();
		this.training = training;
		this.redactor = redactor;
		this.audit = audit;
		this.egress = egress;
	}

	/**
	 * The answer of the first endpoint approved to answer customers.
	 * @param question the customer's question
	 * @param history the conversation before it
	 * @param rule the escalation rule that sent it here
	 * @return the answer with personal data restored, or empty when no endpoint may
	 * answer, or it did not
	 */
	public Optional<GatewayAnswer> answer(String question, List<Turn> history, String rule) {
		Optional<EscalationProperties.ApprovedLlm> endpoint = this.endpoints.stream()
			.filter((e) -> e.mode() == EscalationProperties.Mode.ANSWER)
			.findFirst();
		if (endpoint.isEmpty()) {
			return Optional.empty();
		}
		EscalationProperties.ApprovedLlm llm = endpoint.get();
		EnumSet<PiiClass> redacted = EnumSet.allOf(PiiClass.class);
		redacted.removeAll(llm.mayReceive());
		StringBuilder context = new StringBuilder();
		for (Turn turn : history) {
			context.append(turn.fromCustomer() ? "Customer: " : "Assistant: ").append(turn.text()).append('\n');
		}
		Redaction redaction = this.redactor.redact(
				(context.isEmpty() ? "" : "Conversation so far:\n" + context + "\n") + "Question: " + question,
				redacted);
		List<Message> messages = new ArrayList<>(List.of(new SystemMessage(SYSTEM), new UserMessage(redaction.text())));
		long started = System.nanoTime();
		String outcome;
		String text = null;
		try {
			String reply = model(llm).call(new Prompt(messages)).getResult().getOutput().getText();
			if (reply == null || reply.isBlank() || reply.strip().startsWith(NO_ANSWER)) {
				outcome = "NO_ANSWER";
			}
			else {
				text = redaction.restore(reply.strip());
				outcome = "ANSWERED";
			}
		}
		catch (RuntimeException ex) {
			log.warn("The approved LLM {} failed: {}", llm.name(), ex.getMessage());
			outcome = "FAILED";
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("model", llm.model());
		details.put("host", llm.baseUrl().getHost());
		details.put("rule", rule);
		details.put("redacted", redaction.counts().keySet().stream().map(Enum::name).toList());
		details.put("promptChars", redaction.text().length());
		details.put("answerChars", (text != null) ? text.length() : 0);
		details.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
		details.put("outcome", outcome);
		this.audit.record("MODEL_CALL", "hearth", llm.name(), details);
		if (text != null) {
			this.training.keep(null, "APPROVED_LLM", question, text);
		}
		return (text != null) ? Optional.of(new GatewayAnswer(llm.name(), text)) : Optional.empty();
	}

	private ChatModel model(EscalationProperties.ApprovedLlm llm) {
		return this.models.computeIfAbsent(llm.name(), (name) -> ApprovedModels.openAiCompatible(llm.baseUrl(),
				llm.model(), llm.apiKey(), llm.maxTokens(), llm.timeout(), this.egress));
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
