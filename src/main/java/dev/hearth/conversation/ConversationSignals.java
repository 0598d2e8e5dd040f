package dev.hearth.conversation;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.system.ChangeFeed;

/**
 * Wakes a replica's live streams when their conversation changes, whichever replica
 * changed it: PostgreSQL notifies {@link #CHANNEL} with the conversation id when a
 * message is stored or the state, agent, handoff mode or rating changes (triggers in
 * {@code db/V22__replica_change_log.sql}), and the {@link ChangeFeed}'s one listener
 * connection per replica fans that out to the streams waiting here. A stream waits on its
 * {@link Subscription} instead of polling, and every stream is woken after the listener
 * reconnects. A notification missed otherwise is found by the replica's one
 * {@link #sweep}: on every catch-up tick of the feed one query reads what the streams
 * show (state, agent, handoff mode, rating, newest message) for every conversation
 * followed on this replica and wakes those that changed since the last sweep, instead of
 * each stream polling its own conversation. Thread-safe.
 */
@Component
class ConversationSignals {

	private static final Logger log = LoggerFactory.getLogger(ConversationSignals.class);

	/** The channel the triggers notify. */
	static final String CHANNEL = "hearth_conversation";

	private final Map<UUID, Set<Subscription>> waiting = new ConcurrentHashMap<>();

	/** What each followed conversation looked like at the last sweep. */
	private final Map<UUID, String> swept = new ConcurrentHashMap<>();

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private final ChangeFeed feed;

	private final JdbcClient jdbc;

	ConversationSignals(ChangeFeed feed, JdbcClient jdbc) {
		this.feed = feed;
		this.jdbc = jdbc;
		feed.subscribe(CHANNEL, this::changed);
		feed.onReconnect(this::wakeAll);
		feed.onCatchUp(this::sweepSoon);
	}

	/**
	 * Whether changes reach the streams without their own polling now: the feed's
	 * listener connection is open (notifications, and the sweep on every catch-up tick).
	 * While it is not, a stream falls back to its own safety poll.
	 */
	boolean live() {
		return this.feed.connected();
	}

	/**
	 * Starts listening for changes of one conversation; subscribe before reading it, so
	 * that a change between the read and the wait is not missed. Close the subscription
	 * when the stream ends.
	 */
	Subscription subscribe(UUID conversationId) {
		Subscription subscription = new Subscription(conversationId);
		this.waiting.computeIfAbsent(conversationId, (id) -> ConcurrentHashMap.newKeySet()).add(subscription);
		return subscription;
	}

	/** How many streams wait on this replica now. */
	int streams() {
		return this.waiting.values().stream().mapToInt(Set::size).sum();
	}

	private void changed(String payload) {
		UUID id;
		try {
			id = UUID.fromString(payload);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Ignoring a conversation notification that names no conversation: '{}'", payload);
			return;
		}
		Set<Subscription> subscriptions = this.waiting.get(id);
		if (subscriptions != null) {
			subscriptions.forEach(Subscription::signal);
		}
	}

	private void sweepSoon() {
		if (this.waiting.isEmpty()) {
			this.swept.clear();
			return;
		}
		if (this.sweeping.compareAndSet(false, true)) {
			// off the feed's thread: the query may wait for a pooled connection
			Thread.ofVirtual().name("conversation-sweep").start(() -> {
				try {
					sweep();
				}
				catch (RuntimeException ex) {
					log.warn("The sweep of followed conversations failed ({}); trying again on the next tick",
							ex.getMessage());
				}
				finally {
					this.sweeping.set(false);
				}
			});
		}
	}

	/**
	 * One query for every conversation followed on this replica: wakes the streams of
	 * each whose state, agent, handoff mode, rating or newest message differs from the
	 * last sweep, and of each seen for the first time or gone. Covers a notification lost
	 * without a reconnect; normally it wakes nothing.
	 * @return how many conversations were woken
	 */
	int sweep() {
		List<UUID> ids = List.copyOf(this.waiting.keySet());
		if (ids.isEmpty()) {
			this.swept.clear();
			return 0;
		}
		Map<UUID, String> now = new HashMap<>();
		this.jdbc.sql("""
				select c.id, concat_ws('|', c.state, c.assigned_agent, c.handoff_mode, c.csat,
				       (select max(m.seq) from conversation_message m where m.conversation_id = c.id))
				from unnest(cast(? as uuid[])) as followed(id) join conversation c on c.id = followed.id
				""")
			.param(ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.query((rs) -> {
				now.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		int woken = 0;
		for (UUID id : ids) {
			String looks = now.getOrDefault(id, "gone");
			String before = this.swept.put(id, looks);
			if (!looks.equals(before)) {
				Set<Subscription> subscriptions = this.waiting.get(id);
				if (subscriptions != null) {
					subscriptions.forEach(Subscription::signal);
					woken++;
				}
			}
		}
		this.swept.keySet().retainAll(new HashSet<>(ids));
		return woken;
	}

	private void wakeAll() {
		this.waiting.values().forEach((subscriptions) -> subscriptions.forEach(Subscription::signal));
	}

	/** One stream's interest in one conversation. */
	final class Subscription implements AutoCloseable {

		private final UUID conversationId;

		private final Semaphore signals = new Semaphore(0);

		private Subscription(UUID conversationId) {
			this.conversationId = conversationId;
		}

		/**
		 * Waits until the conversation changed since the last call, or {@code atMost}
		 * passed.
		 * @return whether it changed (false: the safety poll is due)
		 */
		boolean await(Duration atMost) throws InterruptedException {
			boolean signalled = this.signals.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
			this.signals.drainPermits();
			return signalled;
		}

		private void signal() {
			if (this.signals.availablePermits() == 0) {
				this.signals.release();
			}
		}

		@Override
		public void close() {
			ConversationSignals.this.waiting.computeIfPresent(this.conversationId, (id, subscriptions) -> {
				subscriptions.remove(this);
				return subscriptions.isEmpty() ? null : subscriptions;
			});
		}

	}

}
