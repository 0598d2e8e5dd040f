package dev.hearth.escalation;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a handoff goes to the live queue or becomes a ticket, from the policy's
 * business hours and, if the policy asks for it, whether any agent is active.
 * Thread-safe.
 */
@Component
public class HandoffRouting {

	private final EscalationPolicies policies;

	private final AgentPresence presence;

	private final Clock clock;

	@Autowired
	HandoffRouting(EscalationPolicies policies, AgentPresence presence) {
		this(policies, presence, Clock.systemUTC());
	}

	HandoffRouting(EscalationPolicies policies, AgentPresence presence, Clock clock) {
		this.policies = policies;
		this.presence = presence;
		this.clock = clock;
	}

	/** How a conversation handed over now reaches a person. */
	public HandoffMode modeNow() {
		BusinessHours hours = this.policies.current().businessHours();
		if (!hours.isOpen(this.clock.instant())) {
			return HandoffMode.TICKET;
		}
		if (hours.requireAgentOnline() && this.presence.activeAgents() == 0) {
			return HandoffMode.TICKET;
		}
		return HandoffMode.LIVE;
	}

}
