package dev.hearth.conversation;

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
import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.EscalationReason;
import dev.hearth.escalation.Escalation;
import dev.hearth.escalation.Verdict;

/**
 * Runs a stored customer message through its turn: builds the {@link CustomerTurn} once,
 * asks {@link Escalation} before and after the {@link AnswerPipeline} answers, and has
 * {@link TurnRecorder} store the outcome in one transaction. It decides nothing itself.
 * Whatever fails while answering becomes an escalation with reason {@code MODEL_FAILURE}:
 * the customer is never left without a reply, and their message is already safe.
 * Thread-safe.
 */
@Service
class ConversationAnswering {

	private static final Logger log = LoggerFactory.getLogger(ConversationAnswering.class);

	private final Conversations conversations;

	private final CustomerTurns turns;

	private final AnswerPipeline pipeline;

	private final Escalation escalation;

	private final TurnRecorder recorder;

	private final ConversationMetrics metrics;

	private final Notices notices;

	ConversationAnswering(Conversations conversations, CustomerTurns turns, AnswerPipeline pipeline,
			Escalation escalation, TurnRecorder recorder, ConversationMetrics metrics, Notices notices) {
		this.notices = notices;
		this.metrics = metrics;
		this.conversations = conversations;
		this.turns = turns;
		this.pipeline = pipeline;
		this.escalation = escalation;
		this.recorder = recorder;
	}

	/**
	 * Answers the customer's message (small talk with a short friendly line, in the
	 * customer's language), declines it politely, asks which of a few answers is meant,
	 * or hands the conversation to a person when a rule says so. While the customer waits
	 * for a person (WAITING_FOR_AGENT) the bot keeps answering what it can and otherwise
	 * tells them their place in the queue and the wait. Returns the stored reply, or
	 * {@code null} when a person has claimed the conversation (WITH_AGENT): the message
	 * then waits for them.
	 */
	Message answer(UUID conversation, Message question, Consumer<String> stream) {
		return answer(conversation, this.conversations.head(conversation), question, stream);
	}

	/**
	 * {@link #answer(UUID, Message, Consumer)} with the conversation's head as it was
	 * read when the message was stored (no second read).
	 */
	Message answer(UUID conversation, Conversations.Head head, Message question, Consumer<String> stream) {
		if (head.state() == ConversationState.WITH_AGENT) {
			this.conversations.touch(conversation);
			return null;
		}
		boolean waiting = head.state() == ConversationState.WAITING_FOR_AGENT;
		this.metrics.question();
		Optional<SmallTalk.Said> smallTalk = SmallTalk.of(question.text());
		if (smallTalk.isPresent()) {
			// a greeting, thanks, goodbye or "are you a bot?": a short friendly line, an
			// answered turn (never unresolved), no search and no policy
			Message stored = this.recorder.recordSmallTalk(conversation, question.seq(),
					this.notices.smallTalk(smallTalk.get(), head.language()));
			this.pipeline.wroteReply(stored.text());
			stream.accept(stored.text());
			return stored;
		}
		CustomerTurn turn = this.turns.of(conversation, head, question);
		Verdict verdict = this.escalation.before(turn);
		Answer answer = null;
		if (verdict instanceof Verdict.Reply) {
			answer = answer(turn, stream);
			verdict = this.escalation.after(turn, answer);
		}
		Message stored = waiting ? this.recorder.recordWhileWaiting(turn, answer, verdict)
				: this.recorder.record(turn, answer, verdict);
		if (hearthWrote(verdict, answer)) {
			this.pipeline.wroteReply(stored.text());
		}
		if (!(verdict instanceof Verdict.Reply)) {
			stream.accept(stored.text());
		}
		return stored;
	}

	/**
	 * The customer pressed "Talk to a person": the same path as a customer asking in
	 * words (rule {@code customer-asked-for-person}), live or as a ticket depending on
	 * business hours, with a summary of what was said so far. Returns the notice that
	 * tells the customer, or empty when a person already has the conversation.
	 */
	Optional<Message> handOffOnRequest(UUID conversation) {
		Conversations.Head head = this.conversations.head(conversation);
		if (withPerson(head.state())) {
			return Optional.empty();
		}
		Message lastQuestion = null;
		for (Message message : this.conversations.transcript(conversation)) {
			if (message.role() == MessageRole.CUSTOMER) {
				lastQuestion = message;
			}
		}
		CustomerTurn turn = this.turns.onRequest(conversation, head, lastQuestion);
		return Optional.of(this.recorder.record(turn, null, this.escalation.onRequest(turn)));
	}

	private Answer answer(CustomerTurn turn, Consumer<String> stream) {
		try {
			if (turn.query() != null) {
				return this.pipeline.answer(turn, stream);
			}
		}
		catch (RuntimeException ex) {
			log.error("Answering message {} of conversation {} failed", turn.seq(), turn.conversation(), ex);
		}
		return new Answer(Decision.ESCALATE, EscalationReason.MODEL_FAILURE, "", 0, 0, null, null, List.of(), List.of(),
				Map.of());
	}

	/**
	 * Whether the stored reply is Hearth's own text: an FAQ or extractive answer, or a
	 * notice (handing over, declining, asking back, the place in the queue); not a
	 * language model's answer.
	 */
	private static boolean hearthWrote(Verdict verdict, Answer answer) {
		if (verdict instanceof Verdict.LlmReply) {
			return false;
		}
		if (verdict instanceof Verdict.Reply) {
			return answer != null && ("faq".equals(answer.answeredBy()) || "extractive".equals(answer.answeredBy()));
		}
		return true;
	}

	private static boolean withPerson(ConversationState state) {
		return state == ConversationState.WAITING_FOR_AGENT || state == ConversationState.WITH_AGENT;
	}

}
