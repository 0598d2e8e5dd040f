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

import javax.sql.DataSource;

import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Per-minute token buckets kept in PostgreSQL ({@code rate_limit_bucket}), so that every
 * replica draws from the same bucket. A bucket of capacity {@code perMinute} starts full
 * and gets its tokens back steadily over a minute (Bucket4j's greedy refill). One
 * {@link #take} draws from several buckets in one statement, one round trip and one short
 * transaction ({@code hearth_take_tokens}, V28): it locks each bucket's row in turn,
 * takes a token and stops at the first bucket that has none, whose tokens taken before it
 * stay taken — the same counting as one transaction per bucket, with PostgreSQL's clock
 * for every replica (docs/adr/0021-rate-limits-in-one-round-trip.md). Thread-safe.
 */
public final class SharedBuckets {

	private final DataSource dataSource;

	/**
	 * @param dataSource the database with {@code rate_limit_bucket}
	 */
	public SharedBuckets(DataSource dataSource) {
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

}
