package dev.hearth.system;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Per-minute token buckets kept in PostgreSQL ({@code rate_limit_bucket}), so that every
 * replica draws from the same bucket. A bucket of capacity {@code perMinute} starts full
 * and gets its tokens back steadily over a minute (Bucket4j's greedy refill). One
 * {@link #take} draws from several buckets in one statement, one round trip and one short
 * transaction ({@code hearth_take_tokens}, V28): it locks each bucket's row in turn,
 * takes a token and stops at the first bucket that has none, whose tokens taken before it
 * stay taken — the same counting as one transaction per bucket, with PostgreSQL's clock
 * for every replica (docs/adr/0021-rate-limits-in-one-round-trip.md). Buckets that need
 * more than "take one per minute" (the sign-in lockouts: interval refill, estimates,
 * forgetting) are Bucket4j buckets through this class as a Bucket4j proxy manager:
 * Bucket4j's own select-for-update protocol over plain JDBC, its serialized state in the
 * row's {@code state} column (ADR 0014); the two kinds never share a key. Thread-safe.
 */
public final class SharedBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

	private final DataSource dataSource;

	/**
	 * @param dataSource the database with {@code rate_limit_bucket}
	 */
	public SharedBuckets(DataSource dataSource) {
		super(ClientSideConfig.getDefault());
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
	}

	/**
	 * One bucket to take a token from.
	 *
	 * @param key the bucket's key, e.g. {@code post:203.0.113.7/60}
	 * @param perMinute its capacity, refilled over a minute; at least 1
	 */
	public record Limit(String key, int perMinute) {

		public Limit {
			Objects.requireNonNull(key, "key");
			if (perMinute < 1) {
				throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
			}
		}

	}

	/**
	 * Which bucket had no token.
	 *
	 * @param index the position of that bucket in the list given to {@link #take}
	 * @param seconds the whole seconds until it has one again, at least 1
	 */
	public record Refusal(int index, long seconds) {
	}

	/**
	 * Takes one token from each bucket in order, stopping at the first that has none.
	 * Name the buckets of one caller in one fixed order of kinds (two calls then never
	 * wait on each other's rows crosswise).
	 * @return {@code null} when every bucket gave a token, else the refusal
	 * @throws UncategorizedSQLException when the database fails (its
	 * {@link java.sql.SQLException} is the cause: {@link DatabaseOutage} tells an outage)
	 */
	public Refusal take(List<Limit> limits) {
		if (limits.isEmpty()) {
			return null;
		}
		String[] keys = new String[limits.size()];
		Integer[] capacities = new Integer[limits.size()];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = limits.get(i).key();
			capacities[i] = limits.get(i).perMinute();
		}
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement take = connection
					.prepareStatement("select refused, wait_seconds from hearth_take_tokens(?, ?)")) {
			Array ids = connection.createArrayOf("text", keys);
			Array sizes = connection.createArrayOf("integer", capacities);
			take.setArray(1, ids);
			take.setArray(2, sizes);
			try (ResultSet row = take.executeQuery()) {
				row.next();
				int refused = row.getInt(1);
				return (refused == 0) ? null : new Refusal(refused - 1, row.getLong(2));
			}
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("Taking rate-limit tokens", "hearth_take_tokens", ex);
		}
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
		return new RowTransaction(connection, key);
	}

	@Override
	public void removeProxy(String key) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection.prepareStatement("delete from rate_limit_bucket where id = ?")) {
			delete.setString(1, key);
			delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	/**
	 * Drops buckets nobody used for {@code idle}: with every limit refilled within that
	 * time they are full, the same as no row.
	 * @return how many were dropped
	 */
	public int removeIdle(Duration idle) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection
					.prepareStatement("delete from rate_limit_bucket where updated_at < ?")) {
			delete.setTimestamp(1, Timestamp.from(Instant.now().minus(idle)));
			return delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("Removing idle rate-limit buckets", "delete from rate_limit_bucket",
					ex);
		}
	}

	/** One consumption: lock the row (inserting it first if needed), read, write. */
	private static final class RowTransaction implements SelectForUpdateBasedTransaction {

		private final Connection connection;

		private final String key;

		RowTransaction(Connection connection, String key) {
			this.connection = connection;
			this.key = key;
		}

		@Override
		public void begin(Optional<Long> timeoutNanos) {
			run(() -> this.connection.setAutoCommit(false));
		}

		@Override
		public void rollback() {
			run(this.connection::rollback);
		}

		@Override
		public void commit(Optional<Long> timeoutNanos) {
			run(this.connection::commit);
		}

		@Override
		public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
			try (PreparedStatement select = this.connection
				.prepareStatement("select state from rate_limit_bucket where id = ? for update")) {
				select.setString(1, this.key);
				try (ResultSet rows = select.executeQuery()) {
					return rows.next() ? LockAndGetResult.locked(rows.getBytes(1)) : LockAndGetResult.notLocked();
				}
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
			try (PreparedStatement insert = this.connection.prepareStatement(
					"insert into rate_limit_bucket (id, state) values (?, null) on conflict (id) do nothing")) {
				insert.setString(1, this.key);
				return insert.executeUpdate() > 0;
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
			try (PreparedStatement update = this.connection
				.prepareStatement("update rate_limit_bucket set state = ?, updated_at = now() where id = ?")) {
				update.setBytes(1, data);
				update.setString(2, this.key);
				update.executeUpdate();
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public void release() {
			run(this.connection::close);
		}

		private interface SqlAction {

			void run() throws SQLException;

		}

		private static void run(SqlAction action) {
			try {
				action.run();
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

	}

}
