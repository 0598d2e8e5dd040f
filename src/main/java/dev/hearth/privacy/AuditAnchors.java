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
 * {@link #verify} compares the copies Hearth can read back (the file, the webhook
 * receiver's list) with the database, and {@link #compare} a copy an operator exported
 * (syslog). Each record is a JSON line:
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

	private final WebhookAnchor webhook;

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
		this.webhook = (properties.webhookUrl() != null) ? new WebhookAnchor(properties.webhookUrl(),
				properties.webhookToken(), properties.webhookRecordsUrl(), egress) : null;
		if (this.webhook != null) {
			this.sinks.add(this.webhook);
		}
	}

	/**
	 * The comparison of the anchor copies Hearth can read with the database.
	 *
	 * @param valid whether the chain verifies and agrees with every record of every copy
	 * compared
	 * @param anchors the configured sinks ({@code file}, {@code syslog}, {@code webhook})
	 * @param checkpoints checkpoint records that match the database (the most in one
	 * copy)
	 * @param heads head records that match the database or were purged behind a
	 * checkpoint (the most in one copy)
	 * @param verifiedThroughCheckpoint the newest checkpoint anchored and matching, or
	 * {@code null}
	 * @param verifiedThroughEvent the newest anchored event that matches, or {@code null}
	 * @param chain the database chain's own verification
	 * @param detail what is wrong, or what was checked
	 * @param compared each copy's comparison: the file, the webhook's receiver (when it
	 * lists its records), or a copy an operator sent ({@link #compare})
	 */
	public record Result(boolean valid, List<String> anchors, int checkpoints, int heads,
			Long verifiedThroughCheckpoint, Long verifiedThroughEvent, AuditTrail.Verification chain, String detail,
			List<Comparison> compared) {
	}

	/**
	 * One copy of the anchor records compared with the database.
	 *
	 * @param anchor whose copy: {@code file}, {@code webhook} or {@code syslog}
	 * @param valid whether every record agrees and every checkpoint the database sent
	 * there is in it
	 * @param checkpoints checkpoint records that match
	 * @param heads head records that match (or were purged behind a checkpoint)
	 * @param verifiedThroughCheckpoint the newest matching checkpoint, or {@code null}
	 * @param verifiedThroughEvent the newest matching head, or {@code null}
	 * @param problems what disagrees, empty when valid
	 */
	public record Comparison(String anchor, boolean valid, int checkpoints, int heads, Long verifiedThroughCheckpoint,
			Long verifiedThroughEvent, List<String> problems) {
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
	 * Verifies the chain in the database and compares with it every copy of the anchor
	 * records Hearth can read: the file, and the webhook receiver's list when
	 * {@code webhook-records-url} is set. In each, an anchored checkpoint must be in the
	 * database unchanged, an anchored event must still have its hash (unless purged
	 * behind a checkpoint), and every checkpoint the database says was sent there must be
	 * in it. Syslog cannot be read back: {@link #compare} takes its copy from an
	 * operator.
	 */
	public Result verify() {
		AuditTrail.Verification chain = this.audit.verify();
		List<Comparison> compared = new ArrayList<>();
		if (this.file != null) {
			compared.add(compareFile());
		}
		if (this.webhook != null && this.webhook.canList()) {
			compared.add(compareWebhook());
		}
		if (compared.isEmpty()) {
			List<String> anchors = anchors();
			return new Result(chain.valid(), anchors, 0, 0, null, null, chain,
					anchors.isEmpty()
							? "no anchor configured (hearth.privacy.audit-anchor): only the chain was verified"
							: "no anchor copy that Hearth can read (an anchor file, or webhook-records-url); "
									+ String.join(", ", anchors) + " keep their records: send them to "
									+ "POST /api/admin/audit/anchors/compare to compare them",
					List.of());
		}
		return result(chain, compared);
	}

	/**
	 * Compares a copy of the anchor records that Hearth cannot read itself (the syslog
	 * collector's, or any sink's as its keeper exported it) with the database, as
	 * {@link #verify} compares the file.
	 * @param anchor the sink the copy comes from: {@code file}, {@code syslog} or
	 * {@code webhook} (which checkpoints the database says were sent there)
	 * @param records one record a line (JSON, or a syslog line that ends with the JSON
	 * record), or a JSON array of records
	 * @throws IllegalArgumentException for an unknown anchor or no records
	 */
	public Result compare(String anchor, String records) {
		if (!List.of("file", "syslog", "webhook").contains(anchor)) {
			throw new IllegalArgumentException(
					"anchor must be file, syslog or webhook (the sink the records come from), got '" + anchor + "'");
		}
		if (records == null || records.isBlank()) {
			throw new IllegalArgumentException("send the records the " + anchor
					+ " anchor holds as the request body: one JSON record a line, as exported from the receiver");
		}
		AuditTrail.Verification chain = this.audit.verify();
		Comparison comparison = compare(anchor, "the records sent", records(records), expected(anchor),
				"syslog".equals(anchor) ? " (lost in transit over UDP, not exported, or deleted at the collector)"
						: " (not exported, or deleted at the receiver)");
		return result(chain, List.of(comparison));
	}

	private Result result(AuditTrail.Verification chain, List<Comparison> compared) {
		List<String> problems = new ArrayList<>();
		if (!chain.valid()) {
			problems.add(chain.detail());
		}
		List<String> agreed = new ArrayList<>();
		Long throughCheckpoint = null;
		Long throughEvent = null;
		for (Comparison comparison : compared) {
			comparison.problems().forEach((problem) -> problems.add(comparison.anchor() + ": " + problem));
			if (comparison.valid()) {
				agreed.add(comparison.anchor() + " (" + comparison.checkpoints() + " checkpoints, " + comparison.heads()
						+ " heads)");
			}
			throughCheckpoint = max(throughCheckpoint, comparison.verifiedThroughCheckpoint());
			throughEvent = max(throughEvent, comparison.verifiedThroughEvent());
		}
		String detail = problems.isEmpty()
				? "the chain is intact and agrees with the anchor records of " + String.join(" and ", agreed)
				: String.join("; ", problems);
		return new Result(problems.isEmpty(), anchors(),
				compared.stream().mapToInt(Comparison::checkpoints).max().orElse(0),
				compared.stream().mapToInt(Comparison::heads).max().orElse(0), throughCheckpoint, throughEvent, chain,
				detail, List.copyOf(compared));
	}

	private static Long max(Long a, Long b) {
		return (a == null) ? b : (b == null) ? a : Long.valueOf(Math.max(a, b));
	}

	private Set<Long> expected(String anchor) {
		return new TreeSet<>(this.jdbc.sql("select checkpoint_id from audit_checkpoint_anchor where anchor = ?")
			.param(anchor)
			.query(Long.class)
			.list());
	}

	private Comparison compareFile() {
		Set<Long> expected = expected("file");
		List<String> lines;
		try {
			lines = this.file.read();
		}
		catch (IOException ex) {
			return new Comparison("file", false, 0, 0, null, null,
					List.of("the anchor file " + this.file.file() + " cannot be read: " + ex.getMessage()));
		}
		if (lines == null) {
			return new Comparison("file", expected.isEmpty(), 0, 0, null, null,
					expected.isEmpty() ? List.of() : List.of("the anchor file " + this.file.file() + " is missing, but "
							+ expected.size() + " checkpoints were written to it"));
		}
		return compare("file", "the anchor file", lines, expected, " (the file was truncated or replaced)");
	}

	private Comparison compareWebhook() {
		Set<Long> expected = expected("webhook");
		String body;
		try {
			body = this.webhook.records();
		}
		catch (IOException | RuntimeException ex) {
			return new Comparison("webhook", false, 0, 0, null, null,
					List.of("its records at " + this.webhook.recordsUrl() + " cannot be read: " + ex.getMessage()));
		}
		return compare("webhook", "the webhook's records", records(body), expected,
				" (the receiver lost or deleted it)");
	}

	/**
	 * The records of a copy: the elements of a JSON array, or each non-blank line from
	 * its first "{" (so syslog lines can be sent as the collector stored them).
	 */
	private List<String> records(String body) {
		String text = body.strip();
		List<String> records = new ArrayList<>();
		if (text.startsWith("[")) {
			try {
				for (Object element : this.json.readValue(text, List.class)) {
					records.add(this.json.writeValueAsString(element));
				}
				return records;
			}
			catch (RuntimeException ex) {
				// not an array after all: read it as lines, which reports what is wrong
			}
		}
		for (String line : text.split("\\R")) {
			if (!line.isBlank()) {
				int start = line.indexOf('{');
				records.add((start >= 0) ? line.substring(start).strip() : line);
			}
		}
		return records;
	}

	/**
	 * Compares one copy's records with the database.
	 * @param where the copy, as messages name it
	 * @param expected the checkpoints the database says were sent to this copy
	 * @param whyMissing why a sent checkpoint may be missing from it
	 */
	private Comparison compare(String anchor, String where, List<String> lines, Set<Long> expected, String whyMissing) {
		Set<Long> missing = new TreeSet<>(expected);
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
				problems.add("a record of " + where + " is not JSON: it was altered");
				continue;
			}
			String hash = String.valueOf(record.get("hash"));
			if ("checkpoint".equals(record.get("kind")) && record.get("checkpoint") instanceof Number number) {
				long id = number.longValue();
				String[] stored = checkpoints.get(id);
				missing.remove(id);
				if (stored == null) {
					problems.add("checkpoint " + id + " is anchored but gone from the database");
				}
				else if (!stored[0].equals(String.valueOf(record.get("purgedThroughId"))) || !stored[1].equals(hash)) {
					problems.add("checkpoint " + id + " in the database differs from its anchor (it was changed)");
				}
				else {
					matchedCheckpoints++;
					throughCheckpoint = max(throughCheckpoint, id);
				}
			}
			else if ("head".equals(record.get("kind")) && record.get("eventId") instanceof Number number) {
				long id = number.longValue();
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
					throughEvent = max(throughEvent, id);
				}
			}
			else {
				problems.add("a record of " + where + " is not an anchor record: it was altered");
			}
		}
		for (Long id : missing) {
			problems.add("checkpoint " + id + " was written to " + where + " but is not in it" + whyMissing);
		}
		return new Comparison(anchor, problems.isEmpty(), matchedCheckpoints, matchedHeads, throughCheckpoint,
				throughEvent, List.copyOf(problems));
	}

}
