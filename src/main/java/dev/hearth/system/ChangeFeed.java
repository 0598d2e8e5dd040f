package dev.hearth.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How replicas that share one PostgreSQL learn what the others wrote: a writer
 * {@link #publish publishes} a notification in its transaction (PostgreSQL delivers it at
 * commit, never for a rolled-back one), and every replica's feed wakes the subscribers of
 * that channel. Notifications are only a wake-up call: they are lost while a replica's
 * listener connection is down, so every follower also re-reads PostgreSQL on each
 * {@link #onCatchUp catch-up tick} ({@code hearth.system.change-feed.catch-up}) and after
 * every reconnect, and PostgreSQL (not the notification) is what it applies.
 * <p>
 * One listener connection per replica, outside the connection pool, owned by one daemon
 * thread. Subscribers are called on that thread and must return quickly (hand long work,
 * such as an index update, to a thread of their own). Thread-safe.
 */
@Component
public final class ChangeFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	/**
	 * How long one wait for notifications lasts, so new channels are listened to soon.
	 */
	private static final int WAIT_MILLIS = 500;

	private final DatabaseLocation location;

	private final JdbcClient jdbc;

	private final ChangeFeedProperties properties;

	private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

	private final List<Runnable> catchUps = new CopyOnWriteArrayList<>();

	private final List<Runnable> reconnects = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private volatile boolean connected;

	private boolean everConnected;

	private volatile Thread thread;

	ChangeFeed(DatabaseLocation location, JdbcClient jdbc, ChangeFeedProperties properties) {
		this.location = location;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Calls {@code listener} with the payload of every notification on {@code channel},
	 * from any replica (this one included).
	 * @param channel lower-case letters, digits and underscores, starting with a letter
	 * @param listener called on the feed's thread; must return quickly
	 */
	public void subscribe(String channel, Consumer<String> listener) {
		checkChannel(channel);
		if (listener == null) {
			throw new IllegalArgumentException("listener must not be null");
		}
		this.subscribers.computeIfAbsent(channel, (key) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/**
	 * Calls {@code task} on every catch-up tick and after the listener connection has
	 * been (re)opened, when notifications may have been missed.
	 * @param task called on the feed's thread; must return quickly
	 */
	public void onCatchUp(Runnable task) {
		if (task == null) {
			throw new IllegalArgumentException("task must not be null");
		}
		this.catchUps.add(task);
	}

	/**
	 * Calls {@code task} each time the listener connection has been reopened after a
	 * failure, when notifications may have been lost (not on the first connection).
	 * @param task called on the feed's thread; must return quickly
	 */
	public void onReconnect(Runnable task) {
		if (task == null) {
			throw new IllegalArgumentException("task must not be null");
		}
		this.reconnects.add(task);
	}

	/**
	 * Notifies every replica's subscribers of {@code channel}; inside a transaction the
	 * notification is sent when (and only if) it commits.
	 * @param channel as for {@link #subscribe}
	 * @param payload at most 7,000 characters (PostgreSQL's limit is 8,000 bytes)
	 */
	public void publish(String channel, String payload) {
		checkChannel(channel);
		if (payload == null || payload.length() > 7_000) {
			throw new IllegalArgumentException("payload must be present and at most 7000 characters, got "
					+ ((payload == null) ? "none" : payload.length() + " characters"));
		}
		this.jdbc.sql("select pg_notify(?, ?)")
			.param(channel)
			.param(payload)
			.query((org.springframework.jdbc.core.RowCallbackHandler) (rs) -> {
			});
	}

	/** Whether the listener connection is open now. */
	public boolean connected() {
		return this.connected;
	}

	@Override
	public void start() {
		if (!this.properties.enabled() || this.running) {
			return;
		}
		this.running = true;
		this.thread = Thread.ofPlatform().name("change-feed").daemon(true).start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			current.interrupt();
			try {
				current.join(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		long backoff = 250;
		while (this.running) {
			try (Connection connection = open()) {
				backoff = 250;
				listen(connection);
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("The change feed's listener connection failed ({}); reconnecting in {} ms", ex.getMessage(),
						backoff);
			}
			finally {
				this.connected = false;
			}
			try {
				Thread.sleep(backoff);
			}
			catch (InterruptedException ex) {
				return;
			}
			backoff = Math.min(backoff * 2, this.properties.reconnect().toMillis());
		}
	}

	private Connection open() throws SQLException {
		Properties credentials = new Properties();
		credentials.setProperty("user", this.location.username());
		if (this.location.password() != null && !this.location.password().isEmpty()) {
			credentials.setProperty("password", this.location.password());
		}
		credentials.setProperty("tcpKeepAlive", "true");
		credentials.setProperty("ApplicationName", "hearth change feed");
		return DriverManager.getConnection(this.location.url(), credentials);
	}

	private void listen(Connection connection) throws SQLException {
		PGConnection notifications = connection.unwrap(PGConnection.class);
		Set<String> listening = new java.util.HashSet<>();
		listenToNew(connection, listening);
		this.connected = true;
		log.info("The change feed listens on {}", listening);
		if (this.everConnected) {
			run(this.reconnects);
		}
		this.everConnected = true;
		run(this.catchUps);
		long catchUpMillis = this.properties.catchUp().toMillis();
		long lastCatchUp = System.currentTimeMillis();
		while (this.running) {
			listenToNew(connection, listening);
			PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
			if (received != null) {
				for (PGNotification notification : received) {
					deliver(notification.getName(), notification.getParameter());
				}
			}
			if (System.currentTimeMillis() - lastCatchUp >= catchUpMillis) {
				try (Statement statement = connection.createStatement()) {
					// proves the connection is alive; a dead one throws and is reopened
					statement.execute("select 1");
				}
				run(this.catchUps);
				lastCatchUp = System.currentTimeMillis();
			}
			if (Thread.interrupted()) {
				return;
			}
		}
	}

	private void listenToNew(Connection connection, Set<String> listening) throws SQLException {
		for (String channel : this.subscribers.keySet()) {
			if (listening.add(channel)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + channel);
				}
			}
		}
	}

	private void deliver(String channel, String payload) {
		for (Consumer<String> listener : this.subscribers.getOrDefault(channel, List.of())) {
			try {
				listener.accept(payload);
			}
			catch (RuntimeException ex) {
				log.error("A subscriber of {} failed on '{}'", channel, payload, ex);
			}
		}
	}

	private static void run(List<Runnable> tasks) {
		for (Runnable task : tasks) {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.error("A change feed catch-up failed", ex);
			}
		}
	}

	private static void checkChannel(String channel) {
		if (channel == null || !CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException(
					"channel must be lower-case letters, digits and underscores starting with a letter, got '" + channel
							+ "'");
		}
	}

}
