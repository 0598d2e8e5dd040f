package dev.hearth.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j token buckets kept in PostgreSQL ({@code rate_limit_bucket}), so that every
 * replica draws from the same bucket: Bucket4j's own select-for-update protocol
 * ({@link AbstractSelectForUpdateBasedProxyManager}, from {@code bucket4j_jdk17-core})
 * over plain JDBC — Bucket4j's PostgreSQL module is not served by the registry this
 * project builds from (docs/adr/0014-shared-rate-limits-and-retention.md). Each
 * consumption is one short transaction that locks the bucket's row; the bucket's state is
 * Bucket4j's serialized form. Thread-safe.
 */
public final class SharedBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

	private final DataSource dataSource;

	/**
	 * @param dataSource the database with {@code rate_limit_bucket}
	 */
	public SharedBuckets(DataSource dataSource) {
		super(ClientSideConfig.getDefault());
		this.dataSource = dataSource;
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
			throw new BucketExceptions.BucketExecutionException(ex);
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
