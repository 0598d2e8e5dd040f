package dev.hearth.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.hearth.system.ChangeFeed;

/**
 * Read access to the knowledge base for the answering side: FAQ entries and their
 * phrasings, stored passage vectors, and the revision. Entries are cached per knowledge
 * base revision, and the revision is read from PostgreSQL only when it may have changed:
 * after this replica wrote one (until PostgreSQL shows it), when any replica's
 * {@link ChangeFeed} notification names one, on each catch-up tick, and on every call
 * while the feed is not connected. Before, every entry lookup read it, one or more round
 * trips and pool connections per customer turn. Thread-safe.
 */
@Service
public class FaqCatalog {

	private final KnowledgeStore store;

	private final Map<String, FaqEntry> cache = new ConcurrentHashMap<>();

	private volatile long cachedRevision = -1;

	/** Whether the revision may have changed since it was last read. */
	private volatile boolean stale = true;

	/** The newest revision this replica wrote (known from its events). */
	private volatile long written = -1;

	private final ChangeFeed feed;

	private final boolean bundledEmbeddingModel;

	FaqCatalog(KnowledgeStore store, KnowledgeProperties properties, ChangeFeed feed) {
		this.store = store;
		this.feed = feed;
		feed.subscribe(KnowledgeWriter.CHANNEL, (revision) -> this.stale = true);
		feed.onCatchUp(() -> this.stale = true);
		this.bundledEmbeddingModel = KnowledgeProperties.BUNDLED_EMBEDDING_MODEL_ID
			.equals(properties.embeddingModelId());
	}

	/**
	 * Whether the vectors come from the bundled all-MiniLM-L6-v2, the model that embedded
	 * the FAQ router's out-of-domain corpus (with another model the corpus is not
	 * comparable and must not be used).
	 */
	public boolean bundledEmbeddingModel() {
		return this.bundledEmbeddingModel;
	}

	/** The knowledge base's current revision; it changes with every import. */
	public long revision() {
		return this.store.revision();
	}

	/** The entry with this id, if it exists. */
	public Optional<FaqEntry> entry(String id) {
		if (this.stale || this.cachedRevision < this.written || !this.feed.connected()) {
			// cleared before the read: a notification during it marks it stale again
			this.stale = false;
			long revision = this.store.revision();
			if (revision != this.cachedRevision) {
				this.cache.clear();
				this.store.faqEntries().forEach((stored) -> this.cache.put(stored.entry().id(), stored.entry()));
				this.cachedRevision = revision;
			}
		}
		return Optional.ofNullable(this.cache.get(id));
	}

	@EventListener
	void faqChanged(FaqEntriesChanged changed) {
		wrote(changed.revision());
	}

	@EventListener
	void documentImported(DocumentImported imported) {
		wrote(imported.revision());
	}

	@EventListener
	void documentDeleted(DocumentDeleted deleted) {
		wrote(deleted.revision());
	}

	/**
	 * This replica wrote {@code revision} (the event may come before its transaction
	 * commits: the revision is read on every lookup until PostgreSQL shows it).
	 */
	private void wrote(long revision) {
		this.written = Math.max(this.written, revision);
		this.stale = true;
	}

	/**
	 * Every entry (its answer and language are what the FAQ matcher matches besides the
	 * phrasings).
	 */
	public List<FaqEntry> entries() {
		return this.store.faqEntries().stream().map(StoredFaqEntry::entry).toList();
	}

	/** Every phrasing of every entry, with its embedding. */
	public List<FaqPhrasing> phrasings() {
		return this.store.phrasings();
	}

}
