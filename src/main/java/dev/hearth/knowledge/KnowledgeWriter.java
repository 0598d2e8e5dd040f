package dev.hearth.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.transaction.TransactionDefinition;

import dev.hearth.knowledge.KnowledgeStore.IndexChange;
import dev.hearth.retrieval.IndexedPassage;
import dev.hearth.retrieval.PassageIndex;
import dev.hearth.system.ChangeFeed;

/**
 * The only writer of the knowledge base. Each write is one PostgreSQL transaction that
 * also bumps the revision, followed by the matching index update, both under one lock, so
 * the index's revision always names a state that PostgreSQL had. If the index update
 * fails, the index is rebuilt from PostgreSQL; the committed data is never lost.
 * <p>
 * Every write also records which index documents its revision changed in the change log
 * ({@code kb_change}) and notifies the other replicas ({@link #CHANNEL}); each replica
 * brings its own index up to PostgreSQL's revision with {@link #catchUp()}, which is also
 * what a write does when its index has fallen behind another replica's writes.
 * Thread-safe.
 */
@Component
class KnowledgeWriter {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeWriter.class);

	/** The change feed channel of knowledge base revisions (payload: the revision). */
	static final String CHANNEL = "hearth_knowledge";

	/** How many revisions the change log keeps; a replica further behind rebuilds. */
	static final long KEPT_CHANGES = 10_000;

	private final ReentrantLock lock = new ReentrantLock(true);

	private final KnowledgeStore store;

	private final KnowledgeIndex index;

	private final TransactionTemplate transactions;

	private final TransactionTemplate snapshots;

	private final ApplicationEventPublisher events;

	private final ChangeFeed feed;

	KnowledgeWriter(KnowledgeStore store, KnowledgeIndex index, TransactionTemplate transactions,
			ApplicationEventPublisher events, ChangeFeed feed) {
		this.store = store;
		this.index = index;
		this.transactions = transactions;
		this.snapshots = new TransactionTemplate(transactions.getTransactionManager());
		this.snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshots.setReadOnly(true);
		this.events = events;
		this.feed = feed;
	}

	DocumentImportResult saveDocument(String source, ParsedDocument parsed, List<StoredChunk> chunks,
			String contentHash, Map<String, List<String>> tags, long sizeBytes, String actor, long startedNanos) {
		long waiting = System.nanoTime();
		return locked(() -> {
			long locked = System.nanoTime();
			record Saved(UUID id, int version, ImportOutcome outcome, long revision) {
			}
			Saved saved = this.transactions.execute((status) -> {
				Optional<KnowledgeDocument> existing = this.store.lockDocument(source);
				UUID id = existing.map(KnowledgeDocument::id).orElseGet(UUID::randomUUID);
				int version = existing.map((d) -> d.version() + 1).orElse(1);
				ImportOutcome outcome = existing.isPresent() ? ImportOutcome.UPDATED : ImportOutcome.ADDED;
				this.store.upsertDocument(id, source, parsed, contentHash, version, tags, sizeBytes);
				this.store.replaceChunks(id, chunks);
				long revision = this.store.bumpRevision();
				logChange(revision, List.of(id.toString()));
				this.store.recordEvent("DOCUMENT", source, outcome, null, actor);
				this.events.publishEvent(new DocumentImported(id, source, version, outcome, revision));
				return new Saved(id, version, outcome, revision);
			});
			List<IndexedPassage> passages = new ArrayList<>(chunks.size());
			for (StoredChunk chunk : chunks) {
				passages.add(Passages.chunk(saved.id(), source, parsed.title(), parsed.language(), tags, chunk.id(),
						chunk.chunk(), chunk.vector()));
			}
			long stored = System.nanoTime();
			updateIndex(saved.revision(),
					() -> this.index.passages().replaceDocument(saved.id().toString(), passages, saved.revision()));
			if (log.isDebugEnabled()) {
				log.debug("Stored {}: lock wait {} ms, PostgreSQL {} ms, index {} ms", source,
						(locked - waiting) / 1_000_000, (stored - locked) / 1_000_000,
						(System.nanoTime() - stored) / 1_000_000);
			}
			return new DocumentImportResult(source, saved.outcome(), saved.id(), saved.version(), chunks.size(),
					parsed.title(), (System.nanoTime() - startedNanos) / 1_000_000, Audiences.applied(tags));
		});
	}

	Optional<UUID> deleteDocument(String source, String actor) {
		return locked(() -> {
			record Deleted(UUID id, long revision) {
			}
			Deleted deleted = this.transactions.execute((status) -> {
				Optional<UUID> id = this.store.deleteDocument(source);
				if (id.isEmpty()) {
					return null;
				}
				long revision = this.store.bumpRevision();
				logChange(revision, List.of(id.get().toString()));
				this.store.recordEvent("DOCUMENT", source, ImportOutcome.REMOVED, null, actor);
				this.events.publishEvent(new DocumentDeleted(id.get(), source, revision));
				return new Deleted(id.get(), revision);
			});
			if (deleted == null) {
				return Optional.empty();
			}
			updateIndex(deleted.revision(),
					() -> this.index.passages().deleteDocument(deleted.id().toString(), deleted.revision()));
			return Optional.of(deleted.id());
		});
	}

	/**
	 * Stores changed FAQ entries (with one vector per phrasing) and removes others, in
	 * one transaction.
	 * @return the knowledge base revision after the change
	 */
	long saveFaq(Map<FaqEntry, List<float[]>> changed, Map<String, String> hashes, List<String> removed, String source,
			String actor) {
		if (changed.isEmpty() && removed.isEmpty()) {
			return this.store.revision();
		}
		return locked(() -> {
			long revision = this.transactions.execute((status) -> {
				changed.forEach((entry, vectors) -> this.store.upsertFaq(entry, hashes.get(entry.id()), vectors));
				removed.forEach(this.store::deleteFaq);
				long next = this.store.bumpRevision();
				List<String> documentIds = new ArrayList<>();
				changed.keySet().forEach((entry) -> documentIds.add(Passages.faqDocumentId(entry.id())));
				removed.forEach((id) -> documentIds.add(Passages.faqDocumentId(id)));
				logChange(next, documentIds);
				this.store.recordEvent("FAQ", source, changed.isEmpty() ? ImportOutcome.REMOVED : ImportOutcome.UPDATED,
						changed.size() + " changed, " + removed.size() + " removed", actor);
				this.events.publishEvent(new FaqEntriesChanged(changed.keySet().stream().map(FaqEntry::id).toList(),
						List.copyOf(removed), next));
				return next;
			});
			updateIndex(revision, () -> {
				for (Map.Entry<FaqEntry, List<float[]>> e : changed.entrySet()) {
					FaqEntry entry = e.getKey();
					List<String> phrasings = entry.phrasings();
					List<IndexedPassage> passages = new ArrayList<>(phrasings.size());
					for (int i = 0; i < phrasings.size(); i++) {
						passages.add(Passages.faq(entry.id(), entry.title(), entry.answer(), entry.language(),
								entry.tags(), i, phrasings.get(i), e.getValue().get(i)));
					}
					this.index.passages().replaceDocument(Passages.faqDocumentId(entry.id()), passages, revision);
				}
				for (String id : removed) {
					this.index.passages().deleteDocument(Passages.faqDocumentId(id), revision);
				}
			});
			return revision;
		});
	}

	/**
	 * Rebuilds the whole index from PostgreSQL; searchers see the old index until it is
	 * done.
	 */
	RebuildResult rebuildIndex() {
		return locked(this::rebuildLocked);
	}

	/**
	 * Brings this replica's index up to PostgreSQL's revision: applies the documents the
	 * change log names since the index's revision, as PostgreSQL has them now, or
	 * rebuilds when the log cannot say (it was pruned, a change touched everything, or
	 * the index belongs to another model or database).
	 * @return whether the index changed
	 */
	boolean catchUp() {
		return locked(this::catchUpLocked);
	}

	/**
	 * Records in the change log that {@code revision} changed these index documents and
	 * notifies every replica at commit; call inside the writing transaction, right after
	 * bumping the revision.
	 */
	void logChange(long revision, List<String> documentIds) {
		for (String documentId : documentIds) {
			this.store.recordChange(revision, documentId);
		}
		if (revision % 100 == 0) {
			this.store.pruneChanges(revision - KEPT_CHANGES);
		}
		this.feed.publish(CHANNEL, Long.toString(revision));
	}

	void recordFailure(String kind, String source, String reason, String actor) {
		this.store.recordEvent(kind, source, ImportOutcome.FAILED, reason, actor);
	}

	<T> T locked(Supplier<T> work) {
		this.lock.lock();
		try {
			return work.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	private RebuildResult rebuildLocked() {
		long started = System.nanoTime();
		RebuildResult result;
		if (this.index.isLost()) {
			log.warn("The index folder has gone: rebuilding it from PostgreSQL (searches use the files still open"
					+ " until then)");
			result = rebuildLost();
		}
		else {
			result = rebuildInto(this.index.passages());
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Rebuilt the index: {} passages at revision {} in {} ms", result.passages(), result.revision(),
				millis);
		return new RebuildResult(result.passages(), result.revision(), millis);
	}

	/** Rebuilds a lost index into a new folder and puts that live. */
	private RebuildResult rebuildLost() {
		PassageIndex replacement = null;
		try {
			replacement = this.index.openReplacement();
			RebuildResult result = rebuildInto(replacement);
			this.index.replace(replacement);
			replacement = null;
			return result;
		}
		catch (IOException | RuntimeException ex) {
			IOUtils.closeWhileHandlingException(replacement);
			throw new IndexUpdateException("Rebuilding the lost index failed: " + ex.getMessage(), ex);
		}
	}

	private RebuildResult rebuildInto(PassageIndex target) {
		return this.transactions.execute((status) -> {
			long revision = this.store.revision();
			try (Stream<IndexedPassage> chunks = this.store.streamChunkPassages();
					Stream<IndexedPassage> faqs = this.store.streamFaqPassages()) {
				CountingIterator all = new CountingIterator(Stream.concat(chunks, faqs).iterator());
				target.rebuild(all, revision, this.index.fingerprint());
				return new RebuildResult(all.count, revision, 0);
			}
			catch (IOException ex) {
				throw new IndexUpdateException("Rebuilding the index failed: " + ex.getMessage(), ex);
			}
		});
	}

	private boolean catchUpLocked() {
		if (this.index.isLost()) {
			rebuildLocked();
			return true;
		}
		Boolean changed = this.snapshots.execute((status) -> {
			long head = this.store.revision();
			long at = this.index.passages().revision();
			if (at == head && this.index.isFresh(head)) {
				return false;
			}
			List<IndexChange> changes = (at < head && this.index.isFresh(at)) ? this.store.changes(at, head)
					: List.of();
			long revisions = changes.stream().mapToLong(IndexChange::revision).distinct().count();
			boolean everything = changes.stream().anyMatch((c) -> IndexChange.EVERYTHING.equals(c.documentId()));
			if (changes.isEmpty() || revisions != head - at || everything) {
				log.info("The index is at revision {}, PostgreSQL at {}: rebuilding", at, head);
				rebuildLocked();
				return true;
			}
			List<String> documents = changes.stream().map(IndexChange::documentId).distinct().toList();
			try {
				for (int i = 0; i < documents.size(); i++) {
					// the index names PostgreSQL's revision only once every document is
					// in
					long revision = (i == documents.size() - 1) ? head : at;
					this.index.passages()
						.replaceDocument(documents.get(i), this.store.passages(documents.get(i)), revision);
				}
			}
			catch (IOException | RuntimeException ex) {
				log.error("Following the change log failed; rebuilding the index from PostgreSQL", ex);
				rebuildLocked();
			}
			log.info("The index follows PostgreSQL: {} documents of revisions {} to {} applied", documents.size(),
					at + 1, head);
			return true;
		});
		return Boolean.TRUE.equals(changed);
	}

	/**
	 * Applies this replica's own committed change when the index is at the revision just
	 * before it; otherwise other replicas' changes came first, and the index catches up
	 * from the change log (which includes this change).
	 */
	private void updateIndex(long revision, IndexUpdate update) {
		if (this.index.passages().revision() != revision - 1 || !this.index.isFresh(revision - 1)) {
			catchUpLocked();
			return;
		}
		try {
			update.run();
		}
		catch (IOException | RuntimeException ex) {
			log.error("Updating the index failed after the change was committed; rebuilding it from PostgreSQL", ex);
			rebuildLocked();
		}
	}

	@FunctionalInterface
	private interface IndexUpdate {

		void run() throws IOException;

	}

	/**
	 * @param passages passages in the new index
	 * @param revision the revision it reflects
	 * @param millis time the rebuild took
	 */
	record RebuildResult(int passages, long revision, long millis) {
	}

	/** The index could not be written. */
	static class IndexUpdateException extends RuntimeException {

		IndexUpdateException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private static final class CountingIterator implements Iterator<IndexedPassage> {

		private final Iterator<IndexedPassage> delegate;

		private int count;

		CountingIterator(Iterator<IndexedPassage> delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean hasNext() {
			return this.delegate.hasNext();
		}

		@Override
		public IndexedPassage next() {
			this.count++;
			return this.delegate.next();
		}

	}

}
