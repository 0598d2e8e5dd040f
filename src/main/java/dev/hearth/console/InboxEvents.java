package dev.hearth.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.hearth.system.ChangeFeed;

/**
 * Pushes inbox changes to every open console page as server-sent events: after a
 * conversation is handed off, claimed, transferred, assigned, resolved, abandoned or
 * closed (once the change is committed), on whichever replica, each connected page gets
 * an {@code inbox} event and reloads its rows. Thread-safe; a page whose connection broke
 * is dropped on the next event.
 */
@Component
class InboxEvents {

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	/** The channel the conversation trigger notifies on state and assignment changes. */
	static final String CHANNEL = "hearth_inbox";

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	InboxEvents(ChangeFeed feed) {
		feed.subscribe(CHANNEL, this::changed);
	}

	SseEmitter connect() {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		this.emitters.add(emitter);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		send(emitter, "hello", Map.of());
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
		for (SseEmitter emitter : this.emitters) {
			send(emitter, "inbox", data);
		}
	}

	private void send(SseEmitter emitter, String name, Map<String, Object> data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data));
		}
		catch (IOException | IllegalStateException ex) {
			this.emitters.remove(emitter);
			emitter.completeWithError(ex);
		}
	}

}
