package dev.hearth.conversation;

import java.time.Duration;
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
import dev.hearth.escalation.EscalationLog;
import dev.hearth.escalation.EscalationPolicy;
import dev.hearth.escalation.HandoffMode;
import dev.hearth.escalation.HandoffRouting;
import dev.hearth.escalation.TurnContext;

/**
 * Answers a stored customer message with the conversation's history and stores the
 * answer. Whatever fails on the way becomes an escalation with reason
 * {@code MODEL_FAILURE}: the customer is never left without a reply, and their message is
 * already safe. Thread-safe.
 */
@Service
class ConversationAnswering {

	private static final Logger log = LoggerFactory.getLogger(ConversationAnswering.class);

	private static final int EARLIER_QUESTIONS = 5;

	private final Conversations conversations;

	private final AnswerPipeline pipeline;

	private final ConversationProperties properties;

	private final Handoffs handoffs;

	private final EscalationPolicy policy;

	private final ApprovedLlmGateway gateway;

	private final HandoffRouting routing;

	private final EscalationLog decisions;

	ConversationAnswering(Conversations conversations, AnswerPipeline pipeline, ConversationProperties properties,
			Handoffs handoffs, EscalationPolicy policy, ApprovedLlmGateway gateway, HandoffRouting routing,
			EscalationLog decisions) {
		this.conversations = conversations;
		this.gateway = gateway;
		this.handoffs = handoffs;
		this.policy = policy;
		this.pipeline = pipeline;
		this.properties = properties;
		this.routing = routing;
		this.decisions = decisions;
	}

	/**
	 * Answers the customer's message, or hands the conversation to a person when a rule
	 * says so. Returns the stored reply (the bot's answer, or the notice that a person is
	 * coming or that a ticket needs contact details), or {@code null} when a person
	 * already has the conversation: the message then waits for them.
	 */
	Message answer(UUID conversation, Message question, Consumer<String> stream) {
		ConversationState state = this.handoffs.state(conversation);
		if (state == ConversationState.WAITING_FOR_AGENT || state == ConversationState.WITH_AGENT) {
			this.conversations.touch(conversation);
			return null;
		}
		List<Turn> history = this.conversations.history(conversation, question.seq(), this.properties.historyTurns());
		TurnContext turn = new TurnContext(question.text(),
				this.conversations.earlierCustomerMessages(conversation, question.seq(), EARLIER_QUESTIONS),
				this.conversations.customerTurnsSinceAgent(conversation));
		Optional<EscalationDecision> before = this.policy.beforeAnswering(turn);
		if (before.isPresent()) {
			return escalate(conversation, question, history, null, before.get(), stream);
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
		Optional<EscalationDecision> after = this.policy.afterAnswering(answer);
		if (after.isPresent() && after.get().action() == EscalationDecision.Action.APPROVED_LLM
				&& this.gateway.canAnswer()) {
			Optional<ApprovedLlmGateway.GatewayAnswer> approved = this.gateway.answer(question.text(), history,
					after.get().rule());
			if (approved.isPresent()) {
				stream.accept(approved.get().text());
				this.decisions.record(conversation, question.seq(), after.get(), EscalationLog.Outcome.LLM_ANSWERED,
						question.text());
				Answer llm = new Answer(Decision.ANSWERED, null, approved.get().text(), answer.confidence(),
						answer.routerConfidence(), null, "approved-llm:" + approved.get().endpoint(), List.of(),
						answer.ranked(), answer.timings());
				Message stored = this.conversations.addAnswer(conversation, question.seq(), llm);
				this.conversations.touch(conversation);
				return stored;
			}
		}
		if (after.isPresent()) {
			return escalate(conversation, question, history, answer, after.get(), stream);
		}
		Message stored = this.conversations.addAnswer(conversation, question.seq(), answer);
		this.conversations.touch(conversation);
		return stored;
	}

	/**
	 * The customer pressed "Talk to a person": the same path as a customer asking in
	 * words (rule {@code customer-asked-for-person}), live or as a ticket depending on
	 * business hours, with a summary of what was said so far. Returns the notice that
	 * tells the customer, or empty when a person already has the conversation.
	 */
	Optional<Message> handOffOnRequest(UUID conversation) {
		ConversationState state = this.handoffs.state(conversation);
		if (state == ConversationState.WAITING_FOR_AGENT || state == ConversationState.WITH_AGENT) {
			return Optional.empty();
		}
		Message lastQuestion = null;
		for (Message message : this.conversations.transcript(conversation)) {
			if ("CUSTOMER".equals(message.role())) {
				lastQuestion = message;
			}
		}
		int before = (lastQuestion != null) ? lastQuestion.seq() : Integer.MAX_VALUE;
		List<Turn> history = this.conversations.history(conversation, before, this.properties.historyTurns());
		Message question = (lastQuestion != null) ? lastQuestion
				: new Message(0, "CUSTOMER", "", null, null, java.time.Instant.now(), null);
		return Optional
			.of(escalate(conversation, question, history, null, this.policy.customerAskedForPerson(), (text) -> {
			}));
	}

	private Message escalate(UUID conversation, Message question, List<Turn> history, Answer answer,
			EscalationDecision decision, Consumer<String> stream) {
		HandoffMode mode = this.routing.modeNow();
		Map<String, Object> summary = summary(question, history, answer, decision);
		boolean handedOff = this.handoffs.handOff(conversation, decision, summary, mode);
		this.decisions.record(conversation, question.seq(), decision, !handedOff ? EscalationLog.Outcome.NOT_HANDED_OFF
				: (mode == HandoffMode.TICKET) ? EscalationLog.Outcome.TICKET : EscalationLog.Outcome.HANDED_OFF,
				question.text());
		Map<String, Object> handoff = new LinkedHashMap<>();
		handoff.put("mode", mode.name());
		handoff.put("rule", decision.rule());
		String notice;
		if (mode == HandoffMode.LIVE) {
			Duration wait = this.handoffs.estimatedWait();
			handoff.put("estimatedWaitSeconds", wait.toSeconds());
			notice = this.handoffs.waitNotice(wait);
		}
		else {
			notice = this.handoffs.ticketNotice();
		}
		if (handedOff && wantsDraft(decision)) {
			Thread.ofVirtual()
				.name("draft-" + conversation)
				.start(() -> draft(conversation, question, history, decision));
		}
		stream.accept(notice);
		Message stored = (answer != null)
				? this.conversations.addAnswer(conversation, question.seq(),
						new Answer(answer.decision(), answer.reason(), notice, answer.confidence(),
								answer.routerConfidence(), answer.faqId(), answer.answeredBy(), answer.citations(),
								answer.ranked(), answer.timings()),
						handoff)
				: this.conversations.addHandoffNotice(conversation, question.seq(), notice, handoff);
		this.conversations.touch(conversation);
		return stored;
	}

	private boolean wantsDraft(EscalationDecision decision) {
		return switch (decision.action()) {
			case APPROVED_LLM_DRAFT_FOR_AGENT -> this.gateway.canDraft();
			// an endpoint that may answer was already asked; draft-only ones draft
			// instead
			case APPROVED_LLM -> !this.gateway.canAnswer() && this.gateway.canDraft();
			case HUMAN -> false;
		};
	}

	private void draft(UUID conversation, Message question, List<Turn> history, EscalationDecision decision) {
		try {
			this.gateway.draft(question.text(), history, decision.rule())
				.ifPresent((draft) -> this.handoffs.attachDraft(conversation, draft.endpoint(), draft.text()));
		}
		catch (RuntimeException ex) {
			log.warn("Drafting an answer for conversation {} failed: {}", conversation, ex.getMessage());
		}
	}

	/** What the agent reads first, so the customer never has to repeat themselves. */
	private static Map<String, Object> summary(Message question, List<Turn> history, Answer answer,
			EscalationDecision decision) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("question", question.text());
		summary.put("rule", decision.rule());
		summary.put("reason", decision.reason());
		summary.put("firedRules", decision.fired());
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
