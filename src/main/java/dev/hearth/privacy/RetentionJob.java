package dev.hearth.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Purges each data class past its retention ({@link RetentionProperties}) in batches, on
 * a schedule or on demand; every run of a class is kept in {@code retention_run}, and
 * each class that lost anything gets a {@code RETENTION_PURGED} event in the audit trail
 * (counts and the cutoff, never the data). Thread-safe; runs are serialised in this
 * process, and concurrent runs on several replicas only delete the same rows twice.
 */
@Service
public class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final List<RetentionPurger> purgers;

	private final RetentionProperties properties;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	private final AuditAnchors anchors;

	RetentionJob(List<RetentionPurger> purgers, RetentionProperties properties, AuditTrail audit, JdbcClient jdbc,
			AuditAnchors anchors) {
		this.purgers = purgers;
		this.properties = properties;
		this.audit = audit;
		this.jdbc = jdbc;
		this.anchors = anchors;
	}

	/**
	 * One data class in one run.
	 *
	 * @param dataClass e.g. {@code transcripts}
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param cutoff items older than this were purged ({@code null}: kept for ever)
	 * @param purged how many
	 * @param batches in how many transactions
	 * @param problem why it stopped early, or {@code null}
	 */
	public record Run(String dataClass, Instant startedAt, Instant finishedAt, Instant cutoff, int purged, int batches,
			String problem) {
	}

	@Scheduled(fixedDelayString = "${hearth.retention.interval:6h}",
			initialDelayString = "${hearth.retention.initial-delay:10m}")
	void scheduled() {
		if (this.properties.enabled()) {
			runNow();
		}
	}

	/** Runs every data class now; returns what each did. */
	public synchronized List<Run> runNow() {
		List<Run> runs = new ArrayList<>();
		for (RetentionPurger purger : this.purgers) {
			runs.add(run(purger));
		}
		if (runs.stream().anyMatch((run) -> run.purged() > 0)) {
			// a purge of the audit trail wrote a checkpoint: anchor it outside the
			// database now
			this.anchors.run();
		}
		return runs;
	}

	private Run run(RetentionPurger purger) {
		Instant started = this.clock.instant();
		Duration keep = this.properties.policy().get(purger.dataClass());
		Instant cutoff = (keep != null) ? started.minus(keep) : null;
		int purged = 0;
		int batches = 0;
		String problem = null;
		if (cutoff != null) {
			try {
				int deleted;
				do {
					deleted = purger.purgeBatch(cutoff, this.properties.batchSize());
					purged += deleted;
					batches++;
				}
				while (deleted >= this.properties.batchSize() && batches < this.properties.maxBatches());
			}
			catch (RuntimeException ex) {
				problem = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				log.warn("Retention of {} stopped after {} items", purger.dataClass(), purged, ex);
			}
		}
		Run run = new Run(purger.dataClass(), started, this.clock.instant(), cutoff, purged, batches, problem);
		this.jdbc.sql("""
				insert into retention_run (data_class, started_at, finished_at, cutoff, purged, batches, problem)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.param(run.dataClass())
			.param(Timestamp.from(run.startedAt()))
			.param(Timestamp.from(run.finishedAt()))
			.param((cutoff != null) ? Timestamp.from(cutoff) : null)
			.param(purged)
			.param(batches)
			.param(problem)
			.update();
		if (purged > 0) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("cutoff", cutoff.toString());
			details.put("purged", purged);
			details.put("batches", batches);
			this.audit.record("RETENTION_PURGED", "retention", purger.dataClass(), details);
		}
		return run;
	}

	/** The newest runs first, at most {@code limit}. */
	public List<Run> lastRuns(int limit) {
		return this.jdbc.sql("""
				select data_class, started_at, finished_at, cutoff, purged, batches, problem
				from retention_run order by id desc limit ?
				""")
			.param(limit)
			.query((rs, n) -> new Run(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
					(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null, rs.getInt(5), rs.getInt(6),
					rs.getString(7)))
			.list();
	}

	/**
	 * One purge as the audit trail records it ({@code RETENTION_PURGED}).
	 *
	 * @param at when
	 * @param dataClass which class
	 * @param purged how many items
	 * @param batches in how many transactions
	 * @param cutoff items older than this went
	 */
	public record Purge(Instant at, String dataClass, long purged, long batches, String cutoff) {
	}

	/** The newest purges recorded in the audit trail, at most {@code limit}. */
	public List<Purge> lastPurges(int limit) {
		return this.jdbc.sql("""
				select at, subject, details ->> 'purged', details ->> 'batches', details ->> 'cutoff' from audit_event
				where kind = 'RETENTION_PURGED' order by id desc limit ?
				""")
			.param(limit)
			.query((rs, n) -> new Purge(rs.getTimestamp(1).toInstant(), rs.getString(2), number(rs.getString(3)),
					number(rs.getString(4)), rs.getString(5)))
			.list();
	}

	private static long number(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** Each data class and how long it is kept ({@code null}: for ever). */
	public Map<String, Duration> policy() {
		return this.properties.policy();
	}

}
