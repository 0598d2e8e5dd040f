package dev.hearth.console;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.hearth.conversation.Conversations;
import dev.hearth.conversation.Message;
import dev.hearth.conversation.QueuedConversation;
import dev.hearth.identity.SignedInUser;
import dev.hearth.privacy.Masking;

/**
 * The live side of an open conversation page: a stream of server-sent events and the
 * transcript rows it announces. The stream sends {@code message} (id: the message's seq;
 * data: seq and role) for every message after {@code after} (or the {@code Last-Event-ID}
 * the browser sends when it reconnects), then for each new one, and {@code state} (state
 * and agent) first and whenever either changes; the page then loads the new rows from
 * {@code /messages?after=} (rendered like the rest of the page) and, after a state
 * change, the page's panels. Only who may see the conversation may follow it; a stream
 * ends after {@code hearth.console.live-stream} or when the conversation becomes
 * invisible to the agent (transferred away).
 */
@Controller
class ConversationLiveController {

	private final ConversationPageController pages;

	private final Conversations conversations;

	private final ConsoleProperties properties;

	private final Masking masking;

	ConversationLiveController(ConversationPageController pages, Conversations conversations,
			ConsoleProperties properties, Masking masking) {
		this.masking = masking;
		this.pages = pages;
		this.conversations = conversations;
		this.properties = properties;
	}

	@GetMapping(path = "/console/conversations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id, @RequestParam(required = false) Integer after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Authentication user) {
		SignedInUser me = SignedInUser.of(user);
		this.pages.visible(id, me);
		int from = (lastEventId != null && !lastEventId.isBlank()) ? seq(lastEventId) : (after != null) ? after : 0;
		if (from < 0) {
			throw new IllegalArgumentException("after must be 0 or the seq of the last message shown, got " + from);
		}
		long duration = this.properties.liveStream().toMillis();
		SseEmitter emitter = new SseEmitter(duration + 10_000);
		Thread.ofVirtual().name("console-live-" + id).start(() -> stream(id, me, from, duration, emitter));
		return emitter;
	}

	/** The transcript rows after a seq, as the page shows them. */
	@GetMapping("/console/conversations/{id}/messages")
	String messages(@PathVariable UUID id, @RequestParam(defaultValue = "0") int after, Authentication user,
			Model model) {
		if (after < 0) {
			throw new IllegalArgumentException("after must be 0 or the seq of the last message shown, got " + after);
		}
		SignedInUser me = SignedInUser.of(user);
		QueuedConversation conversation = this.pages.visible(id, me);
		var mask = this.masking.forRoles(me.roles().stream().map(Enum::name).toList());
		model.addAttribute("conversation", conversation.masked(mask));
		model.addAttribute("summary", conversation.summary().masked(mask));
		model.addAttribute("messages",
				this.conversations.messagesAfter(id, after)
					.stream()
					.map((message) -> message.withText(mask.apply(message.text())))
					.toList());
		return "console/conversation :: messages";
	}

	private void stream(UUID id, SignedInUser me, int from, long duration, SseEmitter emitter) {
		long deadline = System.currentTimeMillis() + duration;
		long poll = this.properties.livePoll().toMillis();
		int last = from;
		Map<String, String> shown = null;
		long lastWrite = System.currentTimeMillis();
		try {
			while (System.currentTimeMillis() < deadline) {
				List<Message> fresh = this.conversations.messagesAfter(id, last);
				for (Message message : fresh) {
					emitter.send(SseEmitter.event()
						.id(Integer.toString(message.seq()))
						.name("message")
						.data(Map.of("seq", message.seq(), "role", message.role()), MediaType.APPLICATION_JSON));
					last = message.seq();
					lastWrite = System.currentTimeMillis();
				}
				QueuedConversation now = this.pages.visible(id, me);
				Map<String, String> state = Map.of("state", now.state().name(), "agent",
						Objects.requireNonNullElse(now.assignedAgent(), ""));
				if (!state.equals(shown)) {
					emitter.send(SseEmitter.event().name("state").data(state, MediaType.APPLICATION_JSON));
					shown = state;
					lastWrite = System.currentTimeMillis();
				}
				if (System.currentTimeMillis() - lastWrite > 15_000) {
					emitter.send(SseEmitter.event().comment("keep-alive"));
					lastWrite = System.currentTimeMillis();
				}
				Thread.sleep(poll);
			}
			emitter.complete();
		}
		catch (IOException | IllegalStateException ex) {
			// the page went away; it resumes from its last seq when it comes back
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
		catch (RuntimeException ex) {
			// e.g. transferred to another agent: no longer this agent's to follow
			emitter.complete();
		}
	}

	private static int seq(String lastEventId) {
		try {
			return Integer.parseInt(lastEventId.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Last-Event-ID must be the seq of the last message shown, got '" + lastEventId + "'");
		}
	}

}
