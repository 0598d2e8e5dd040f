package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hearth.retrieval.PassageFixtures.DIMENSIONS;
import static dev.hearth.retrieval.PassageFixtures.chunk;
import static dev.hearth.retrieval.PassageFixtures.query;
import static dev.hearth.retrieval.PassageFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BisectionMergePolicyTest {

	private static final int PASSAGES = 1_500;

	private static final int TOPICS = 12;

	@TempDir
	Path directory;

	@Test
	void rebuildOfALargeEnoughIndexRenumbersItsPassagesWithTheSameHits() throws IOException {
		List<IndexedPassage> passages = corpus();
		try (PassageIndex plain = PassageIndex.open(this.directory.resolve("plain"), DIMENSIONS, VectorFormat.DEFAULT,
				Integer.MAX_VALUE, 1);
				PassageIndex reordered = PassageIndex.open(this.directory.resolve("reordered"), DIMENSIONS,
						VectorFormat.DEFAULT, 1_000, 20)) {
			plain.rebuild(passages.iterator(), 1, "m");
			reordered.rebuild(passages.iterator(), 1, "m");

			assertThat(reorderedSegments(plain)).containsExactly(false);
			assertThat(reorderedSegments(reordered)).containsExactly(true);
			List<String> plainOrder = order(plain);
			List<String> newOrder = order(reordered);
			assertThat(plainOrder).isEqualTo(passages.stream().map(IndexedPassage::id).toList());
			assertThat(newOrder).containsExactlyInAnyOrderElementsOf(plainOrder).isNotEqualTo(plainOrder);

			Random random = new Random(3);
			for (int q = 0; q < 60; q++) {
				String text = words(random, 2 + random.nextInt(4), random.nextInt(TOPICS));
				// not RRF: it fuses ranks, and passages of equal BM25 score are ranked by
				// document id
				for (Fusion fusion : List.of(Fusion.BM25_ONLY, Fusion.LINEAR)) {
					PassageQuery query = query(text, vector(q), 10, fusion);
					assertSameUpToTies(plain.searcher().search(query), reordered.searcher().search(query),
							text + " " + fusion);
				}
			}
		}
	}

	@Test
	void aSmallIndexKeepsItsOrder() throws IOException {
		List<IndexedPassage> passages = corpus();
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.rebuild(passages.iterator(), 1, "m");
			assertThat(reorderedSegments(index)).containsExactly(false);
			assertThat(order(index)).isEqualTo(passages.stream().map(IndexedPassage::id).toList());
		}
	}

	@Test
	void aNaturalMergeIsReorderedFromTheThresholdOn() throws IOException {
		Random random = new Random(5);
		try (Directory plainDirectory = new ByteBuffersDirectory();
				Directory smallDirectory = new ByteBuffersDirectory();
				Directory directory = new ByteBuffersDirectory();
				IndexWriter plain = new IndexWriter(plainDirectory, config(mergeEveryFour()));
				IndexWriter small = new IndexWriter(smallDirectory,
						config(new BisectionMergePolicy(mergeEveryFour(), 801, 20)));
				IndexWriter writer = new IndexWriter(directory,
						config(new BisectionMergePolicy(mergeEveryFour(), 800, 20)))) {
			// four flushes of 200 passages, merged into one segment of 800
			int id = 0;
			for (int flush = 0; flush < 4; flush++) {
				for (int i = 0; i < 200; i++, id++) {
					String text = words(random, 5 + random.nextInt(15), id % TOPICS);
					for (IndexWriter w : List.of(plain, small, writer)) {
						w.addDocument(document(id, text));
					}
				}
				for (IndexWriter w : List.of(plain, small, writer)) {
					w.commit();
				}
			}
			for (IndexWriter w : List.of(plain, small, writer)) {
				// the merge the last flush started, committed
				w.commit();
			}
			try (DirectoryReader plainReader = DirectoryReader.open(plainDirectory);
					DirectoryReader smallReader = DirectoryReader.open(smallDirectory);
					DirectoryReader reader = DirectoryReader.open(directory)) {
				assertThat(segments(smallReader)).extracting((info) -> info.info.maxDoc()).containsExactly(800);
				assertThat(segments(smallReader)).extracting(BisectionMergePolicy::isReordered).containsExactly(false);
				assertThat(ids(smallReader, 0, 800)).isEqualTo(ids(plainReader, 0, 800));
				assertThat(segments(reader)).extracting(BisectionMergePolicy::isReordered).containsExactly(true);
				assertThat(ids(reader, 0, 800)).isNotEqualTo(ids(plainReader, 0, 800))
					.containsExactlyInAnyOrderElementsOf(ids(plainReader, 0, 800));
				IndexSearcher plainSearcher = new IndexSearcher(plainReader);
				IndexSearcher searcher = new IndexSearcher(reader);
				for (int q = 0; q < 100; q++) {
					BooleanQuery.Builder query = new BooleanQuery.Builder();
					for (String word : words(random, 3, random.nextInt(TOPICS)).split(" ")) {
						query.add(new TermQuery(new Term("text_en", word)), Occur.SHOULD);
					}
					BooleanQuery built = query.build();
					assertSameUpToTies(hits(plainSearcher, built), hits(searcher, built), built.toString());
				}
			}
		}
	}

	@Test
	void argumentsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BisectionMergePolicy(new LogDocMergePolicy(), 0, 1))
			.withMessage("minPassages must be at least 1, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new BisectionMergePolicy(new LogDocMergePolicy(), 1, 0))
			.withMessage("minDocFreq must be at least 1, got 0");
	}

	/**
	 * Passages of twelve topics, interleaved (passage i is of topic i mod 12), so that an
	 * order that groups passages by their words differs from the order of addition.
	 */
	private static List<IndexedPassage> corpus() {
		Random random = new Random(1);
		List<IndexedPassage> passages = new ArrayList<>();
		for (int p = 0; p < PASSAGES; p++) {
			String text = words(random, 5 + random.nextInt(15), p % TOPICS);
			passages.add(chunk(String.format("p%05d", p), "d" + (p / 8), text, vector(p)));
		}
		return passages;
	}

	/**
	 * Words of one topic (six words of its own), mixed with words common to every topic.
	 */
	private static String words(Random random, int count, int topic) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				text.append(' ');
			}
			if (random.nextInt(3) == 0) {
				text.append("common").append((char) ('a' + random.nextInt(8)));
			}
			else {
				text.append("topic").append((char) ('a' + topic)).append((char) ('a' + random.nextInt(6)));
			}
		}
		return text.toString();
	}

	/**
	 * The same scores in the same order, and the same passages at each score but the
	 * last, where the cut may pick others among equal scores: which of equal-scored
	 * passages come first is decided by document id, which the reordering changes.
	 */
	private static void assertSameUpToTies(List<SearchHit> expected, List<SearchHit> actual, String query) {
		assertSameUpToTies(expected.stream().map((hit) -> new Scored(hit.id(), hit.score())).toList(),
				actual.stream().map((hit) -> new Scored(hit.id(), hit.score())).toList(), (Object) query);
	}

	private static void assertSameUpToTies(List<Scored> expected, List<Scored> actual, Object query) {
		assertThat(actual).as(query.toString()).hasSameSizeAs(expected);
		assertThat(actual.stream().map(Scored::score).toList()).as(query.toString())
			.isEqualTo(expected.stream().map(Scored::score).toList());
		if (expected.isEmpty()) {
			return;
		}
		float last = expected.get(expected.size() - 1).score();
		assertThat(aboveCut(actual, last)).as(query.toString()).isEqualTo(aboveCut(expected, last));
	}

	private static Set<String> aboveCut(List<Scored> hits, float last) {
		Set<String> ids = new HashSet<>();
		for (Scored hit : hits) {
			if (hit.score() > last) {
				ids.add(hit.score() + ":" + hit.id());
			}
		}
		return ids;
	}

	private record Scored(String id, float score) {
	}

	private static List<Scored> hits(IndexSearcher searcher, BooleanQuery query) throws IOException {
		TopDocs top = searcher.search(query, 20);
		List<Scored> hits = new ArrayList<>();
		for (ScoreDoc doc : top.scoreDocs) {
			hits.add(new Scored(searcher.storedFields().document(doc.doc).get("id"), doc.score));
		}
		return hits;
	}

	private static List<Boolean> reorderedSegments(PassageIndex index) throws IOException {
		IndexSearcher searcher = index.acquire();
		try {
			return segments(searcher.getIndexReader()).stream().map(BisectionMergePolicy::isReordered).toList();
		}
		finally {
			index.release(searcher);
		}
	}

	private static List<SegmentCommitInfo> segments(IndexReader reader) {
		List<SegmentCommitInfo> segments = new ArrayList<>();
		for (LeafReaderContext leaf : reader.leaves()) {
			segments.add(((SegmentReader) leaf.reader()).getSegmentInfo());
		}
		return segments;
	}

	/** Passage ids in document order. */
	private static List<String> order(PassageIndex index) throws IOException {
		IndexSearcher searcher = index.acquire();
		try {
			return ids(searcher.getIndexReader(), 0, searcher.getIndexReader().maxDoc());
		}
		finally {
			index.release(searcher);
		}
	}

	private static List<String> ids(IndexReader reader, int from, int to) throws IOException {
		List<String> ids = new ArrayList<>();
		for (int doc = from; doc < to; doc++) {
			ids.add(reader.storedFields().document(doc).get(PassageSchema.ID));
		}
		return ids;
	}

	private static LogDocMergePolicy mergeEveryFour() {
		LogDocMergePolicy policy = new LogDocMergePolicy();
		policy.setMergeFactor(4);
		policy.setMinMergeDocs(100);
		return policy;
	}

	private static IndexWriterConfig config(org.apache.lucene.index.MergePolicy policy) {
		IndexWriterConfig config = new IndexWriterConfig(new LanguageAnalyzers().perField());
		config.setMergePolicy(policy);
		config.setMergeScheduler(new org.apache.lucene.index.SerialMergeScheduler());
		return config;
	}

	private static Document document(int id, String text) {
		Document document = new Document();
		document.add(new StringField(PassageSchema.ID, "p" + id, Field.Store.YES));
		document.add(new TextField("text_en", text, Field.Store.NO));
		return document;
	}

}
