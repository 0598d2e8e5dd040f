package dev.hearth.retrieval;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LiveIndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * A Lucene index of {@link IndexedPassage}s on local disk: the only writer of its
 * directory, and the source of {@link HybridSearcher}s over it.
 *
 * <p>
 * <b>Consistency.</b> Every write ({@link #replaceDocument}, {@link #deleteDocument}) is
 * a single IndexWriter call, so a near-real-time searcher sees the passages before it or
 * after it, never part of it; writes are serialised, and the next search after a write
 * refreshes its searcher first, so a caller reads its own writes. A {@link #rebuild}
 * holds searcher refreshes off from its first delete to its commit, so searchers keep the
 * old passages until it is done; a rebuild that fails rolls back to the last commit.
 * Writes are committed (made durable) within {@value #COMMIT_INTERVAL_MILLIS} ms and on
 * close, not one by one: a bulk import does not pay a commit and a refresh per document,
 * and its segments are flushed large enough that merging them (which rebuilds their HNSW
 * graphs) does not cost more than the import's own indexing. A write lost in a crash is
 * not lost to the owner, which compares the committed revision with its system of record.
 *
 * <p>
 * <b>Revisions.</b> Each commit records the caller's revision, the fingerprint given to
 * the last {@link #rebuild} (the embedding model id, say), and the vector dimension. The
 * owner compares {@link #revision()} and {@link #fingerprint()} with its system of record
 * at start-up and rebuilds a stale index. Replacements and deletions must not go back in
 * revision; a rebuild may set any revision. An index opened with a dimension other than
 * the one its vectors have accepts only deletions, BM25-only searches and a rebuild.
 *
 * <p>
 * <b>Thread-safety.</b> All methods are safe to call from any thread; writes wait for
 * each other, searches run concurrently with writes and with each other. Closing while
 * searches are in flight is not supported. One process may open a directory at a time
 * (Lucene's write lock enforces it).
 */
public final class PassageIndex implements Closeable {

	static final String REVISION_KEY = "hearth.revision";

	static final String FINGERPRINT_KEY = "hearth.fingerprint";

	static final String DIMENSIONS_KEY = "hearth.dimensions";

	/** The largest vector dimension Lucene's HNSW formats accept. */
	static final int MAX_DIMENSIONS = 1024;

	private static final double RAM_BUFFER_MB = 128;

	/**
	 * The most a {@link #rebuild} buffers in memory before it flushes a segment: a
	 * quarter of the heap, at least {@link #RAM_BUFFER_MB}, at most just below Lucene's
	 * limit for one indexing thread (1,945 MB). Every flushed segment builds its own HNSW
	 * graph, and the final merge to one segment inserts each vector of all but the
	 * largest segment into the graph again, so fewer, larger segments make a large
	 * rebuild cheaper: at 1,000,000 passages 128 MB gave 16 segments and about twice the
	 * graph insertions of the passages themselves (issue 14). The buffer is used only as
	 * far as the passages need it, and given back when the rebuild ends.
	 */
	static final double REBUILD_RAM_BUFFER_MB = Math.max(RAM_BUFFER_MB,
			Math.min(1_900, (Runtime.getRuntime().maxMemory() >> 20) / 4));

	/**
	 * Threads that merge HNSW graphs together (a graph merge on one thread is the slowest
	 * step of a large rebuild); one per core, none on a single core.
	 */
	static final int MERGE_WORKERS = Runtime.getRuntime().availableProcessors();

	/**
	 * Completed writes are made durable in a Lucene commit at most this long after they
	 * return. Each commit flushes a segment; at one a second a bulk import spent a fifth
	 * of its CPU flushing, quantizing and merging small segments (issue 14).
	 */
	static final long COMMIT_INTERVAL_MILLIS = 10_000;

	private final Path path;

	private final int dimensions;

	private final VectorFormat format;

	/** Merges of at least this many passages are reordered by graph bisection. */
	private final int minReorderedPassages;

	/** Terms in fewer passages than this are ignored when reordering. */
	private final int reorderMinDocFreq;

	private final Directory directory;

	private final LanguageAnalyzers analyzers;

	/** Runs HNSW graph merges in parallel; null with one merge worker. */
	private final ExecutorService mergeWorkers;

	/**
	 * Near-real-time searchers over the writer; replaced only when the writer is reopened
	 * after a failure.
	 */
	private volatile SearcherManager searchers;

	/**
	 * Held by a rebuild from its first delete to its commit; a searcher refresh never
	 * runs meanwhile.
	 */
	private final ReentrantReadWriteLock refreshGate = new ReentrantReadWriteLock();

	/**
	 * Counts completed writes; a search refreshes its searcher first while
	 * {@link #refreshedWrites} is behind (read-your-writes, also for the searches that
	 * arrive while another one refreshes: they wait for a refresh that includes the write
	 * instead of reading the searcher from before it).
	 */
	private final AtomicLong writes = new AtomicLong();

	/** The count of {@link #writes} that the current searcher is known to include. */
	private final AtomicLong refreshedWrites = new AtomicLong();

	/** Guarded by {@link #writeLock}: completed writes not yet in a Lucene commit. */
	private boolean uncommitted;

	private final ScheduledExecutorService committer;

	/**
	 * Guarded by {@link #writeLock}: passage id to document id, for writes since the
	 * writer last refreshed.
	 */
	private final Map<String, String> pendingIds = new java.util.HashMap<>();

	private final HybridSearcher searcher;

	/** Splits a BM25 search of a large index over the cores. */
	private final SlicedSearch slicedSearch;

	private final ReentrantLock writeLock = new ReentrantLock();

	/** Guarded by {@link #writeLock}; null after a rollback that could not reopen it. */
	private IndexWriter writer;

	private volatile long revision;

	private volatile String fingerprint;

	private volatile int storedDimensions;

	private volatile boolean closed;

	private PassageIndex(Path path, int dimensions, VectorFormat format, int minReorderedPassages,
			int reorderMinDocFreq) throws IOException {
		this.path = path;
		this.dimensions = dimensions;
		this.format = format;
		this.minReorderedPassages = minReorderedPassages;
		this.reorderMinDocFreq = reorderMinDocFreq;
		this.analyzers = new LanguageAnalyzers();
		this.mergeWorkers = (MERGE_WORKERS > 1) ? Executors.newFixedThreadPool(MERGE_WORKERS,
				Thread.ofPlatform().name("passage-index-merge-", 0).daemon(true).factory()) : null;
		Directory directory = null;
		IndexWriter writer = null;
		try {
			directory = FSDirectory.open(path);
			writer = newWriter(directory);
			if (!DirectoryReader.indexExists(directory)) {
				writer.commit();
			}
			Map<String, String> userData = SegmentInfos.readLatestCommit(directory).getUserData();
			this.revision = Long.parseLong(userData.getOrDefault(REVISION_KEY, "-1"));
			this.fingerprint = userData.getOrDefault(FINGERPRINT_KEY, "");
			this.storedDimensions = Integer
				.parseInt(userData.getOrDefault(DIMENSIONS_KEY, Integer.toString(dimensions)));
			this.searchers = new SearcherManager(writer, true, false, new SearcherFactory());
		}
		catch (IOException | RuntimeException ex) {
			IOUtils.closeWhileHandlingException(writer, directory, this.analyzers);
			if (this.mergeWorkers != null) {
				this.mergeWorkers.shutdownNow();
			}
			throw ex;
		}
		this.directory = directory;
		this.writer = writer;
		this.slicedSearch = SlicedSearch.perCore();
		this.searcher = new HybridSearcher(this, new Bm25Retriever(this.analyzers, this.slicedSearch));
		this.committer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("passage-index-commit").daemon(true).factory());
		this.committer.scheduleWithFixedDelay(this::commitQuietly, COMMIT_INTERVAL_MILLIS, COMMIT_INTERVAL_MILLIS,
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens the index in {@code directory}, creating the directory and an empty index if
	 * needed.
	 * @param directory where the index lives; nothing else may write there
	 * @param dimensions the dimension of every passage and query vector, 1 to 1024
	 * @return the open index; close it when done
	 * @throws IOException if the directory cannot be created or read, or another index
	 * holds it
	 */
	public static PassageIndex open(Path directory, int dimensions) throws IOException {
		return open(directory, dimensions, VectorFormat.DEFAULT);
	}

	static PassageIndex open(Path directory, int dimensions, VectorFormat format) throws IOException {
		return open(directory, dimensions, format, BisectionMergePolicy.MIN_PASSAGES,
				BisectionMergePolicy.MIN_DOC_FREQ);
	}

	/**
	 * As {@link #open(Path, int)}, with the thresholds of the passage reordering (see
	 * {@link BisectionMergePolicy}); for tests, which reorder small indexes.
	 */
	static PassageIndex open(Path directory, int dimensions, VectorFormat format, int minReorderedPassages,
			int reorderMinDocFreq) throws IOException {
		Checks.requireNonNull(directory, "directory");
		if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
			throw new IllegalArgumentException(
					"dimensions must be between 1 and " + MAX_DIMENSIONS + ", got " + dimensions);
		}
		Files.createDirectories(directory);
		return new PassageIndex(directory, dimensions, format, minReorderedPassages, reorderMinDocFreq);
	}

	/**
	 * The revision of the last completed write (-1 for an index that was never written).
	 * Writes become durable in a Lucene commit within {@value #COMMIT_INTERVAL_MILLIS}
	 * ms, and on close; after a crash the index reopens at its last commit, with that
	 * commit's revision, so its owner sees it is stale.
	 */
	public long revision() {
		return this.revision;
	}

	/** The fingerprint recorded by the last {@link #rebuild}, or "" if there was none. */
	public String fingerprint() {
		return this.fingerprint;
	}

	/** The number of passages searchers currently see. */
	public int size() {
		try {
			IndexSearcher current = acquire();
			try {
				return current.getIndexReader().numDocs();
			}
			finally {
				release(current);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Atomically replaces all passages of a document with {@code passages} (an empty list
	 * deletes the document), commits, and records {@code revision}.
	 * @param documentId the document to replace
	 * @param passages its new passages; each must have this document id, a unique id and
	 * a vector of the index dimension
	 * @param revision the caller's revision after this change, not below
	 * {@link #revision()}
	 * @throws IllegalArgumentException if an argument is invalid, or a passage id belongs
	 * to another document; the index is then unchanged
	 * @throws IOException if Lucene fails; the index then stays at its last commit
	 */
	public void replaceDocument(String documentId, List<IndexedPassage> passages, long revision) throws IOException {
		Checks.requireNonBlank(documentId, "documentId");
		Checks.requireNonNull(passages, "passages");
		requireRevision(revision);
		List<Document> documents = new ArrayList<>(passages.size());
		Set<String> ids = new HashSet<>();
		for (IndexedPassage passage : passages) {
			if (passage == null) {
				throw new NullPointerException("passages must not contain null");
			}
			if (!passage.documentId().equals(documentId)) {
				throw new IllegalArgumentException("passage '" + passage.id() + "' belongs to document '"
						+ passage.documentId() + "', not '" + documentId + "'");
			}
			requireUnique(ids, passage);
			documents.add(PassageSchema.toDocument(passage, Vectors.normalisedCopy(passage.vector(), this.dimensions)));
		}
		Term term = new Term(PassageSchema.DOCUMENT_ID, documentId);
		this.writeLock.lock();
		try {
			IndexWriter writer = writer();
			requireNotOlder(revision);
			requireVectorDimensions();
			requireIdsFree(ids, documentId);
			try {
				if (documents.isEmpty()) {
					writer.deleteDocuments(term);
				}
				else {
					writer.updateDocuments(term, documents);
				}
				for (String id : ids) {
					this.pendingIds.put(id, documentId);
				}
				applied(revision);
			}
			catch (Throwable ex) {
				reopenAfter(ex);
				throw ex;
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Deletes all passages of a document (if any), commits, and records {@code revision}.
	 * @param documentId the document to delete
	 * @param revision the caller's revision after this change, not below
	 * {@link #revision()}
	 * @throws IOException if Lucene fails; the index then stays at its last commit
	 */
	public void deleteDocument(String documentId, long revision) throws IOException {
		Checks.requireNonBlank(documentId, "documentId");
		requireRevision(revision);
		this.writeLock.lock();
		try {
			IndexWriter writer = writer();
			requireNotOlder(revision);
			try {
				writer.deleteDocuments(new Term(PassageSchema.DOCUMENT_ID, documentId));
				applied(revision);
			}
			catch (Throwable ex) {
				reopenAfter(ex);
				throw ex;
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Replaces the whole index with {@code all}, commits, and records {@code revision}
	 * and {@code fingerprint}. Searchers keep seeing the old passages until the new ones
	 * are committed; if the iterator or a passage fails, the old index stays as it was.
	 * The new index is merged into one segment before the commit, so that vector search
	 * walks one HNSW graph; this makes a rebuild slower (minutes for 100,000 passages on
	 * two cores) and searches faster. From {@value BisectionMergePolicy#MIN_PASSAGES}
	 * passages on, that merge also renumbers the passages by graph bisection (see
	 * {@link BisectionMergePolicy}), as do the large merges of imports.
	 * @param all every passage; ids must be unique and vectors of the index dimension
	 * @param revision the caller's revision of this content, any value from 0 up
	 * @param fingerprint what the owner needs to detect a stale index (the embedding
	 * model id, say); may be empty
	 * @throws IllegalArgumentException if a passage is invalid; the index is then
	 * unchanged
	 * @throws IOException if Lucene fails; the index then stays at its last commit
	 */
	public void rebuild(Iterator<IndexedPassage> all, long revision, String fingerprint) throws IOException {
		Checks.requireNonNull(all, "all");
		requireRevision(revision);
		Checks.requireNonNull(fingerprint, "fingerprint");
		this.writeLock.lock();
		try {
			IndexWriter writer = writer();
			if (this.uncommitted) {
				commit(writer, this.revision, this.fingerprint, this.storedDimensions);
			}
			LiveIndexWriterConfig config = writer.getConfig();
			this.refreshGate.writeLock().lock();
			try {
				config.setRAMBufferSizeMB(REBUILD_RAM_BUFFER_MB);
				writer.deleteAll();
				Set<String> ids = new HashSet<>();
				while (all.hasNext()) {
					IndexedPassage passage = all.next();
					if (passage == null) {
						throw new NullPointerException("passages must not contain null");
					}
					requireUnique(ids, passage);
					writer.addDocument(PassageSchema.toDocument(passage,
							Vectors.normalisedCopy(passage.vector(), this.dimensions)));
				}
				writer.forceMerge(1);
				commit(writer, revision, fingerprint, this.dimensions);
				this.searchers.maybeRefreshBlocking();
				this.pendingIds.clear();
			}
			catch (Throwable ex) {
				rollbackAfter(ex);
				throw ex;
			}
			finally {
				if (writer.isOpen()) {
					config.setRAMBufferSizeMB(RAM_BUFFER_MB);
				}
				this.refreshGate.writeLock().unlock();
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/** The searcher over this index; it always searches the latest committed passages. */
	public HybridSearcher searcher() {
		return this.searcher;
	}

	/**
	 * Closes the index, committing completed writes first; its files and lock are
	 * released even if that commit fails.
	 */
	@Override
	public void close() throws IOException {
		this.writeLock.lock();
		try {
			if (this.closed) {
				return;
			}
			this.committer.shutdownNow();
			try {
				if (this.uncommitted && this.writer != null && this.writer.isOpen()) {
					commit(this.writer, this.revision, this.fingerprint, this.storedDimensions);
				}
			}
			finally {
				// released even when the last commit fails (its folder was deleted, say),
				// so that a new index can be opened in its place
				this.closed = true;
				try {
					IOUtils.close(this.searchers, this.writer, this.analyzers, this.directory);
				}
				finally {
					this.slicedSearch.close();
					if (this.mergeWorkers != null) {
						this.mergeWorkers.shutdownNow();
					}
				}
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	int dimensions() {
		return this.dimensions;
	}

	/**
	 * Checks that vector searches are possible: the index's vectors have the dimension it
	 * was opened with.
	 */
	void requireVectorDimensions() {
		int stored = this.storedDimensions;
		if (stored != this.dimensions) {
			throw new IllegalStateException("index at " + this.path + " holds vectors of " + stored
					+ " dimensions but was opened for " + this.dimensions + "; rebuild it");
		}
	}

	/** A searcher over the last commit; pass it to {@link #release} when done. */
	IndexSearcher acquire() throws IOException {
		if (this.closed) {
			throw new AlreadyClosedException("passage index at " + this.path + " is closed");
		}
		long wanted = this.writes.get();
		if (this.refreshedWrites.get() < wanted && this.refreshGate.readLock().tryLock()) {
			try {
				if (this.refreshedWrites.get() < wanted) {
					// waits for a refresh under way, then refreshes: the searcher then
					// holds
					// every write counted before this call
					this.searchers.maybeRefreshBlocking();
					this.refreshedWrites.accumulateAndGet(wanted, Math::max);
				}
			}
			finally {
				this.refreshGate.readLock().unlock();
			}
		}
		return this.searchers.acquire();
	}

	void release(IndexSearcher searcher) throws IOException {
		this.searchers.release(searcher);
	}

	private IndexWriter newWriter(Directory directory) throws IOException {
		IndexWriterConfig config = new IndexWriterConfig(this.analyzers.perField());
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
		config.setCodec(this.format.codec(MERGE_WORKERS, this.mergeWorkers));
		config.setCommitOnClose(false);
		config.setRAMBufferSizeMB(RAM_BUFFER_MB);
		config.setMergePolicy(
				new BisectionMergePolicy(config.getMergePolicy(), this.minReorderedPassages, this.reorderMinDocFreq));
		return new IndexWriter(directory, config);
	}

	/** The writer, reopened if a failure closed it. Call with the write lock held. */
	private IndexWriter writer() throws IOException {
		if (this.closed) {
			throw new AlreadyClosedException("passage index at " + this.path + " is closed");
		}
		if (this.writer == null || !this.writer.isOpen()) {
			this.writer = newWriter(this.directory);
		}
		return this.writer;
	}

	private void commit(IndexWriter writer, long revision, String fingerprint, int dimensions) throws IOException {
		writer.setLiveCommitData(Map.of(REVISION_KEY, Long.toString(revision), FINGERPRINT_KEY, fingerprint,
				DIMENSIONS_KEY, Integer.toString(dimensions))
			.entrySet());
		writer.commit();
		this.uncommitted = false;
		this.revision = revision;
		this.fingerprint = fingerprint;
		this.storedDimensions = dimensions;
	}

	/**
	 * Records a completed write: searchers refresh before the next search, a commit
	 * follows within {@value #COMMIT_INTERVAL_MILLIS} ms.
	 */
	private void applied(long revision) {
		this.revision = revision;
		this.uncommitted = true;
		this.writes.incrementAndGet();
	}

	/** Commits completed writes, if any; run by the committer thread. */
	private void commitQuietly() {
		if (!this.writeLock.tryLock()) {
			return;
		}
		try {
			if (this.uncommitted && !this.closed && this.writer != null && this.writer.isOpen()) {
				commit(this.writer, this.revision, this.fingerprint, this.storedDimensions);
				refreshForWriter();
			}
		}
		catch (IOException | RuntimeException ex) {
			// the next write or commit tries again; a crash before then leaves a stale
			// index that the owner rebuilds
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * After a failed single write: an IndexWriter call either applies completely or not
	 * at all, so only a writer that the failure closed needs reopening (losing writes
	 * since the last commit: the revision goes back to it, so the owner sees a stale
	 * index).
	 */
	private void reopenAfter(Throwable failure) {
		if (this.writer != null && this.writer.isOpen()) {
			return;
		}
		reopen(failure);
	}

	/** Opens a new writer and new searchers over it, at the last commit. */
	private void reopen(Throwable failure) {
		try {
			this.writer = newWriter(this.directory);
			SearcherManager previous = this.searchers;
			this.searchers = new SearcherManager(this.writer, true, false, new SearcherFactory());
			IOUtils.closeWhileHandlingException(previous);
			Map<String, String> userData = SegmentInfos.readLatestCommit(this.directory).getUserData();
			this.revision = Long.parseLong(userData.getOrDefault(REVISION_KEY, "-1"));
			this.uncommitted = false;
			this.pendingIds.clear();
		}
		catch (Throwable ex) {
			failure.addSuppressed(ex);
			this.writer = null;
		}
	}

	/** Discards everything since the last commit and reopens the writer. */
	private void rollbackAfter(Throwable failure) {
		try {
			this.writer.rollback();
		}
		catch (Throwable ex) {
			failure.addSuppressed(ex);
		}
		reopen(failure);
	}

	/**
	 * Checks that no other document owns one of these passage ids. Runs with the write
	 * lock held. Looks at the ids written since the writer last refreshed the searchers,
	 * then at the searchers as they are; only when those show a conflict, which may be
	 * stale, are the searchers refreshed to decide. So a write does not pay for a
	 * refresh.
	 */
	private void requireIdsFree(Set<String> ids, String documentId) throws IOException {
		if (ids.isEmpty()) {
			return;
		}
		for (String id : ids) {
			String owner = this.pendingIds.get(id);
			if (owner != null && !owner.equals(documentId)) {
				throw new IllegalArgumentException(
						"passage id '" + id + "' already belongs to document '" + owner + "'");
			}
		}
		String[] conflict = conflict(ids, documentId);
		if (conflict != null) {
			refreshForWriter();
			conflict = conflict(ids, documentId);
			if (conflict != null) {
				throw new IllegalArgumentException(
						"passage id '" + conflict[0] + "' already belongs to document '" + conflict[1] + "'");
			}
		}
	}

	/**
	 * The first of these ids that a searcher shows under another document, with that
	 * document, or null.
	 */
	private String[] conflict(Set<String> ids, String documentId) throws IOException {
		BooleanQuery taken = new BooleanQuery.Builder()
			.add(new TermInSetQuery(PassageSchema.ID, ids.stream().map(BytesRef::new).toList()), Occur.FILTER)
			.add(new TermQuery(new Term(PassageSchema.DOCUMENT_ID, documentId)), Occur.MUST_NOT)
			.build();
		IndexSearcher current = this.searchers.acquire();
		try {
			TopDocs top = current.search(taken, 1);
			if (top.scoreDocs.length == 0) {
				return null;
			}
			Document other = current.storedFields().document(top.scoreDocs[0].doc);
			String id = other.get(PassageSchema.ID);
			String owner = this.pendingIds.getOrDefault(id, other.get(PassageSchema.DOCUMENT_ID));
			return owner.equals(documentId) ? null : new String[] { id, owner };
		}
		finally {
			this.searchers.release(current);
		}
	}

	/**
	 * Refreshes the searchers from the writer; with the write lock held, so the pending
	 * ids are all in it.
	 */
	private void refreshForWriter() throws IOException {
		this.refreshGate.readLock().lock();
		try {
			this.searchers.maybeRefreshBlocking();
			this.pendingIds.clear();
		}
		finally {
			this.refreshGate.readLock().unlock();
		}
	}

	private void requireNotOlder(long revision) {
		if (revision < this.revision) {
			throw new IllegalArgumentException(
					"revision " + revision + " is older than the index revision " + this.revision);
		}
	}

	private static void requireRevision(long revision) {
		if (revision < 0) {
			throw new IllegalArgumentException("revision must not be negative, got " + revision);
		}
	}

	private static void requireUnique(Set<String> ids, IndexedPassage passage) {
		if (!ids.add(passage.id())) {
			throw new IllegalArgumentException("duplicate passage id '" + passage.id() + "'");
		}
	}

}
