package dev.hearth.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only, hash-chained audit trail in PostgreSQL. Each event's hash is SHA-256
 * over the previous event's hash and its own content (kind, actor, subject and canonical
 * JSON details), so any edited or deleted row is found by {@link #verify}. Appends are
 * serialised by a transaction-scoped advisory lock, which keeps the chain linear.
 * <p>
 * An event is first stored unchained ({@code audit_pending}) in the caller's transaction,
 * so it commits with the change it records, or not at all. Right after that commit, on
 * the committed transaction's own connection, the first caller to get there chains every
 * pending event in one transaction (a group commit); the others that committed meanwhile
 * find theirs chained by that run and go on. Either way an event is in the chain when the
 * call that recorded it returns. Simultaneous audited actions therefore share a chain
 * commit instead of queueing for the lock one whole transaction at a time, and nobody
 * waits for a second pooled connection (ADR 0027). Thread-safe.
 */
@Service
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	static final String GENESIS = "0".repeat(64);

	private static final long LOCK = 0x4865617274684155L;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	/**
	 * One chaining at a time per replica; callers wait here, on their own connection,
	 * never for another one.
	 */
	private final ReentrantLock gate = new ReentrantLock(true);

	/** Chaining runs started; the number of the last one finished (under the gate). */
	private final AtomicLong runs = new AtomicLong();

	private long finished;

	AuditTrail(JdbcClient jdbc, JsonMapper json, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactions);
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

	/**
	 * Appends an event in the caller's transaction, if any: it commits with that
	 * transaction (not if it rolls back) and is chained, after every event recorded
	 * earlier in it, right after the commit, before this transaction's caller goes on.
	 */
	@Transactional
	public void record(String kind, String actor, String subject, Map<String, ?> details) {
		this.jdbc.sql("insert into audit_pending (kind, actor, subject, details) values (?, ?, ?, ?)")
			.param(kind)
			.param(actor)
			.param(subject)
			.param(canonical(details))
			.update();
		for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
			if (registered instanceof SealAfterCommit mine && mine.trail() == this) {
				return;
			}
		}
		TransactionSynchronizationManager.registerSynchronization(new SealAfterCommit());
	}

	/**
	 * Chains a transaction's events once it has committed, on that transaction's own
	 * connection (still held until the transaction's clean-up), so that no caller ever
	 * waits for a second connection from the pool.
	 */
	private final class SealAfterCommit implements TransactionSynchronization {

		private AuditTrail trail() {
			return AuditTrail.this;
		}

		@Override
		public void afterCommit() {
			long asked = AuditTrail.this.runs.get();
			Connection connection = DataSourceUtils.getConnection(AuditTrail.this.dataSource);
			try {
				AuditTrail.this.gate.lock();
				try {
					if (AuditTrail.this.finished > asked) {
						// a run that started after this commit has chained its events
						return;
					}
					long run = AuditTrail.this.runs.incrementAndGet();
					// the transaction has committed: a new one on the same connection
					try {
						sealAll(connection);
						connection.commit();
					}
					catch (SQLException | RuntimeException ex) {
						rollback(connection);
						log.warn("Chaining pending audit events failed ({}); they stay pending and are chained later",
								ex.getMessage());
					}
					AuditTrail.this.finished = run;
				}
				finally {
					AuditTrail.this.gate.unlock();
				}
			}
			finally {
				DataSourceUtils.releaseConnection(connection, AuditTrail.this.dataSource);
			}
		}

	}

	/**
	 * Chains events left pending (a chaining that failed, a replica that stopped between
	 * a commit and its chaining).
	 */
	@Scheduled(fixedDelayString = "${hearth.privacy.audit-seal-interval:30s}", initialDelayString = "10s")
	void sealLeftovers() {
		Boolean pending = this.jdbc.sql("select exists (select 1 from audit_pending)").query(Boolean.class).single();
		if (Boolean.TRUE.equals(pending)) {
			sealPending();
		}
	}

	/**
	 * Chains every pending event now, in its own transaction.
	 * @return how many were chained
	 */
	int sealPending() {
		// the connection first, the gate second: whoever holds the gate never waits for
		// the pool
		Integer count = this.transactions.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			this.gate.lock();
			try {
				long run = this.runs.incrementAndGet();
				int chained = sealAll(connection);
				this.finished = run;
				return chained;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("chaining pending audit events failed: " + ex.getMessage(), ex);
			}
			finally {
				this.gate.unlock();
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
		return (count != null) ? count : 0;
	}

	/**
	 * Chains the pending events in pending order under the chain's lock, in the
	 * connection's current transaction (the caller commits).
	 */
	private int sealAll(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
			lock.setLong(1, LOCK);
			lock.execute();
		}
		String previous = GENESIS;
		try (PreparedStatement head = connection
			.prepareStatement("select hash from audit_event order by id desc limit 1");
				ResultSet rs = head.executeQuery()) {
			if (rs.next()) {
				previous = rs.getString(1);
			}
		}
		List<Long> chained = new ArrayList<>();
		try (PreparedStatement pending = connection
			.prepareStatement("select id, at, kind, actor, subject, details from audit_pending order by id");
				PreparedStatement insert = connection.prepareStatement("""
						insert into audit_event (at, kind, actor, subject, details, prev_hash, hash)
						values (?, ?, ?, ?, cast(? as jsonb), ?, ?)
						""");
				ResultSet rs = pending.executeQuery()) {
			while (rs.next()) {
				String hash = hash(previous, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
				insert.setTimestamp(1, rs.getTimestamp(2));
				insert.setString(2, rs.getString(3));
				insert.setString(3, rs.getString(4));
				insert.setString(4, rs.getString(5));
				insert.setString(5, rs.getString(6));
				insert.setString(6, previous);
				insert.setString(7, hash);
				insert.addBatch();
				chained.add(rs.getLong(1));
				previous = hash;
			}
			if (!chained.isEmpty()) {
				insert.executeBatch();
			}
		}
		if (!chained.isEmpty()) {
			try (PreparedStatement delete = connection
				.prepareStatement("delete from audit_pending where id = any(?)")) {
				delete.setArray(1, connection.createArrayOf("bigint", chained.toArray()));
				delete.executeUpdate();
			}
		}
		return chained.size();
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// the connection is broken: the pool discards it
		}
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
