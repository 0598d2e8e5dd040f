package dev.hearth.conversation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
	private static final long KEEP_ALIVE_MILLIS = 15_000;

	private final WidgetAccess access;

	private final Conversations conversations;

	private final Handoffs handoffs;

	private final ConversationAnswering answering;

	private final CustomerFeedback feedback;

	private final WidgetProperties properties;

	private final ConversationSignals signals;

	WidgetLiveController(WidgetAccess access, Conversations conversations, Handoffs handoffs,
			ConversationAnswering answering, CustomerFeedback feedback, WidgetProperties properties,
			ConversationSignals signals) {
		this.access = access;
		this.conversations = conversations;
		this.handoffs = handoffs;
		this.answering = answering;
		this.feedback = feedback;
		this.properties = properties;
		this.signals = signals;
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
	 * when {@link ConversationSignals} says the conversation changed (on any replica),
	 * and otherwise only every {@code hearth.widget.event-poll} (a safety poll).
	 */
	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id, @RequestHeader(name = "Authorization", required = false) String auth,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "after", required = false) Integer after) {
		this.access.authorize(id, auth);
		int from = (after != null) ? after : parse(lastEventId);
		if (from < 0) {
			throw new IllegalArgumentException("after must be 0 or the seq of the last message seen, got " + from);
		}
		long duration = this.properties.eventStream().toMillis();
		SseEmitter emitter = new SseEmitter(duration + 10_000);
		Thread.ofVirtual().name("widget-events-" + id).start(() -> stream(id, from, duration, emitter));
		return emitter;
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
		return WidgetStatus.of(conversation, name, this.feedback.csat(id), Instant.now());
	}

	private void stream(UUID id, int from, long duration, SseEmitter emitter) {
		long deadline = System.currentTimeMillis() + duration;
		long poll = Math.max(50, this.properties.eventPoll().toMillis());
		int last = from;
		WidgetStatus shown = null;
		long lastWrite = System.currentTimeMillis();
		boolean read = true;
		long lastRead = 0;
		// subscribed before the first read: a change between a read and the wait still
		// wakes it
		try (ConversationSignals.Subscription changes = this.signals.subscribe(id)) {
			while (System.currentTimeMillis() < deadline) {
				if (read) {
					lastRead = System.currentTimeMillis();
					List<Message> fresh = this.conversations.messagesAfter(id, last);
					for (Message message : fresh) {
						emitter.send(SseEmitter.event()
							.id(Integer.toString(message.seq()))
							.name("message")
							.data(message.forCustomer(), MediaType.APPLICATION_JSON));
						last = message.seq();
						lastWrite = System.currentTimeMillis();
					}
					WidgetStatus now = status(id);
					if (now.differsFrom(shown)) {
						emitter.send(SseEmitter.event().name("status").data(now, MediaType.APPLICATION_JSON));
						shown = now;
						lastWrite = System.currentTimeMillis();
					}
				}
				long now = System.currentTimeMillis();
				if (now - lastWrite >= KEEP_ALIVE_MILLIS) {
					emitter.send(SseEmitter.event().comment("keep-alive"));
					lastWrite = now;
				}
				long wait = Math.min(Math.min(lastRead + poll, lastWrite + KEEP_ALIVE_MILLIS), deadline) - now;
				boolean signalled = changes.await(Duration.ofMillis(Math.max(0, wait)));
				read = signalled || System.currentTimeMillis() >= lastRead + poll;
			}
			emitter.complete();
		}
		catch (IOException | IllegalStateException ex) {
			// the widget went away; it resumes from its last seq when it comes back
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
		catch (RuntimeException ex) {
			emitter.completeWithError(ex);
		}
	}

	private static int parse(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return 0;
		}
		try {
			return Integer.parseInt(lastEventId.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Last-Event-ID must be the seq of the last message seen, got '" + lastEventId + "'");
		}
	}

}
