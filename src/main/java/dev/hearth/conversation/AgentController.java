package dev.hearth.conversation;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.hearth.escalation.AgentPresence;
import dev.hearth.identity.SignedInUser;
import dev.hearth.privacy.Masking;
import dev.hearth.system.InputText;

/**
 * The agent-facing API over handed-over conversations: the queue, claim, the transcript,
 * reply, transfer and resolve. The agent is the authenticated caller; the console builds
 * its screens on this.
 */
@RestController
@RequestMapping("/api/agent/conversations")
class AgentController {

	private final Handoffs handoffs;

	private final Conversations conversations;

	private final AgentPresence presence;

	private final Masking masking;

	AgentController(Handoffs handoffs, Conversations conversations, AgentPresence presence, Masking masking) {
		this.handoffs = handoffs;
		this.conversations = conversations;
		this.presence = presence;
		this.masking = masking;
	}

	/** Every call counts as the agent being online (for business hours with presence). */
	@ModelAttribute
	void seen(Principal agent) {
		if (agent != null) {
			this.presence.seen(agent.getName());
		}
	}

	record Reply(String text) {
	}

	record Transfer(String to) {
	}

	record Resolution(String outcome) {
	}

	/**
	 * @param filter {@code all} (default), {@code waiting} or {@code mine}
	 */
	@GetMapping
	List<QueuedConversation> queue(@RequestParam(defaultValue = "all") String filter, Authentication agent) {
		var mask = this.masking.forRoles(SignedInUser.of(agent).roles().stream().map(Enum::name).toList());
		List<QueuedConversation> queue = this.handoffs.queue().stream().map((c) -> c.masked(mask)).toList();
		return switch (filter) {
			case "all" -> queue;
			case "waiting" -> queue.stream().filter((c) -> c.state() == ConversationState.WAITING_FOR_AGENT).toList();
			case "mine" -> queue.stream().filter((c) -> agent.getName().equals(c.assignedAgent())).toList();
			default -> throw new IllegalArgumentException("filter must be all, waiting or mine, got '" + filter + "'");
		};
	}

	/**
	 * The transcript, for the callers {@link AgentAccess} allows (403 for an agent and
	 * another agent's conversation), with regulated data masked for the caller's roles
	 * ({@link Masking}).
	 */
	@GetMapping("/{id}/messages")
	List<Message> transcript(@PathVariable UUID id, Authentication caller) {
		requireReadable(id, caller);
		UnaryOperator<String> mask = this.masking
			.forRoles(SignedInUser.of(caller).roles().stream().map(Enum::name).toList());
		return this.conversations.transcript(id).stream().map((message) -> message.maskedFor(mask)).toList();
	}

	/**
	 * The draft answer an approved model wrote for the agent; 404 when there is none, 403
	 * as for the transcript.
	 */
	@GetMapping("/{id}/draft")
	AgentDraft draft(@PathVariable UUID id, Authentication caller) {
		requireReadable(id, caller);
		List<String> roles = SignedInUser.of(caller).roles().stream().map(Enum::name).toList();
		return this.handoffs.draft(id)
			.map((draft) -> new AgentDraft(this.masking.mask(draft.text(), roles), draft.endpoint(), draft.createdAt()))
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No draft for conversation " + id
							+ ": the policy did not ask for one, no approved LLM may draft, or it had no answer."),
					null));
	}

	private void requireReadable(UUID id, Authentication caller) {
		SignedInUser user = SignedInUser.of(caller);
		if (!AgentAccess.mayRead(this.handoffs.find(id), user)) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN,
					ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Conversation " + id
							+ " belongs to another agent: only its agent, a supervisor or an admin may read it."),
					null);
		}
	}

	@PostMapping("/{id}/claim")
	QueuedConversation claim(@PathVariable UUID id, Principal agent) {
		return this.handoffs.claim(id, agent.getName());
	}

	@PostMapping("/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	Message reply(@PathVariable UUID id, @RequestBody(required = false) Reply reply, Principal agent) {
		if (reply == null || !InputText.hasVisibleText(reply.text())) {
			throw new IllegalArgumentException("the reply is empty: send {\"text\": \"...\"}");
		}
		return this.handoffs.reply(id, agent.getName(), reply.text().strip());
	}

	@PostMapping("/{id}/transfer")
	QueuedConversation transfer(@PathVariable UUID id, @RequestBody(required = false) Transfer transfer,
			Principal agent) {
		if (transfer == null || transfer.to() == null || transfer.to().isBlank()) {
			throw new IllegalArgumentException("say to whom: send {\"to\": \"agent name\"}");
		}
		return this.handoffs.transfer(id, agent.getName(), transfer.to().strip());
	}

	@PostMapping("/{id}/resolve")
	QueuedConversation resolve(@PathVariable UUID id, @RequestBody(required = false) Resolution resolution,
			Principal agent) {
		String outcome = (resolution != null && resolution.outcome() != null && !resolution.outcome().isBlank())
				? resolution.outcome().strip() : "resolved";
		return this.handoffs.resolve(id, agent.getName(), outcome);
	}

}
