package dev.hearth.privacy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Writes each audit checkpoint, and the newest event of the chain, outside PostgreSQL (an
 * append-only file, syslog, a webhook: {@link AuditAnchorProperties}), so that whoever
 * can write the database cannot rewrite the trail and its checkpoints together unseen;
 * {@link #verify} compares the anchor file with the database. Each record is a JSON line:
 * {@code {"kind":"checkpoint","checkpoint":N,"purgedThroughId":…,"hash":…}} or
 * {@code {"kind":"head","eventId":…,"hash":…}}. A checkpoint counts as anchored by a sink
 * once it was written there ({@code audit_checkpoint_anchor}); one that failed is written
 * on the next run. docs/adr/0022. Thread-safe; runs are serialised per replica.
 */
@Service
public class AuditAnchors {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final AuditAnchorProperties properties;

	private final List<AnchorSink> sinks = new ArrayList<>();

	private final FileAnchor file;

	private volatile long lastHead = -1;

	AuditAnchors(JdbcClient jdbc, JsonMapper json, AuditTrail audit, AuditAnchorProperties properties,
			EgressGuard egress) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.properties = properties;
		this.file = (properties.file() != null) ? new FileAnchor(properties.file()) : null;
		if (this.file != null) {
			this.sinks.add(this.file);
		}
		if (properties.hasSyslog()) {
			this.sinks.add(new SyslogAnchor(properties.syslogHost().strip(), properties.syslogPort()));
		}
		if (properties.webhookUrl() != null) {
			this.sinks.add(new WebhookAnchor(properties.webhookUrl(), properties.webhookToken(), egress));
		}
	}

	/**
	 * The comparison of the anchor file with the database.
	 *
	 * @param valid whether the chain verifies and agrees with every anchor record
	 * @param anchors the configured sinks ({@code file}, {@code syslog}, {@code webhook})
	 * @param checkpoints checkpoint records in the file that match the database
	 * @param heads head records in the file that match the database (or were purged
	 * behind a checkpoint)
	 * @param verifiedThroughCheckpoint the newest checkpoint anchored and matching, or
	 * {@code null}
	 * @param verifiedThroughEvent the newest anchored event that matches, or {@code null}
	 * @param chain the database chain's own verification
	 * @param detail what is wrong, or what was checked
	 */
	public record Result(boolean valid, List<String> anchors, int checkpoints, int heads,
			Long verifiedThroughCheckpoint, Long verifiedThroughEvent, AuditTrail.Verification chain, String detail) {
	}

	@Scheduled(fixedDelayString = "${hearth.privacy.audit-anchor.interval:10m}", initialDelayString = "1m")
	void scheduled() {
		if (!this.sinks.isEmpty()) {
			run();
		}
	}

	/** The configured sinks by name. */
	public List<String> anchors() {
		return this.sinks.stream().map(AnchorSink::name).toList();
	}

	/**
	 * Writes every checkpoint a sink does not have yet, and the chain's head when it
	 * moved since the last run.
	 * @return how many records were written (over all sinks)
	 */
	public synchronized int run() {
		if (this.sinks.isEmpty()) {
			return 0;
		}
		int written = 0;
		record Checkpoint(long id, long throughId, String hash, int purged, Instant at) {
		}
		for (AnchorSink sink : this.sinks) {
			List<Checkpoint> pending = this.jdbc
				.sql("""
						select c.id, c.purged_through_id, c.anchor_hash, c.purged, c.created_at from audit_checkpoint c
						where not exists (select 1 from audit_checkpoint_anchor a where a.checkpoint_id = c.id and a.anchor = ?)
						order by c.id
						""")
				.param(sink.name())
				.query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
						rs.getTimestamp(5).toInstant()))
				.list();
			for (Checkpoint checkpoint : pending) {
				Map<String, Object> record = new LinkedHashMap<>();
				record.put("kind", "checkpoint");
				record.put("checkpoint", checkpoint.id());
				record.put("purgedThroughId", checkpoint.throughId());
				record.put("hash", checkpoint.hash());
				record.put("purged", checkpoint.purged());
				record.put("at", checkpoint.at().toString());
				if (!write(sink, record)) {
					break;
				}
				this.jdbc.sql(
						"insert into audit_checkpoint_anchor (checkpoint_id, anchor) values (?, ?) on conflict do nothing")
					.param(checkpoint.id())
					.param(sink.name())
					.update();
				written++;
			}
		}
		if (this.properties.head()) {
			record Head(long id, String hash, Instant at) {
			}
			Head head = this.jdbc.sql("select id, hash, at from audit_event order by id desc limit 1")
				.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
				.optional()
				.orElse(null);
			if (head != null && head.id() != this.lastHead) {
				Map<String, Object> record = new LinkedHashMap<>();
				record.put("kind", "head");
				record.put("eventId", head.id());
				record.put("hash", head.hash());
				record.put("at", head.at().toString());
				boolean all = true;
				for (AnchorSink sink : this.sinks) {
					if (write(sink, record)) {
						written++;
					}
					else {
						all = false;
					}
				}
				if (all) {
					this.lastHead = head.id();
				}
			}
		}
		return written;
	}

	private boolean write(AnchorSink sink, Map<String, Object> record) {
		try {
			sink.write(this.json.writeValueAsString(record));
			return true;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not write an audit anchor to {} (tried again on the next run): {}", sink.name(),
					ex.getMessage());
			return false;
		}
	}

	/**
	 * Verifies the chain in the database and compares every record of the anchor file
	 * with it: an anchored checkpoint must be in the database unchanged, an anchored
	 * event must still have its hash (unless purged behind a checkpoint), and every
	 * checkpoint the database says was written to the file must be in it.
	 */
	public Result verify() {
		AuditTrail.Verification chain = this.audit.verify();
		List<String> anchors = anchors();
		if (this.file == null) {
			return new Result(chain.valid(), anchors, 0, 0, null, null, chain,
					anchors.isEmpty()
							? "no anchor configured (hearth.privacy.audit-anchor): only the chain was verified"
							: "no anchor file to compare; " + String.join(", ", anchors)
									+ " keep their records: compare them there");
		}
		List<String> lines;
		try {
			lines = this.file.read();
		}
		catch (IOException ex) {
			return new Result(false, anchors, 0, 0, null, null, chain,
					"the anchor file " + this.file.file() + " cannot be read: " + ex.getMessage());
		}
		Set<Long> expected = new TreeSet<>(
				this.jdbc.sql("select checkpoint_id from audit_checkpoint_anchor where anchor = 'file'")
					.query(Long.class)
					.list());
		if (lines == null) {
			return new Result(expected.isEmpty() && chain.valid(), anchors, 0, 0, null, null, chain,
					expected.isEmpty() ? "nothing anchored yet (" + this.file.file() + " does not exist)"
							: "the anchor file " + this.file.file() + " is missing, but " + expected.size()
									+ " checkpoints were written to it");
		}
		Map<Long, String[]> checkpoints = new HashMap<>();
		this.jdbc.sql("select id, purged_through_id, anchor_hash from audit_checkpoint")
			.query((rs, n) -> checkpoints.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) }))
			.list();
		long purgedThrough = checkpoints.values().stream().mapToLong((c) -> Long.parseLong(c[0])).max().orElse(0);
		int matchedCheckpoints = 0;
		int matchedHeads = 0;
		Long throughCheckpoint = null;
		Long throughEvent = null;
		List<String> problems = new ArrayList<>();
		for (String line : lines) {
			Map<?, ?> record;
			try {
				record = this.json.readValue(line, Map.class);
			}
			catch (RuntimeException ex) {
				problems.add("a line of the anchor file is not JSON: it was altered");
				continue;
			}
			String hash = String.valueOf(record.get("hash"));
			if ("checkpoint".equals(record.get("kind"))) {
				long id = ((Number) record.get("checkpoint")).longValue();
				String[] stored = checkpoints.get(id);
				expected.remove(id);
				if (stored == null) {
					problems.add("checkpoint " + id + " is anchored but gone from the database");
				}
				else if (!stored[0].equals(String.valueOf(record.get("purgedThroughId"))) || !stored[1].equals(hash)) {
					problems.add("checkpoint " + id + " in the database differs from its anchor (it was changed)");
				}
				else {
					matchedCheckpoints++;
					throughCheckpoint = (throughCheckpoint == null) ? id : Math.max(throughCheckpoint, id);
				}
			}
			else if ("head".equals(record.get("kind"))) {
				long id = ((Number) record.get("eventId")).longValue();
				if (id <= purgedThrough) {
					matchedHeads++;
					continue;
				}
				String stored = this.jdbc.sql("select hash from audit_event where id = ?")
					.param(id)
					.query(String.class)
					.optional()
					.orElse(null);
				if (stored == null) {
					problems.add("event " + id + " is anchored but gone from the database");
				}
				else if (!stored.equals(hash)) {
					problems.add("event " + id + " was changed after it was anchored (or the chain before it was)");
				}
				else {
					matchedHeads++;
					throughEvent = (throughEvent == null) ? id : Math.max(throughEvent, id);
				}
			}
		}
		for (Long missing : expected) {
			problems.add("checkpoint " + missing + " was written to the anchor file but is not in it "
					+ "(the file was truncated or replaced)");
		}
		if (!chain.valid()) {
			problems.add(0, chain.detail());
		}
		String detail = problems.isEmpty() ? "the chain is intact and agrees with " + matchedCheckpoints
				+ " anchored checkpoints and " + matchedHeads + " anchored heads" : String.join("; ", problems);
		return new Result(problems.isEmpty(), anchors, matchedCheckpoints, matchedHeads, throughCheckpoint,
				throughEvent, chain, detail);
	}

}
