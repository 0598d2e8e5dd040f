package dev.hearth.console;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hearth.conversation.AgentAccess;
import dev.hearth.conversation.AgentDraft;
import dev.hearth.conversation.ConversationState;
import dev.hearth.conversation.Conversations;
import dev.hearth.conversation.Handoffs;
import dev.hearth.conversation.QueuedConversation;
import dev.hearth.identity.Agents;
import dev.hearth.identity.SignedInUser;
import dev.hearth.privacy.Masking;

/**
 * A conversation as an agent works on it: the transcript with the bot's confidence and
 * passages, the handoff summary and draft, notes, and the actions (claim, reply, note,
 * transfer, assign, resolve). The state machine's rules (only the owner replies, exactly
 * one claim wins) are enforced by {@link Handoffs}; this controller adds who may see
 * what: an agent sees waiting conversations and their own, supervisors and admins see
 * all.
 */
@Controller
class ConversationPageController {

	static final int MAX_TEXT = 4000;

	static final List<String> OUTCOMES = List.of("resolved", "answered-by-agent", "ticket-created", "no-response",
			"not-our-business", "duplicate");

	private final Handoffs handoffs;

	private final Conversations conversations;

	private final ConversationNotes notes;

	private final CannedResponses canned;

	private final Flash flash;

	private final Agents agents;

	private final Masking masking;

	ConversationPageController(Handoffs handoffs, Conversations conversations, ConversationNotes notes,
			CannedResponses canned, Flash flash, Agents agents, Masking masking) {
		this.agents = agents;
		this.masking = masking;
		this.handoffs = handoffs;
		this.conversations = conversations;
		this.notes = notes;
		this.canned = canned;
		this.flash = flash;
	}

	@GetMapping("/console/conversations/{id}")
	String view(@PathVariable UUID id, Authentication user, Model model) {
		SignedInUser me = SignedInUser.of(user);
		QueuedConversation conversation = visible(id, me);
		UnaryOperator<String> mask = this.masking.forRoles(me.roles().stream().map(Enum::name).toList());
		model.addAttribute("conversation", conversation.masked(mask));
		model.addAttribute("summary", conversation.summary().masked(mask));
		model.addAttribute("messages",
				this.conversations.transcript(id).stream().map((message) -> message.maskedFor(mask)).toList());
		model.addAttribute("notes", this.notes.of(id));
		model.addAttribute("canned", this.canned.all());
		model.addAttribute("outcomes", OUTCOMES);
		model.addAttribute("agents", this.agents.all());
		model.addAttribute("mine", conversation.state() == ConversationState.WITH_AGENT
				&& me.username().equals(conversation.assignedAgent()));
		model.addAttribute("draft",
				this.handoffs.draft(id)
					.map((draft) -> new AgentDraft(mask.apply(draft.text()), draft.endpoint(), draft.createdAt()))
					.map(ConversationPageController::draft)
					.orElse(null));
		return "console/conversation";
	}

	@PostMapping("/console/conversations/{id}/claim")
	String claim(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
		SignedInUser me = SignedInUser.of(user);
		try {
			this.handoffs.claim(id, me.username());
			this.flash.notice(redirect, "conversation.claimed");
			return "redirect:/console/conversations/" + id;
		}
		catch (ErrorResponseException ex) {
			this.flash.problem(redirect, "console.error.conflict", ex.getBody().getDetail());
			return "redirect:/console/inbox";
		}
	}

	@PostMapping("/console/conversations/{id}/reply")
	String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Authentication user,
			RedirectAttributes redirect) {
		SignedInUser me = SignedInUser.of(user);
		String reply = text.strip();
		if (reply.isEmpty() || reply.length() > MAX_TEXT) {
			this.flash.problem(redirect, "conversation.reply.empty");
			return back(id);
		}
		// Handoffs checks that the signed-in agent owns the conversation; the customer's
		// widget shows the reply live under the agent's display name.
		return act(id, redirect, "conversation.reply.sent",
				() -> this.handoffs.reply(id, me.username(), me.displayName(), reply));
	}

	@PostMapping("/console/conversations/{id}/notes")
	String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Authentication user,
			RedirectAttributes redirect) {
		SignedInUser me = SignedInUser.of(user);
		visible(id, me);
		String note = text.strip();
		if (note.isEmpty() || note.length() > MAX_TEXT) {
			this.flash.problem(redirect, "conversation.notes.empty");
			return back(id);
		}
		this.notes.add(id, me.username(), note);
		this.flash.notice(redirect, "conversation.notes.added");
		return back(id);
	}

	@PostMapping("/console/conversations/{id}/transfer")
	String transfer(@PathVariable UUID id, @RequestParam(defaultValue = "") String to, Authentication user,
			RedirectAttributes redirect) {
		String me = SignedInUser.of(user).username();
		return handOver(id, to, redirect, "conversation.transfer.done",
				(target) -> this.handoffs.transfer(id, me, target));
	}

	@PostMapping("/console/conversations/{id}/assign")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String to, Authentication user,
			RedirectAttributes redirect) {
		String me = SignedInUser.of(user).username();
		return handOver(id, to, redirect, "conversation.assign.done", (target) -> this.handoffs.assign(id, me, target));
	}

	@PostMapping("/console/conversations/{id}/resolve")
	String resolve(@PathVariable UUID id, @RequestParam(defaultValue = "resolved") String outcome, Authentication user,
			RedirectAttributes redirect) {
		SignedInUser me = SignedInUser.of(user);
		if (!OUTCOMES.contains(outcome)) {
			throw new IllegalArgumentException("outcome must be one of " + OUTCOMES + ", got '" + outcome + "'");
		}
		return act(id, redirect, "conversation.resolve.done", () -> this.handoffs.resolve(id, me.username(), outcome),
				this.flash.text("outcome." + outcome));
	}

	/**
	 * Transfer or assign to the agent named {@code to}, which must not be blank; an
	 * unknown agent is refused by {@link Handoffs} with 400.
	 */
	private String handOver(UUID id, String to, RedirectAttributes redirect, String doneKey,
			java.util.function.Consumer<String> action) {
		String target = to.strip();
		if (target.isEmpty()) {
			this.flash.problem(redirect, "conversation.transfer.empty");
			return back(id);
		}
		return act(id, redirect, doneKey, () -> action.accept(target), target);
	}

	private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable action, Object... args) {
		try {
			action.run();
			this.flash.notice(redirect, doneKey, args);
		}
		catch (ErrorResponseException ex) {
			if (ex.getStatusCode().value() != 409) {
				// not a race with a colleague but a wrong request: the 400 page says what
				throw ex;
			}
			this.flash.problem(redirect, "console.error.conflict", ex.getBody().getDetail());
		}
		return back(id);
	}

	/**
	 * The conversation, if this user may see it.
	 * @throws AccessDeniedException for an agent and another agent's conversation
	 */
	QueuedConversation visible(UUID id, SignedInUser me) {
		QueuedConversation conversation = this.handoffs.find(id);
		if (!AgentAccess.mayRead(conversation, me)) {
			throw new AccessDeniedException("conversation " + id + " belongs to another agent");
		}
		return conversation;
	}

	/**
	 * The draft answer an approved model wrote for the agent: its text and the endpoint
	 * (model) that wrote it, or {@code null} when it has no text.
	 */
	static DraftView draft(AgentDraft draft) {
		if (draft.text() != null && !draft.text().isBlank()) {
			return new DraftView(draft.text(), (draft.endpoint() != null) ? draft.endpoint() : "");
		}
		return null;
	}

	/**
	 * The draft as the page shows it.
	 *
	 * @param text the draft
	 * @param model the endpoint (model) that wrote it, or empty
	 */
	public record DraftView(String text, String model) {
	}

	private static String back(UUID id) {
		return "redirect:/console/conversations/" + id;
	}

}
