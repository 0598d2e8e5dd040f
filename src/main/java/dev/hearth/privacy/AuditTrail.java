package dev.hearth.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit trail in PostgreSQL. Each event's hash is SHA-256
 * over the previous event's hash and its own content (kind, actor, subject and canonical
 * JSON details), so any edited or deleted row is found by {@link #verify}. Appends are
 * serialised by a transaction-scoped advisory lock, which keeps the chain linear.
 * Thread-safe.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final long LOCK = 0x4865617274684155L;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The result of checking the chain.
	 *
	 * @param valid whether every event is intact
	 * @param events events checked
	 * @param firstBrokenId the first event whose hash does not match, or {@code null}
	 * @param detail what is wrong, or "intact"
	 */
	public record Verification(boolean valid, long events, Long firstBrokenId, String detail) {
	}

	/** Appends an event (inside the caller's transaction, if any). */
	@Transactional
	public void record(String kind, String actor, String subject, Map<String, ?> details) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, row) -> 1).list();
		String previous = this.jdbc.sql("select hash from audit_event order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		String canonical = canonical(details);
		String hash = hash(previous, kind, actor, subject, canonical);
		this.jdbc.sql("""
				insert into audit_event (kind, actor, subject, details, prev_hash, hash)
				values (?, ?, ?, cast(? as jsonb), ?, ?)
				""").param(kind).param(actor).param(subject).param(canonical).param(previous).param(hash).update();
	}

	/**
	 * One event of the trail, as read back.
	 *
	 * @param id its position in the chain
	 * @param at when it was written
	 * @param kind what happened, e.g. {@code CLAIM}
	 * @param actor who did it
	 * @param subject what it was done to, or {@code null}
	 * @param details further facts (JSON object)
	 */
	public record Event(long id, Instant at, String kind, String actor, String subject, Map<String, Object> details) {
	}

	/**
	 * Which events to read: every criterion is optional ({@code null} or blank matches
	 * everything); the newest events come first.
	 *
	 * @param kind exact kind
	 * @param actor exact actor
	 * @param subject substring of the subject (case-insensitive)
	 * @param from events at or after this instant
	 * @param to events before this instant
	 * @param beforeId only events older than this id (the next page)
	 * @param limit at most this many events, 1 to 500
	 */
	public record Query(String kind, String actor, String subject, Instant from, Instant to, Long beforeId, int limit) {

		public Query {
			if (limit < 1 || limit > MAX_PAGE) {
				throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", got " + limit);
			}
			if (from != null && to != null && !from.isBefore(to)) {
				throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
			}
		}

	}

	static final int MAX_PAGE = 500;

	/** The events that match, newest first, in one query. */
	public List<Event> events(Query query) {
		StringBuilder sql = new StringBuilder(
				"select id, at, kind, actor, subject, details::text as details from audit_event where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (hasText(query.kind())) {
			sql.append(" and kind = :kind");
			params.put("kind", query.kind().strip());
		}
		if (hasText(query.actor())) {
			sql.append(" and actor = :actor");
			params.put("actor", query.actor().strip());
		}
		if (hasText(query.subject())) {
			sql.append(" and subject ilike :subject escape '\\'");
			params.put("subject", "%" + query.subject().strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
		}
		if (query.from() != null) {
			sql.append(" and at >= :from");
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and at < :to");
			params.put("to", Timestamp.from(query.to()));
		}
		if (query.beforeId() != null) {
			sql.append(" and id < :beforeId");
			params.put("beforeId", query.beforeId());
		}
		sql.append(" order by id desc limit :limit");
		params.put("limit", query.limit());
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					rs.getString("actor"), rs.getString("subject"), details(rs.getString("details"))))
			.list();
	}

	/** Every kind of event the trail holds, sorted, for a filter's choices. */
	public List<String> kinds() {
		return this.jdbc.sql("select distinct kind from audit_event order by kind").query(String.class).list();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> details(String text) {
		return (text != null) ? this.json.readValue(text, Map.class) : Map.of();
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * Deletes the oldest events written before {@code cutoff}, at most {@code batchSize},
	 * never the newest event. Before deleting, it writes a checkpoint (the last purged
	 * event's id and hash) and, after, an {@code AUDIT_CHECKPOINT} event that repeats
	 * both, so that {@link #verify} checks the rest of the chain from there and finds a
	 * changed checkpoint. One transaction, serialised with appends.
	 * @return how many events were deleted
	 */
	@Transactional
	public int purgeBefore(Instant cutoff, int batchSize) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, row) -> 1).list();
		record Purged(long id, String hash) {
		}
		List<Purged> oldest = this.jdbc.sql("""
				select id, hash from audit_event
				where at < ? and id < (select max(id) from audit_event)
				order by id limit ?
				""")
			.param(Timestamp.from(cutoff))
			.param(batchSize)
			.query((rs, n) -> new Purged(rs.getLong(1), rs.getString(2)))
			.list();
		if (oldest.isEmpty()) {
			return 0;
		}
		Purged last = oldest.get(oldest.size() - 1);
		this.jdbc.sql("insert into audit_checkpoint (purged_through_id, anchor_hash, purged) values (?, ?, ?)")
			.param(last.id())
			.param(last.hash())
			.param(oldest.size())
			.update();
		this.jdbc.sql("select set_config('hearth.audit_purge', 'on', true)").query((rs, n) -> 1).list();
		int deleted = this.jdbc.sql("delete from audit_event where id <= ?").param(last.id()).update();
		this.jdbc.sql("select set_config('hearth.audit_purge', 'off', true)").query((rs, n) -> 1).list();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("purgedThroughId", last.id());
		details.put("anchorHash", last.hash());
		details.put("purged", deleted);
		details.put("cutoff", cutoff.toString());
		record(CHECKPOINT_KIND, "retention", "audit", details);
		return deleted;
	}

	static final String CHECKPOINT_KIND = "AUDIT_CHECKPOINT";

	/**
	 * Recomputes the chain: from the first event, or after a purge from the newest
	 * checkpoint, which an {@code AUDIT_CHECKPOINT} event in the chain must vouch for.
	 */
	public Verification verify() {
		record Row(long id, String kind, String actor, String subject, String details, String prevHash, String hash) {
		}
		record Checkpoint(long throughId, String anchor) {
		}
		Checkpoint checkpoint = this.jdbc
			.sql("select purged_through_id, anchor_hash from audit_checkpoint order by id desc limit 1")
			.query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(null);
		long after = (checkpoint != null) ? checkpoint.throughId() : 0;
		List<Row> rows = this.jdbc
			.sql("select id, kind, actor, subject, details::text as details, prev_hash, hash "
					+ "from audit_event where id > ? order by id")
			.param(after)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("actor"),
					rs.getString("subject"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash")))
			.list();
		String previous = (checkpoint != null) ? checkpoint.anchor() : GENESIS;
		boolean vouched = checkpoint == null;
		for (Row row : rows) {
			if (!vouched && CHECKPOINT_KIND.equals(row.kind())) {
				Map<?, ?> details = this.json.readValue(row.details(), Map.class);
				vouched = String.valueOf(checkpoint.throughId()).equals(String.valueOf(details.get("purgedThroughId")))
						&& checkpoint.anchor().equals(details.get("anchorHash"));
			}
			if (!row.prevHash().equals(previous)) {
				return new Verification(false, rows.size(), row.id(),
						"event " + row.id() + " does not follow the one before it (a row was deleted or reordered)");
			}
			String canonical = canonical(this.json.readValue(row.details(), Map.class));
			if (!hash(previous, row.kind(), row.actor(), row.subject(), canonical).equals(row.hash())) {
				return new Verification(false, rows.size(), row.id(),
						"event " + row.id() + " was changed after it was written");
			}
			previous = row.hash();
		}
		if (!vouched) {
			return new Verification(false, rows.size(), null, "the checkpoint after event " + checkpoint.throughId()
					+ " is not the one its " + CHECKPOINT_KIND + " event recorded (the checkpoint was changed)");
		}
		return new Verification(true, rows.size(), null,
				(checkpoint != null) ? "intact since the purge of events up to " + checkpoint.throughId() : "intact");
	}

	private String canonical(Map<String, ?> details) {
		return this.json.writeValueAsString(sorted(details));
	}

	@SuppressWarnings("unchecked")
	private static Object sorted(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> sorted.put(String.valueOf(k), sorted(v)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(AuditTrail::sorted).toList();
		}
		return value;
	}

	static String hash(String previous, String kind, String actor, String subject, String details) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { previous, kind, actor, (subject != null) ? subject : "", details }) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
