package dev.hearth.console;

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
import dev.hearth.conversation.LiveFollow;
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

	private final LiveFollow follow;

	private final Masking masking;

	ConversationLiveController(ConversationPageController pages, Conversations conversations,
			ConsoleProperties properties, LiveFollow follow, Masking masking) {
		this.follow = follow;
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
		int from = LiveFollow.resumeAfter(after, lastEventId);
		return this.follow.follow(id, from, this.properties.liveStream(), this.properties.livePoll(),
				new LiveFollow.Page<Map<String, String>>("console-live",
						(message) -> Map.of("seq", message.seq(), "role", message.role()), "state", () -> {
							QueuedConversation now = this.pages.visible(id, me);
							return Map.of("state", now.state().name(), "agent",
									Objects.requireNonNullElse(now.assignedAgent(), ""));
						}, (now, shown) -> !now.equals(shown)));
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
					.map((message) -> message.maskedFor(mask))
					.toList());
		return "console/conversation :: messages";
	}

}
