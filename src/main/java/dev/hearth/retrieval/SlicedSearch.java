package dev.hearth.retrieval;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * Lets one BM25 search use several cores: a view of a searcher whose slices split a large
 * index (also a single large segment) into one part per core, searched by the calling
 * thread and a small pool together (issue 14: at 1,000,000 passages a BM25 search with
 * common terms scores most of the index and took up to 14 ms on one core).
 *
 * <p>
 * The result is the same as a search on one thread: each part collects its own top hits,
 * Lucene shares the minimum competitive score between them and merges the parts by score,
 * then by document id. A search is split only while the other searches leave cores idle
 * (see {@link #search}); when the pool is busy anyway, the calling thread searches the
 * parts itself. Thread-safe.
 *
 * <p>
 * A hybrid search also hands its vector search to the pool ({@link #fork}) before it
 * searches BM25, so that the vector search runs in the time the calling thread would
 * otherwise spend waiting for BM25's other part: the pool's worker runs the vector search
 * and then BM25's second part, and the calling thread takes that part itself if the
 * worker has not started it when its own part is done.
 */
final class SlicedSearch implements Closeable {

	/**
	 * No part is smaller than this many passages: below it a split costs more in hand-off
	 * than it saves.
	 */
	static final int MIN_DOCS_PER_SLICE = 50_000;

	/** Slices per part of a split search. */
	static final int SLICES_PER_PART = 1;

	private final int parts;

	private final int minDocsPerSlice;

	/**
	 * Slices per part: more slices than threads let whichever thread is free take the
	 * next one, which evens out parts of unequal cost.
	 */
	private final int slicesPerPart;

	/** BM25 searches under way through this object. */
	private final AtomicInteger running = new AtomicInteger();

	/** Searches the parts that the calling thread does not; null with one part. */
	private final ExecutorService workers;

	/**
	 * @param parts how many parts a large index is searched in at once, normally the
	 * number of cores; 1 searches on the calling thread only
	 */
	SlicedSearch(int parts) {
		this(parts, MIN_DOCS_PER_SLICE);
	}

	/** As {@link #SlicedSearch(int)}, with another smallest part; for tests. */
	SlicedSearch(int parts, int minDocsPerSlice) {
		this(parts, minDocsPerSlice, SLICES_PER_PART);
	}

	/**
	 * As {@link #SlicedSearch(int)}, with another smallest part and number of slices per
	 * part; for tests and benchmarks.
	 */
	SlicedSearch(int parts, int minDocsPerSlice, int slicesPerPart) {
		if (parts < 1) {
			throw new IllegalArgumentException("parts must be at least 1, got " + parts);
		}
		if (minDocsPerSlice < 1) {
			throw new IllegalArgumentException("minDocsPerSlice must be at least 1, got " + minDocsPerSlice);
		}
		if (slicesPerPart < 1) {
			throw new IllegalArgumentException("slicesPerPart must be at least 1, got " + slicesPerPart);
		}
		this.parts = parts;
		this.minDocsPerSlice = minDocsPerSlice;
		this.slicesPerPart = slicesPerPart;
		this.workers = (parts > 1) ? Executors.newFixedThreadPool(parts - 1,
				Thread.ofPlatform().name("passage-search-", 0).daemon(true).factory()) : null;
	}

	/** One part per available core. */
	static SlicedSearch perCore() {
		return new SlicedSearch(Runtime.getRuntime().availableProcessors());
	}

	/**
	 * The best {@code depth} hits of {@code query}, as
	 * {@code searcher.search(query, depth)} returns them. A large index is searched in
	 * parts at once while few other searches run: with {@code n} searches under way each
	 * is split in {@code parts / n} parts, so a machine busy with searches does not pay
	 * for splitting (each part raises its own bar for competitive hits, so a split search
	 * scores more passages in all).
	 */
	TopDocs search(IndexSearcher searcher, Query query, int depth) throws IOException {
		int running = this.running.incrementAndGet();
		try {
			return view(searcher, Math.max(1, this.parts / running)).search(query, depth);
		}
		finally {
			this.running.decrementAndGet();
		}
	}

	/**
	 * Starts {@code work} on the pool while the calling thread goes on, if the index of
	 * {@code searcher} is large enough to be searched in parts and the other searches
	 * leave a core idle (as {@link #search} decides for the search the caller is about to
	 * run); otherwise {@link Forked#join} runs it on the calling thread. The caller must
	 * call {@link Forked#join} or {@link Forked#abandon} before it releases the searcher.
	 */
	<T> Forked<T> fork(IndexSearcher searcher, Callable<T> work) {
		Forked<T> forked = new Forked<>(work);
		if (this.workers != null && searcher.getIndexReader().maxDoc() >= 2 * this.minDocsPerSlice
				&& this.parts / (this.running.get() + 1) >= 2) {
			try {
				this.workers.execute(forked::claimAndRun);
			}
			catch (RejectedExecutionException ex) {
				// closed: the caller runs the work in join
			}
		}
		return forked;
	}

	/**
	 * {@code searcher} itself when the index is too small to split or {@code parts} is 1,
	 * otherwise a view of the same reader that searches up to {@code parts} parts at
	 * once. Document ids are the same in both.
	 */
	IndexSearcher view(IndexSearcher searcher, int parts) {
		IndexReader reader = searcher.getIndexReader();
		int maxDoc = reader.maxDoc();
		if (this.workers == null || parts < 2 || maxDoc < 2 * this.minDocsPerSlice) {
			return searcher;
		}
		int docsPerSlice = Math.max(this.minDocsPerSlice,
				Math.ceilDiv(maxDoc, Math.min(parts, this.parts) * this.slicesPerPart));
		IndexSearcher view = new IndexSearcher(reader, this.workers) {
			@Override
			protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
				return IndexSearcher.slices(leaves, docsPerSlice, Integer.MAX_VALUE, true);
			}
		};
		view.setSimilarity(searcher.getSimilarity());
		view.setQueryCache(searcher.getQueryCache());
		view.setQueryCachingPolicy(searcher.getQueryCachingPolicy());
		return view;
	}

	/**
	 * Work started by {@link #fork}: run by whichever thread claims it first, the pool's
	 * worker or the caller in {@link #join}, and never twice. Not for use by several
	 * callers.
	 */
	static final class Forked<T> {

		private final AtomicBoolean claimed = new AtomicBoolean();

		private final FutureTask<T> task;

		Forked(Callable<T> work) {
			this.task = new FutureTask<>(work);
		}

		private void claimAndRun() {
			if (this.claimed.compareAndSet(false, true)) {
				this.task.run();
			}
		}

		/**
		 * The work's result: runs it here if no worker has started it, else waits for the
		 * worker (a few milliseconds at most; an interrupt is kept for the caller, not
		 * acted on, so that the work is over when this returns).
		 * @throws IOException as the work threw it
		 */
		T join() throws IOException {
			claimAndRun();
			try {
				return awaitUninterruptibly();
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof IOException io) {
					throw io;
				}
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(cause);
			}
		}

		/**
		 * Keeps the work from starting, or waits until the worker that started it is
		 * done, ignoring its outcome; for a caller that failed before {@link #join}.
		 */
		void abandon() {
			if (!this.claimed.compareAndSet(false, true)) {
				try {
					awaitUninterruptibly();
				}
				catch (ExecutionException ex) {
					// the caller's own failure is the one reported
				}
			}
		}

		private T awaitUninterruptibly() throws ExecutionException {
			boolean interrupted = false;
			try {
				while (true) {
					try {
						return this.task.get();
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
				}
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	@Override
	public void close() {
		if (this.workers != null) {
			this.workers.shutdownNow();
		}
	}

}
