package dev.hearth.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/**
 * Read access to the knowledge base for the answering side: FAQ entries and their
 * phrasings, stored passage vectors, and the revision. Entries are cached per knowledge
 * base revision. Thread-safe.
 */
@Service
public class FaqCatalog {

	private final KnowledgeStore store;

	private final Map<String, FaqEntry> cache = new ConcurrentHashMap<>();

	private volatile long cachedRevision = -1;

	private final boolean bundledEmbeddingModel;

	FaqCatalog(KnowledgeStore store, KnowledgeProperties properties) {
		this.store = store;
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
		long revision = this.store.revision();
		if (revision != this.cachedRevision) {
			this.cache.clear();
			this.store.faqEntries().forEach((stored) -> this.cache.put(stored.entry().id(), stored.entry()));
			this.cachedRevision = revision;
		}
		return Optional.ofNullable(this.cache.get(id));
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
