package dev.hearth.conversation;

import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.CustomerTurn;
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

	TurnRecorder(Conversations conversations, Handoffs handoffs, EscalationLog decisions,
			ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.handoffs = handoffs;
		this.decisions = decisions;
		this.events = events;
	}

	/**
	 * Stores the turn and its verdict; returns the message that answers the customer (the
	 * answer, or the notice that a person is coming or that a ticket needs contact
	 * details).
	 * @param answer the pipeline's answer, or {@code null} when the turn was handed over
	 * before answering
	 */
	@Transactional
	Message record(CustomerTurn turn, Answer answer, Verdict verdict) {
		if (turn.query() != null && turn.seq() > 0) {
			this.conversations.keepQuery(turn.conversation(), turn.seq(), turn.query());
		}
		Message stored = switch (verdict) {
			case Verdict.Reply reply -> answered(turn, answer);
			case Verdict.LlmReply llm -> {
				this.decisions.record(turn.conversation(), turn.seq(), llm.decision(),
						EscalationLog.Outcome.LLM_ANSWERED, turn.text(), turn.query());
				yield answered(turn, llm.answer());
			}
			case Verdict.HandOver handOver -> handOver(turn, answer, handOver);
		};
		this.conversations.touch(turn.conversation());
		return stored;
	}

	private Message answered(CustomerTurn turn, Answer answer) {
		Message stored = this.conversations.addAnswer(turn.conversation(), turn.seq(), answer);
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
			Duration wait = this.handoffs.estimatedWait();
			notice = this.handoffs.waitNotice(wait);
			details = new HandoffDetails(verdict.mode().name(), verdict.decision().rule(), wait.toSeconds());
		}
		else {
			notice = this.handoffs.ticketNotice();
			details = new HandoffDetails(verdict.mode().name(), verdict.decision().rule(), null);
		}
		if (handedOff && verdict.draft() != null) {
			this.events.publishEvent(verdict.draft());
		}
		return (answer != null)
				? this.conversations.addAnswer(turn.conversation(), turn.seq(),
						new Answer(answer.decision(), answer.reason(), notice, answer.confidence(),
								answer.routerConfidence(), answer.faqId(), answer.answeredBy(), answer.citations(),
								answer.ranked(), answer.timings()),
						details)
				: this.conversations.addHandoffNotice(turn.conversation(), turn.seq(), notice, details);
	}

}
