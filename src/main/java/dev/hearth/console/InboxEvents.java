package dev.hearth.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.hearth.conversation.ConversationAbandoned;
import dev.hearth.conversation.ConversationClaimed;
import dev.hearth.conversation.ConversationClosed;
import dev.hearth.conversation.ConversationHandedOff;
import dev.hearth.conversation.ConversationResolved;

/**
 * Pushes inbox changes to every open console page as server-sent events: after a
 * conversation is handed off, claimed, transferred, assigned, resolved, abandoned or
 * closed (once the change is committed), each connected page gets an {@code inbox} event
 * and reloads its rows. Thread-safe; a page whose connection broke is dropped on the next
 * event.
 */
@Component
class InboxEvents {

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	SseEmitter connect() {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		this.emitters.add(emitter);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		send(emitter, "hello", Map.of());
		return emitter;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ConversationHandedOff event) {
		broadcast(event.conversationId(), "HANDED_OFF");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ConversationClaimed event) {
		broadcast(event.conversationId(), "CLAIMED");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ConversationResolved event) {
		broadcast(event.conversationId(), "RESOLVED");
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
