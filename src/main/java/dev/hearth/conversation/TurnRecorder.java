package dev.hearth.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.Decision;
import dev.hearth.escalation.ClarifyOption;
import dev.hearth.escalation.EscalationDecision;
import dev.hearth.escalation.EscalationLog;
import dev.hearth.escalation.HandoffMode;
import dev.hearth.escalation.Verdict;

/**
 * Records a customer turn and escalation's verdict on it in one transaction: the
 * message's query and embedding, the reply or the handoff (state, queue entry, audit),
 * the decision log and the conversation's activity. Either all of it is stored or none of
 * it. Publishes {@link TurnAnswered} or {@link ConversationHandedOff} (and, when a draft
 * is wanted, escalation's {@code DraftRequested}), delivered to module listeners after
 * the commit. Thread-safe.
 */
@Service
class TurnRecorder {

	private final Conversations conversations;

	private final Handoffs handoffs;

	private final EscalationLog decisions;

	private final ApplicationEventPublisher events;

	private final Notices notices;

	/** Who answered small talk, as {@code answeredBy} says. */
	static final String SMALL_TALK = "small-talk";

	private final WaitEstimates waits;

	TurnRecorder(Conversations conversations, Handoffs handoffs, EscalationLog decisions,
			ApplicationEventPublisher events, Notices notices, WaitEstimates waits) {
		this.waits = waits;
		this.notices = notices;
		this.conversations = conversations;
		this.handoffs = handoffs;
		this.decisions = decisions;
		this.events = events;
	}

	/**
	 * Stores the turn and its verdict; returns the message that answers the customer (the
	 * answer, a polite decline, a clarifying question with its options, or the notice
	 * that a person is coming or that a ticket needs contact details), in the
	 * conversation's language.
	 * @param answer the pipeline's answer, or {@code null} when the turn was handed over
	 * before answering
	 */
	@Transactional
	Message record(CustomerTurn turn, Answer answer, Verdict verdict) {
		return switch (verdict) {
			case Verdict.Reply reply -> answered(turn, answer);
			case Verdict.LlmReply llm -> llmAnswered(turn, llm);
			case Verdict.HandOver handOver -> handOver(turn, answer, handOver);
			case Verdict.Decline decline -> unresolved(turn, answer, this.notices.decline(turn.language()), List.of(),
					decline.decision(), EscalationLog.Outcome.DECLINED);
			case Verdict.Clarify clarify -> unresolved(turn, answer, this.notices.clarify(turn.language()),
					clarify.options(), clarify.decision(), EscalationLog.Outcome.CLARIFIED);
		};
	}

	/**
	 * Stores a turn the customer wrote while waiting for a person: the bot's answer when
	 * the verdict lets the bot reply, otherwise (the decision recorded, the conversation
	 * left in the queue) a notice with their place in the queue and the expected wait.
	 * @param answer the pipeline's answer, or {@code null} when a rule fired before
	 * answering
	 */
	@Transactional
	Message recordWhileWaiting(CustomerTurn turn, Answer answer, Verdict verdict) {
		return switch (verdict) {
			case Verdict.Reply reply -> answered(turn, answer);
			case Verdict.LlmReply llm -> llmAnswered(turn, llm);
			case Verdict.HandOver handOver -> stillWaiting(turn, answer, handOver.decision());
			case Verdict.Decline decline -> stillWaiting(turn, answer, decline.decision());
			case Verdict.Clarify clarify -> stillWaiting(turn, answer, clarify.decision());
		};
	}

	/**
	 * Stores Hearth's reply to small talk (a greeting, thanks, goodbye, "are you a bot?")
	 * as an answered turn by {@code small-talk}: it never counts as unresolved.
	 */
	@Transactional
	Message recordSmallTalk(java.util.UUID conversation, int seq, String reply) {
		Answer answer = new Answer(Decision.ANSWERED, null, reply, 1.0, 0, null, SMALL_TALK, List.of(), List.of(),
				Map.of());
		Message stored = this.conversations.addAnswer(conversation, seq, Conversations.Kept.NOTHING, answer);
		this.events.publishEvent(new TurnAnswered(conversation, seq, stored.seq(), SMALL_TALK));
		return stored;
	}

	/**
	 * What the turn keeps on the customer's message, written with the reply: its query
	 * and language.
	 */
	private static Conversations.Kept kept(CustomerTurn turn) {
		return (turn.seq() > 0) ? new Conversations.Kept(turn.query(), turn.language()) : Conversations.Kept.NOTHING;
	}

	private Message llmAnswered(CustomerTurn turn, Verdict.LlmReply llm) {
		this.decisions.record(turn.conversation(), turn.seq(), llm.decision(), EscalationLog.Outcome.LLM_ANSWERED,
				turn.text(), turn.query());
		return answered(turn, llm.answer());
	}

	private Message stillWaiting(CustomerTurn turn, Answer answer, EscalationDecision decision) {
		QueuedConversation queued = this.handoffs.find(turn.conversation());
		Duration waited = (queued.waitingSince() != null)
				? Duration.between(queued.waitingSince(), java.time.Instant.now()) : Duration.ZERO;
		String notice = this.notices.stillWaiting(turn.language(),
				Math.max(1, this.handoffs.queuePosition(turn.conversation())), this.waits.expected(waited));
		return unresolved(turn, answer, notice, List.of(), decision, EscalationLog.Outcome.NOT_HANDED_OFF);
	}

	/**
	 * Records the decision and stores the bot's reply to a turn it kept without resolving
	 * it.
	 */
	private Message unresolved(CustomerTurn turn, Answer answer, String notice, List<ClarifyOption> options,
			EscalationDecision decision, EscalationLog.Outcome outcome) {
		this.decisions.record(turn.conversation(), turn.seq(), decision, outcome, turn.text(), turn.query());
		Answer shown = (answer != null) ? answer.withText(notice)
				: new Answer(Decision.ESCALATE, null, notice, 0, 0, null, null, List.of(), List.of(), Map.of());
		String verdict = switch (outcome) {
			case DECLINED -> "DECLINE";
			case CLARIFIED -> "CLARIFY";
			default -> null;
		};
		Message stored = this.conversations.addAnswer(turn.conversation(), turn.seq(), kept(turn), shown, options,
				verdict);
		this.events.publishEvent(
				new TurnUnresolved(turn.conversation(), turn.seq(), stored.seq(), decision.rule(), outcome.name()));
		return stored;
	}

	/**
	 * Stores the answer; content in another language than the customer's (a German
	 * question answered only by English content) is introduced by a notice that says so,
	 * in the customer's language.
	 */
	private Message answered(CustomerTurn turn, Answer answer) {
		Answer shown = answer;
		String notice = this.notices.otherLanguage(turn.language(), answer.language());
		if (notice != null) {
			shown = answer.withText(notice + "\n\n" + answer.text()).inLanguage(answer.language());
		}
		Message stored = this.conversations.addAnswer(turn.conversation(), turn.seq(), kept(turn), shown);
		this.events.publishEvent(new TurnAnswered(turn.conversation(), turn.seq(), stored.seq(), answer.answeredBy()));
		return stored;
	}

	private Message handOver(CustomerTurn turn, Answer answer, Verdict.HandOver verdict) {
		boolean handedOff = this.handoffs.handOff(turn.conversation(), verdict.decision(), verdict.summary(),
				verdict.mode());
		this.decisions
			.record(turn.conversation(), turn.seq(), verdict.decision(),
					!handedOff ? EscalationLog.Outcome.NOT_HANDED_OFF : (verdict.mode() == HandoffMode.TICKET)
							? EscalationLog.Outcome.TICKET : EscalationLog.Outcome.HANDED_OFF,
					turn.text(), turn.query());
		String notice;
		HandoffDetails details;
		if (verdict.mode() == HandoffMode.LIVE) {
			Duration wait = this.waits.forNewHandoff();
			notice = this.notices.waitNotice(turn.language(), wait);
			details = new HandoffDetails(verdict.mode().name(), verdict.decision().rule(), wait.toSeconds());
		}
		else {
			notice = this.notices.ticketNotice(turn.language());
			details = new HandoffDetails(verdict.mode().name(), verdict.decision().rule(), null);
		}
		if (handedOff && verdict.draft() != null) {
			this.events.publishEvent(verdict.draft());
		}
		return (answer != null)
				? this.conversations.addAnswer(turn.conversation(), turn.seq(), kept(turn), answer.withText(notice),
						details)
				: this.conversations.addHandoffNotice(turn.conversation(), turn.seq(), kept(turn), notice, details);
	}

}
