package dev.hearth.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.AnswerPipeline;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.EscalationReason;
import dev.hearth.assistant.Turn;
import dev.hearth.escalation.ApprovedLlmGateway;
import dev.hearth.escalation.EscalationDecision;
import dev.hearth.escalation.EscalationPolicy;

/**
 * Answers a stored customer message with the conversation's history and stores the
 * answer. Whatever fails on the way becomes an escalation with reason
 * {@code MODEL_FAILURE}: the customer is never left without a reply, and their message is
 * already safe. Thread-safe.
 */
@Service
class ConversationAnswering {

	private static final Logger log = LoggerFactory.getLogger(ConversationAnswering.class);

	private final Conversations conversations;

	private final AnswerPipeline pipeline;

	private final ConversationProperties properties;

	private final Handoffs handoffs;

	private final EscalationPolicy policy;

	private final ApprovedLlmGateway gateway;

	ConversationAnswering(Conversations conversations, AnswerPipeline pipeline, ConversationProperties properties,
			Handoffs handoffs, EscalationPolicy policy, ApprovedLlmGateway gateway) {
		this.conversations = conversations;
		this.gateway = gateway;
		this.handoffs = handoffs;
		this.policy = policy;
		this.pipeline = pipeline;
		this.properties = properties;
	}

	/**
	 * Answers the customer's message, or hands the conversation to a person when a rule
	 * says so. Returns the stored reply (the bot's answer, or the notice that a person is
	 * coming), or {@code null} when a person already has the conversation: the message
	 * then waits for them.
	 */
	Message answer(UUID conversation, Message question, Consumer<String> stream) {
		ConversationState state = this.handoffs.state(conversation);
		if (state == ConversationState.WAITING_FOR_AGENT || state == ConversationState.WITH_AGENT) {
			this.conversations.touch(conversation);
			return null;
		}
		List<Turn> history = this.conversations.history(conversation, question.seq(), this.properties.historyTurns());
		Optional<EscalationDecision> asked = this.policy.beforeAnswering(question.text());
		if (asked.isPresent()) {
			this.handoffs.handOff(conversation, asked.get(), summary(question, history, null, asked.get()));
			String notice = this.handoffs.waitNotice();
			stream.accept(notice);
			return this.conversations.addSystemMessage(conversation, notice);
		}
		Answer answer;
		try {
			answer = this.pipeline.answer(question.text(), history, stream);
		}
		catch (RuntimeException ex) {
			log.error("Answering message {} of conversation {} failed", question.seq(), conversation, ex);
			answer = new Answer(Decision.ESCALATE, EscalationReason.MODEL_FAILURE, "", 0, 0, null, null, List.of(),
					List.of(), Map.of());
		}
		Optional<EscalationDecision> escalation = this.policy.afterAnswering(answer);
		if (escalation.isPresent() && escalation.get().action() == EscalationDecision.Action.APPROVED_LLM) {
			Optional<ApprovedLlmGateway.GatewayAnswer> approved = this.gateway.answer(question.text(), history,
					escalation.get().rule());
			if (approved.isPresent()) {
				stream.accept(approved.get().text());
				answer = new Answer(Decision.ANSWERED, null, approved.get().text(), answer.confidence(),
						answer.routerConfidence(), null, "approved-llm:" + approved.get().endpoint(), List.of(),
						answer.ranked(), answer.timings());
				escalation = Optional.empty();
			}
		}
		if (escalation.isPresent()) {
			this.handoffs.handOff(conversation, escalation.get(), summary(question, history, answer, escalation.get()));
			String notice = this.handoffs.waitNotice();
			stream.accept(notice);
			answer = new Answer(answer.decision(), answer.reason(), notice, answer.confidence(),
					answer.routerConfidence(), answer.faqId(), answer.answeredBy(), answer.citations(), answer.ranked(),
					answer.timings());
		}
		Message stored = this.conversations.addAnswer(conversation, question.seq(), answer);
		this.conversations.touch(conversation);
		return stored;
	}

	/**
	 * The customer pressed "Talk to a person": the conversation goes to the agents' queue
	 * under the rule {@code customer-asked-for-person}, with a summary of what was said
	 * so far. Returns the notice that tells the customer, or empty when a person already
	 * has the conversation.
	 */
	Optional<Message> handOffOnRequest(UUID conversation) {
		List<Message> transcript = this.conversations.transcript(conversation);
		Message lastQuestion = null;
		for (Message message : transcript) {
			if ("CUSTOMER".equals(message.role())) {
				lastQuestion = message;
			}
		}
		int before = (lastQuestion != null) ? lastQuestion.seq() : Integer.MAX_VALUE;
		List<Turn> history = this.conversations.history(conversation, before, this.properties.historyTurns());
		Message question = (lastQuestion != null) ? lastQuestion
				: new Message(0, "CUSTOMER", "", null, null, java.time.Instant.now(), null);
		EscalationDecision decision = this.policy.customerAskedForPerson();
		if (!this.handoffs.handOff(conversation, decision, summary(question, history, null, decision))) {
			return Optional.empty();
		}
		Message notice = this.conversations.addSystemMessage(conversation, this.handoffs.waitNotice());
		this.conversations.touch(conversation);
		return Optional.of(notice);
	}

	/** What the agent reads first, so the customer never has to repeat themselves. */
	private static Map<String, Object> summary(Message question, List<Turn> history, Answer answer,
			EscalationDecision decision) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("question", question.text());
		summary.put("rule", decision.rule());
		summary.put("reason", decision.reason());
		summary.put("earlierMessages",
				history.stream()
					.map((turn) -> (turn.fromCustomer() ? "Customer: " : "Hearth: ") + turn.text())
					.toList());
		if (answer != null) {
			summary.put("botDecision", answer.decision() + ((answer.reason() != null) ? " " + answer.reason() : ""));
			summary.put("botConfidence", answer.confidence());
			summary.put("bestFaqGuess", answer.faqId());
			summary.put("passages",
					answer.citations()
						.stream()
						.map((c) -> Map.of("title", c.title(), "source", c.source(), "url", c.url()))
						.toList());
		}
		return summary;
	}

}
