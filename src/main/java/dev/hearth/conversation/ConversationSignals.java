package dev.hearth.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.hearth.system.ChangeFeed;

/**
 * Wakes a replica's live streams when their conversation changes, whichever replica
 * changed it: PostgreSQL notifies {@link #CHANNEL} with the conversation id when a
 * message is stored or the state, agent, handoff mode or rating changes (triggers in
 * {@code db/V22__replica_change_log.sql}), and the {@link ChangeFeed}'s one listener
 * connection per replica fans that out to the streams waiting here. A stream waits on its
 * {@link Subscription} instead of polling; its own slow safety poll covers a notification
 * lost while the listener reconnects, and every stream is woken after a reconnect.
 * Thread-safe.
 */
@Component
class ConversationSignals {

	private static final Logger log = LoggerFactory.getLogger(ConversationSignals.class);

	/** The channel the triggers notify. */
	static final String CHANNEL = "hearth_conversation";

	private final Map<UUID, Set<Subscription>> waiting = new ConcurrentHashMap<>();

	ConversationSignals(ChangeFeed feed) {
		feed.subscribe(CHANNEL, this::changed);
		feed.onReconnect(this::wakeAll);
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
