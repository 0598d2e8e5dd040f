package dev.hearth.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.hearth.retrieval.PassageFixtures.chunk;
import static dev.hearth.retrieval.PassageFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A BM25 search split into parts (issue 14) returns exactly what one thread returns: the
 * same passages, scores and ranks, also where many passages tie on score at the cut.
 */
class SlicedSearchTest {

	/** A small vocabulary, so that many passages hold the same words and tie on score. */
	private static final String[] WORDS = { "router", "password", "reset", "invoice", "refund", "order", "cancel",
			"account", "delivery", "options", "i", "my", "can", "you", "help", "please", "want", "change", "address",
			"complaint" };

	private static final String[] AUDIENCES = { "customer", "customer", "agent", "partner" };

	private static final int[] SEGMENT_SIZES = { 2_000, 500, 300, 200 };

	private static Directory directory;

	private static DirectoryReader reader;

	private static LanguageAnalyzers analyzers;

	@BeforeAll
	static void index() throws IOException {
		analyzers = new LanguageAnalyzers();
		directory = new ByteBuffersDirectory();
		Random random = new Random(14);
		IndexWriterConfig config = new IndexWriterConfig(analyzers.perField()).setMergePolicy(NoMergePolicy.INSTANCE);
		try (IndexWriter writer = new IndexWriter(directory, config)) {
			int id = 0;
			for (int size : SEGMENT_SIZES) {
				for (int i = 0; i < size; i++, id++) {
					IndexedPassage passage = chunk("p" + id, "d" + (id / 4), text(random, 3 + random.nextInt(8)), "en",
							Map.of("audience", List.of(AUDIENCES[id % AUDIENCES.length])), vector(id));
					writer.addDocument(PassageSchema.toDocument(passage,
							Vectors.normalisedCopy(passage.vector(), PassageFixtures.DIMENSIONS)));
				}
				writer.commit();
			}
		}
		reader = DirectoryReader.open(directory);
	}

	@AfterAll
	static void close() throws IOException {
		reader.close();
		directory.close();
		analyzers.close();
	}

	@Test
	void splitSearchReturnsTheSameCandidatesAsOneThread() throws IOException {
		IndexSearcher searcher = new IndexSearcher(reader);
		try (SlicedSearch sliced = new SlicedSearch(2, 100); SlicedSearch single = new SlicedSearch(1)) {
			IndexSearcher view = sliced.view(searcher, 2);
			// the 2,000-passage segment is split in two, the small ones grouped
			assertThat(reader.leaves()).hasSize(SEGMENT_SIZES.length);
			assertThat(view.getSlices().length).isGreaterThanOrEqualTo(3);
			assertThat(List.of(view.getSlices())
				.stream()
				.filter((s) -> s.partitions.length == 1)
				.anyMatch((s) -> s.partitions[0].maxDocId - s.partitions[0].minDocId < SEGMENT_SIZES[0])).isTrue();
			assertThat(single.view(searcher, 2)).isSameAs(searcher);
			assertThat(sliced.view(searcher, 1)).isSameAs(searcher);

			Bm25Retriever split = new Bm25Retriever(analyzers, sliced);
			Bm25Retriever one = new Bm25Retriever(analyzers, single);
			Random random = new Random(7);
			int ties = 0;
			for (int q = 0; q < 300; q++) {
				String text = text(random, 1 + random.nextInt(10));
				Query query = one.textQuery(text, Map.of(), reader);
				Query filter = (q % 3 == 0) ? PassageSchema.filter(Map.of("audience", Set.of("agent"))) : null;
				for (int depth : new int[] { 5, 50, 200 }) {
					List<Candidate> expected = one.retrieve(searcher, query, filter, depth);
					assertThat(split.retrieve(searcher, query, filter, depth)).as("%s, depth %d", text, depth)
						.isEqualTo(expected);
					ties += tiesAtTheCut(expected);
				}
			}
			// the comparison covers passages that tie on score at the last rank
			assertThat(ties).isGreaterThan(50);
		}
	}

	@Test
	void smallIndexIsSearchedOnTheCallingThread() throws IOException {
		IndexSearcher searcher = new IndexSearcher(reader);
		try (SlicedSearch sliced = new SlicedSearch(2)) {
			assertThat(sliced.view(searcher, 2)).isSameAs(searcher);
		}
	}

	@Test
	void forkedWorkRunsOnAWorkerWhileTheCallerGoesOn() throws Exception {
		IndexSearcher searcher = new IndexSearcher(reader);
		try (SlicedSearch sliced = new SlicedSearch(2, 100)) {
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			AtomicInteger runs = new AtomicInteger();
			SlicedSearch.Forked<String> forked = sliced.fork(searcher, () -> {
				runs.incrementAndGet();
				started.countDown();
				release.await();
				return Thread.currentThread().getName();
			});
			// only a worker can have started it: the caller has not joined
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			release.countDown();
			assertThat(forked.join()).startsWith("passage-search-");
			assertThat(runs).hasValue(1);
		}
	}

	@Test
	void forkedWorkRunsOnTheCallerWhenNoCoreIsSpareOrTheIndexIsSmall() throws IOException {
		IndexSearcher searcher = new IndexSearcher(reader);
		String caller = Thread.currentThread().getName();
		try (SlicedSearch single = new SlicedSearch(1); SlicedSearch large = new SlicedSearch(2, 10_000)) {
			assertThat(single.fork(searcher, () -> Thread.currentThread().getName()).join()).isEqualTo(caller);
			assertThat(large.fork(searcher, () -> Thread.currentThread().getName()).join()).isEqualTo(caller);
		}
	}

	@Test
	void forkedWorkThatFailsFailsTheJoinAndAbandonedWorkNeverStarts() throws Exception {
		IndexSearcher searcher = new IndexSearcher(reader);
		try (SlicedSearch sliced = new SlicedSearch(2, 100)) {
			assertThatThrownBy(() -> sliced.fork(searcher, () -> {
				throw new IOException("disk gone");
			}).join()).isInstanceOf(IOException.class).hasMessage("disk gone");

			// the one worker is kept busy, so the second piece of work waits in its queue
			CountDownLatch release = new CountDownLatch(1);
			SlicedSearch.Forked<Boolean> busy = sliced.fork(searcher, () -> release.await(10, TimeUnit.SECONDS));
			AtomicInteger runs = new AtomicInteger();
			SlicedSearch.Forked<Integer> queued = sliced.fork(searcher, runs::incrementAndGet);
			queued.abandon();
			release.countDown();
			assertThat(busy.join()).isTrue();
			sliced.fork(searcher, () -> null).join();
			assertThat(runs).hasValue(0);
		}
	}

	@Test
	void rejectsNonPositiveSizes() {
		assertThatThrownBy(() -> new SlicedSearch(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("parts must be at least 1, got 0");
		assertThatThrownBy(() -> new SlicedSearch(2, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("minDocsPerSlice must be at least 1, got 0");
	}

	private static int tiesAtTheCut(List<Candidate> candidates) {
		if (candidates.size() < 2) {
			return 0;
		}
		float last = candidates.get(candidates.size() - 1).score();
		return (candidates.get(candidates.size() - 2).score() == last) ? 1 : 0;
	}

	private static String text(Random random, int words) {
		List<String> text = new ArrayList<>();
		for (int i = 0; i < words; i++) {
			text.add(WORDS[random.nextInt(WORDS.length)]);
		}
		return String.join(" ", text);
	}

}
