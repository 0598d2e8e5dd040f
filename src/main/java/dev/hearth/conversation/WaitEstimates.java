package dev.hearth.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long a waiting customer will probably still wait for a person, from real recent
 * waits: the waits (handoff to claim) of the last {@value #RECENT} conversations claimed
 * in the past day. For a customer who has waited {@code w} so far, the estimate is the
 * median of {@code wait - w} over the recent waits longer than {@code w} (the customers
 * who had already waited as long, and how much longer they then waited), when at least
 * {@value #ENOUGH} are; a customer who has waited longer than nearly everyone recently is
 * told "about a minute". With fewer than {@value #ENOUGH} recent waits at all, the time
 * until the handoff SLA is due (at least a minute). The recent waits are read at most
 * every {@value #REFRESH_SECONDS} seconds (every open widget asks with each status).
 * Thread-safe.
 */
@Component
class WaitEstimates {

	static final int RECENT = 50;

	static final int ENOUGH = 5;

	static final long REFRESH_SECONDS = 10;

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Duration sla;

	private final Clock clock;

	private volatile Recent recent;

	private record Recent(Instant read, List<Long> waitSeconds) {
	}

	@Autowired
	WaitEstimates(JdbcClient jdbc, ConversationProperties properties) {
		this(jdbc, properties.handoffSla(), Clock.systemUTC());
	}

	WaitEstimates(JdbcClient jdbc, Duration sla, Clock clock) {
		this.jdbc = jdbc;
		this.sla = sla;
		this.clock = clock;
	}

	/** The expected wait of a customer handed over now. */
	Duration forNewHandoff() {
		return expected(Duration.ZERO);
	}

	/**
	 * The expected remaining wait of a customer who has waited {@code waited} so far.
	 */
	Duration expected(Duration waited) {
		return estimate(recentWaits(), waited, this.sla);
	}

	/** The estimate over given recent waits (seconds, any order). */
	static Duration estimate(List<Long> recentWaitSeconds, Duration waited, Duration sla) {
		long so = Math.max(0, waited.toSeconds());
		if (recentWaitSeconds.size() < ENOUGH) {
			Duration left = sla.minusSeconds(so);
			return left.compareTo(MINUTE) < 0 ? MINUTE : left;
		}
		List<Long> longer = recentWaitSeconds.stream().filter((w) -> w > so).map((w) -> w - so).sorted().toList();
		if (longer.size() < ENOUGH) {
			return MINUTE;
		}
		return Duration.ofSeconds(longer.get(longer.size() / 2));
	}

	private List<Long> recentWaits() {
		Recent known = this.recent;
		Instant now = this.clock.instant();
		if (known != null && known.read().plusSeconds(REFRESH_SECONDS).isAfter(now)) {
			return known.waitSeconds();
		}
		List<Long> waits = this.jdbc.sql("""
				select round(extract(epoch from claimed_at - waiting_since))::bigint from conversation
				where claimed_at is not null and waiting_since is not null and claimed_at > now() - interval '1 day'
				order by claimed_at desc limit ?
				""").param(RECENT).query(Long.class).list();
		this.recent = new Recent(now, List.copyOf(waits));
		return waits;
	}

}
