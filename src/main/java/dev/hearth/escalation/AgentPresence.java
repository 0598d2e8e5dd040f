package dev.hearth.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Which agents have been active lately (any call of the agent API or the console counts),
 * so that with {@code require-agent-online} a handoff opens a ticket when nobody is there
 * to answer. In memory: after a restart agents count as away until they act. Thread-safe.
 */
@Component
public class AgentPresence {

	static final Duration ACTIVE_WITHIN = Duration.ofMinutes(10);

	private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

	private final Clock clock;

	AgentPresence() {
		this(Clock.systemUTC());
	}

	AgentPresence(Clock clock) {
		this.clock = clock;
	}

	/** Notes that the agent did something just now. */
	public void seen(String agent) {
		this.lastSeen.put(agent, this.clock.instant());
	}

	/** How many agents were active within the last ten minutes. */
	public int activeAgents() {
		Instant since = this.clock.instant().minus(ACTIVE_WITHIN);
		this.lastSeen.values().removeIf((at) -> at.isBefore(since.minus(ACTIVE_WITHIN)));
		return (int) this.lastSeen.values().stream().filter((at) -> at.isAfter(since)).count();
	}

}
