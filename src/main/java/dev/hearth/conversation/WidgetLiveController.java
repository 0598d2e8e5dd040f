package dev.hearth.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.hearth.widget.WidgetProperties;

/**
 * The widget's live side: the conversation's status (who has it, the wait), a live stream
 * of new messages and status changes that resumes after the last message the widget saw,
 * the "Talk to a person" button, thumbs up/down on answers and the satisfaction rating
 * after resolution. Every call carries the conversation token in
 * {@code Authorization: Bearer <token>}; the stream is read with {@code fetch} (an
 * {@code EventSource} cannot send that header).
 */
@RestController
@RequestMapping("/api/widget/conversations/{id}")
class WidgetLiveController {

	/** A comment line this often keeps proxies from closing a quiet stream. */

	private final WidgetAccess access;

	private final Conversations conversations;

	private final Handoffs handoffs;

	private final ConversationAnswering answering;

	private final CustomerFeedback feedback;

	private final WidgetProperties properties;

	private final WaitEstimates waits;

	private final LiveFollow follow;

	WidgetLiveController(WidgetAccess access, Conversations conversations, Handoffs handoffs,
			ConversationAnswering answering, CustomerFeedback feedback, WidgetProperties properties,
			WaitEstimates waits, LiveFollow follow) {
		this.waits = waits;
		this.follow = follow;
		this.access = access;
		this.conversations = conversations;
		this.handoffs = handoffs;
		this.answering = answering;
		this.feedback = feedback;
		this.properties = properties;
	}

	/**
	 * @param rating 1 (helpful) or -1 (not helpful)
	 * @param comment optional
	 */
	record AnswerRating(Integer rating, String comment) {
	}

	/**
	 * @param score 1 to 5
	 * @param comment optional
	 */
	record Satisfaction(Integer score, String comment) {
	}

	@GetMapping("/status")
	WidgetStatus status(@PathVariable UUID id, @RequestHeader(name = "Authorization", required = false) String auth) {
		this.access.authorize(id, auth);
		return status(id);
	}

	/**
	 * Server-Sent Events: {@code message} (a stored message, its {@code id} is its seq)
	 * for every message after {@code after} (or the {@code Last-Event-ID}), then each new
	 * one as it is stored; {@code status} first and whenever the status changes. The
	 * stream ends after {@code hearth.widget.event-stream}; the widget reconnects with
	 * the last seq it saw, so nothing is lost or repeated. The stream reads the database
	 * when {@link ConversationSignals} says the conversation changed (on any replica: a
	 * notification, or the replica's one sweep of every followed conversation), and on
	 * its own every {@code hearth.widget.event-poll} only while the change feed's
	 * listener connection is down.
	 */
	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id, @RequestHeader(name = "Authorization", required = false) String auth,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "after", required = false) Integer after) {
		this.access.authorize(id, auth);
		int from = LiveFollow.resumeAfter(after, lastEventId);
		return this.follow.followSignalled(id, from, this.properties.eventStream(), this.properties.eventPoll(),
				new LiveFollow.Page<>("widget-events", Message::forCustomer, "status", () -> status(id),
						WidgetStatus::differsFrom, WidgetStatus::queued));
	}

	@PostMapping("/handoff")
	Map<String, Object> talkToAPerson(@PathVariable UUID id,
			@RequestHeader(name = "Authorization", required = false) String auth) {
		this.access.authorize(id, auth);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("message", this.answering.handOffOnRequest(id).map(Message::forCustomer).orElse(null));
		result.put("status", status(id));
		return result;
	}

	@PostMapping("/messages/{seq}/feedback")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void rateAnswer(@PathVariable UUID id, @PathVariable int seq,
			@RequestHeader(name = "Authorization", required = false) String auth,
			@RequestBody(required = false) AnswerRating rating) {
		this.access.authorize(id, auth);
		if (rating == null) {
			throw new IllegalArgumentException("send {\"rating\": 1} or {\"rating\": -1, \"comment\": \"...\"}");
		}
		this.feedback.rateAnswer(id, seq, rating.rating(), rating.comment());
	}

	@PostMapping("/csat")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void rateConversation(@PathVariable UUID id, @RequestHeader(name = "Authorization", required = false) String auth,
			@RequestBody(required = false) Satisfaction satisfaction) {
		this.access.authorize(id, auth);
		if (satisfaction == null) {
			throw new IllegalArgumentException("send {\"score\": 1 to 5, \"comment\": \"optional\"}");
		}
		this.feedback.rateConversation(id, satisfaction.score(), satisfaction.comment());
	}

	private WidgetStatus status(UUID id) {
		QueuedConversation conversation = this.handoffs.find(id);
		// polled every second per open widget: ask for the agent's name only when it is
		// shown
		boolean named = conversation.state() == ConversationState.WITH_AGENT
				|| conversation.state() == ConversationState.RESOLVED;
		// the agent's display name from the start, the same on every status and message:
		// never the username first and the display name later
		String name = (named && conversation.assignedAgent() != null)
				? this.handoffs.displayName(conversation.assignedAgent())
				: (named ? this.conversations.lastAgentAuthor(id).orElse(null) : null);
		if (WidgetStatus.inLiveQueue(conversation)) {
			Duration waited = (conversation.waitingSince() != null)
					? Duration.between(conversation.waitingSince(), Instant.now()) : Duration.ZERO;
			return WidgetStatus.of(conversation, name, this.feedback.csat(id), this.handoffs.queuePosition(id),
					this.waits.expected(waited));
		}
		return WidgetStatus.of(conversation, name, this.feedback.csat(id), 0, null);
	}

}
