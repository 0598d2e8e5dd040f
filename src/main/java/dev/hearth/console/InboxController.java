package dev.hearth.console;

import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.hearth.conversation.AgentInbox;
import dev.hearth.identity.SignedInUser;
import dev.hearth.privacy.Masking;

/**
 * The live inbox: the page, its rows (reloaded by the page when an event arrives) and the
 * event stream.
 */
@Controller
class InboxController {

	private final AgentInbox inbox;

	private final InboxEvents events;

	private final Masking masking;

	InboxController(AgentInbox inbox, InboxEvents events, Masking masking) {
		this.inbox = inbox;
		this.events = events;
		this.masking = masking;
	}

	@GetMapping("/console/inbox")
	String page(@RequestParam(defaultValue = "all") String filter, Authentication user, Model model) {
		// read before the rows: the page's stream replays every event after it, so a
		// change between this render and the stream's connect is not missed
		model.addAttribute("lastEvent", this.events.lastId());
		rows(filter, user, model);
		return "console/inbox";
	}

	@GetMapping("/console/inbox/rows")
	String rows(@RequestParam(defaultValue = "all") String filter, Authentication user, Model model) {
		AgentInbox.Filter chosen = AgentInbox.Filter.of(filter);
		model.addAttribute("filter", chosen.param());
		var mask = this.masking.forRoles(SignedInUser.of(user).roles().stream().map(Enum::name).toList());
		model.addAttribute("rows",
				this.inbox.rows(chosen, user.getName()).stream().map((row) -> row.masked(mask)).toList());
		model.addAttribute("now", Instant.now());
		return "console/inbox :: rows";
	}

	/**
	 * @param after the last event id the page knows of (rendered with it)
	 * @param lastEventId what the browser sends when it reconnects: wins over
	 * {@code after}
	 */
	@GetMapping(path = "/console/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@RequestParam(required = false) Long after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		Long from = after;
		if (lastEventId != null && !lastEventId.isBlank()) {
			try {
				from = Long.parseLong(lastEventId.strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"Last-Event-ID must be the id of the last inbox event seen, got '" + lastEventId + "'");
			}
		}
		return this.events.connect(from);
	}

}
