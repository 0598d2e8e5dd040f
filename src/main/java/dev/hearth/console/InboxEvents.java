package dev.hearth.console;

import dev.hearth.system.ChangeFeed;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes inbox changes to every open console page as server-sent events: after a
 * conversation is handed off, claimed, transferred, assigned, resolved, abandoned or
 * closed (once the change is committed), on whichever replica, each connected page gets
 * an {@code inbox} event and reloads its rows. Events are numbered (the SSE id); the last
 * {@value #KEPT} are kept, so a page that connects with the id it was rendered with, or
 * reconnects with its {@code Last-Event-ID}, first gets every event it missed in between
 * (or one {@code RESYNC} when they are no longer kept, or were numbered before Hearth
 * restarted). Thread-safe; a page whose connection broke is dropped on the next event.
 */
@Component
class InboxEvents {

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	static final int KEPT = 200;

	/** The channel the conversation trigger notifies on state and assignment changes. */
	static final String CHANNEL = "hearth_inbox";

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	/** The last {@link #KEPT} events, oldest first; guarded by itself. */
	private final Deque<Event> recent = new ArrayDeque<>();

	private long lastId;

	private record Event(long id, Map<String, Object> data) {
	}

	InboxEvents(ChangeFeed feed) {
		feed.subscribe(CHANNEL, this::changed);
	}

	/** The id of the last event sent (0 before the first). */
	long lastId() {
		synchronized (this.recent) {
			return this.lastId;
		}
	}

	/**
	 * A new stream; with {@code after}, the events after that id are sent first.
	 * @param after the last event id the page knows of, or {@code null}
	 */
	SseEmitter connect(Long after) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		send(emitter, null, "hello", Map.of());
		// registered and replayed under the lock: no event is sent twice or lost between
		synchronized (this.recent) {
			if (after != null && after > this.lastId) {
				// numbered by another run of Hearth (restarted since): re-read
				send(emitter, this.lastId, "inbox", Map.of("change", "RESYNC"));
			}
			else if (after != null && after < this.lastId) {
				Event oldest = this.recent.peekFirst();
				if (oldest == null || oldest.id() > after + 1) {
					send(emitter, this.lastId, "inbox", Map.of("change", "RESYNC"));
				}
				else {
					this.recent.stream()
						.filter((e) -> e.id() > after)
						.forEach((e) -> send(emitter, e.id(), "inbox", e.data()));
				}
			}
			this.emitters.add(emitter);
		}
		return emitter;
	}

	/**
	 * A conversation's state or agent changed, on any replica: PostgreSQL notifies
	 * {@link #CHANNEL} with {@code "<conversation id> <state>"} at commit (a trigger, see
	 * {@code db/V22__replica_change_log.sql}).
	 */
	void changed(String payload) {
		String[] parts = payload.split(" ", 2);
		UUID conversation;
		try {
			conversation = UUID.fromString(parts[0]);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		String state = (parts.length > 1) ? parts[1] : "";
		broadcast(conversation, switch (state) {
			case "WAITING_FOR_AGENT" -> "HANDED_OFF";
			case "WITH_AGENT" -> "CLAIMED";
			default -> state;
		});
	}

	/**
	 * Ends every stream when Hearth stops, so open console pages do not hold up shutdown.
	 */
	@jakarta.annotation.PreDestroy
	void closeAll() {
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

	int connected() {
		return this.emitters.size();
	}

	private void broadcast(UUID conversation, String change) {
		Map<String, Object> data = Map.of("conversationId", conversation.toString(), "change", change);
		synchronized (this.recent) {
			Event event = new Event(++this.lastId, data);
			this.recent.addLast(event);
			if (this.recent.size() > KEPT) {
				this.recent.removeFirst();
			}
			for (SseEmitter emitter : this.emitters) {
				send(emitter, event.id(), "inbox", data);
			}
		}
	}

	private void send(SseEmitter emitter, Long id, String name, Map<String, Object> data) {
		try {
			SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data);
			emitter.send((id != null) ? event.id(Long.toString(id)) : event);
		}
		catch (IOException | IllegalStateException ex) {
			this.emitters.remove(emitter);
			emitter.completeWithError(ex);
		}
	}

}
