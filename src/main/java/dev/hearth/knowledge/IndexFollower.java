package dev.hearth.knowledge;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.hearth.system.ChangeFeed;

/**
 * Keeps this replica's index in step with the knowledge base that every replica writes:
 * on each notification of a new revision, and on each catch-up tick of the
 * {@link ChangeFeed}, it asks {@link KnowledgeWriter#catchUp()} to apply what the change
 * log names. It starts after {@link IndexStartup} has made the index match PostgreSQL.
 * Runs are coalesced and happen one at a time on a thread of their own. Thread-safe.
 */
@Component
@Order(11)
class IndexFollower implements ApplicationRunner, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

	private final KnowledgeWriter writer;

	private final KnowledgeIndex index;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("index-follower").daemon(true).factory());

	private final AtomicBoolean pending = new AtomicBoolean();

	private volatile boolean started;

	IndexFollower(KnowledgeWriter writer, KnowledgeIndex index, ChangeFeed feed) {
		this.writer = writer;
		this.index = index;
		feed.subscribe(KnowledgeWriter.CHANNEL, this::revisionCommitted);
		feed.onCatchUp(this::requestCatchUp);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.started = true;
		requestCatchUp();
	}

	@Override
	public void close() {
		this.worker.shutdownNow();
	}

	private void revisionCommitted(String payload) {
		long revision;
		try {
			revision = Long.parseLong(payload);
		}
		catch (NumberFormatException ex) {
			log.warn("Ignoring a knowledge notification that names no revision: '{}'", payload);
			return;
		}
		if (revision > this.index.passages().revision()) {
			requestCatchUp();
		}
	}

	private void requestCatchUp() {
		if (this.started && this.pending.compareAndSet(false, true)) {
			this.worker.execute(() -> {
				this.pending.set(false);
				try {
					this.writer.catchUp();
				}
				catch (RuntimeException ex) {
					log.warn("Catching up with the knowledge base failed ({}); the next tick retries", ex.getMessage());
				}
			});
		}
	}

}
