package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hearth.retrieval.PassageFixtures.DIMENSIONS;
import static dev.hearth.retrieval.PassageFixtures.chunk;
import static dev.hearth.retrieval.PassageFixtures.query;
import static dev.hearth.retrieval.PassageFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassageIndexTest {

	@TempDir
	Path directory;

	@Test
	void newIndexHasNoRevisionFingerprintOrPassages() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory.resolve("new/index"), DIMENSIONS)) {
			assertThat(index.revision()).isEqualTo(-1);
			assertThat(index.fingerprint()).isEmpty();
			assertThat(index.size()).isZero();
			assertThat(index.searcher().search(query("anything", vector(1), 5, Fusion.RRF))).isEmpty();
		}
	}

	@Test
	void revisionFingerprintAndPassagesSurviveReopening() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.rebuild(List.of(chunk("c1", "d1", "router setup", vector(1))).iterator(), 3, "minilm-v1");
			index.replaceDocument("d2", List.of(chunk("c2", "d2", "invoice address", vector(2))), 4);
		}
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			assertThat(index.revision()).isEqualTo(4);
			assertThat(index.fingerprint()).isEqualTo("minilm-v1");
			assertThat(index.size()).isEqualTo(2);
			assertThat(ids(index, "invoice")).containsExactly("c2");
		}
	}

	@Test
	void replaceDocumentSwapsAllPassagesOfTheDocument() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.replaceDocument("d1",
					List.of(chunk("c1", "d1", "old router", vector(1)), chunk("c2", "d1", "old modem", vector(2))), 1);
			index.replaceDocument("d2", List.of(chunk("c3", "d2", "other router", vector(3))), 2);
			index.replaceDocument("d1", List.of(chunk("c4", "d1", "new router", vector(4))), 3);
			assertThat(index.size()).isEqualTo(2);
			assertThat(ids(index, "router")).containsExactlyInAnyOrder("c3", "c4");
			assertThat(index.revision()).isEqualTo(3);
		}
	}

	@Test
	void replaceDocumentWithNoPassagesDeletesIt() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.replaceDocument("d1", List.of(chunk("c1", "d1", "router", vector(1))), 1);
			index.replaceDocument("d1", List.of(), 2);
			assertThat(index.size()).isZero();
			assertThat(index.revision()).isEqualTo(2);
		}
	}

	@Test
	void deleteDocumentRemovesOnlyThatDocument() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.replaceDocument("d1", List.of(chunk("c1", "d1", "router", vector(1))), 1);
			index.replaceDocument("d2", List.of(chunk("c2", "d2", "router", vector(2))), 2);
			index.deleteDocument("d1", 3);
			index.deleteDocument("missing", 4);
			assertThat(ids(index, "router")).containsExactly("c2");
			assertThat(index.revision()).isEqualTo(4);
		}
	}

	@Test
	void rebuildReplacesEverythingAndKeepsFingerprintForLaterWrites() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.replaceDocument("d1", List.of(chunk("c1", "d1", "router", vector(1))), 5);
			index.rebuild(
					List.of(chunk("c2", "d2", "modem", vector(2)), chunk("c3", "d3", "modem", vector(3))).iterator(), 2,
					"model-b");
			index.replaceDocument("d4", List.of(chunk("c4", "d4", "modem", vector(4))), 2);
			assertThat(index.size()).isEqualTo(3);
			assertThat(ids(index, "router")).isEmpty();
			assertThat(index.revision()).isEqualTo(2);
			assertThat(index.fingerprint()).isEqualTo("model-b");
		}
	}

	@Test
	void failedRebuildLeavesTheOldIndexInPlace() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.rebuild(List.of(chunk("c1", "d1", "router", vector(1))).iterator(), 7, "model-a");
			Iterator<IndexedPassage> failing = failingAfter(50);
			assertThatIllegalStateException().isThrownBy(() -> index.rebuild(failing, 8, "model-b"))
				.withMessage("source failed");
			assertOnlyOldContent(index);
			index.replaceDocument("d2", List.of(chunk("c2", "d2", "router", vector(2))), 8);
			assertThat(index.size()).isEqualTo(2);
		}
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			assertThat(index.revision()).isEqualTo(8);
			assertThat(index.fingerprint()).isEqualTo("model-a");
		}
	}

	@Test
	void rebuildWithAnInvalidPassageLeavesTheOldIndexInPlace() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.rebuild(List.of(chunk("c1", "d1", "router", vector(1))).iterator(), 7, "model-a");
			List<IndexedPassage> passages = new ArrayList<>();
			passages.add(chunk("n1", "d9", "router", vector(2)));
			passages.add(chunk("n2", "d9", "router", new float[12]));
			assertThatIllegalArgumentException().isThrownBy(() -> index.rebuild(passages.iterator(), 8, "model-b"))
				.withMessage("vector has 12 dimensions, index expects 8");
			assertOnlyOldContent(index);
			List<IndexedPassage> duplicates = List.of(chunk("n1", "d9", "router", vector(2)),
					chunk("n1", "d8", "router", vector(3)));
			assertThatIllegalArgumentException().isThrownBy(() -> index.rebuild(duplicates.iterator(), 8, "model-b"))
				.withMessage("duplicate passage id 'n1'");
			assertOnlyOldContent(index);
		}
	}

	@Test
	void writesRejectOlderRevisionsAndKeepTheIndex() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.replaceDocument("d1", List.of(chunk("c1", "d1", "router", vector(1))), 10);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> index.replaceDocument("d1", List.of(chunk("c2", "d1", "modem", vector(2))), 9))
				.withMessage("revision 9 is older than the index revision 10");
			assertThatIllegalArgumentException().isThrownBy(() -> index.deleteDocument("d1", 9))
				.withMessage("revision 9 is older than the index revision 10");
			assertThatIllegalArgumentException().isThrownBy(() -> index.deleteDocument("d1", -1))
				.withMessage("revision must not be negative, got -1");
			assertThat(ids(index, "router")).containsExactly("c1");
			index.replaceDocument("d1", List.of(chunk("c2", "d1", "router", vector(2))), 10);
			assertThat(ids(index, "router")).containsExactly("c2");
		}
	}

	@Test
	void replaceDocumentChecksItsPassages() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.replaceDocument("d1", List.of(chunk("c1", "d1", "router", vector(1))), 1);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> index.replaceDocument("d2", List.of(chunk("c2", "d3", "x", vector(2))), 2))
				.withMessage("passage 'c2' belongs to document 'd3', not 'd2'");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> index.replaceDocument("d2",
						List.of(chunk("c2", "d2", "x", vector(2)), chunk("c2", "d2", "y", vector(3))), 2))
				.withMessage("duplicate passage id 'c2'");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> index.replaceDocument("d2", List.of(chunk("c1", "d2", "x", vector(2))), 2))
				.withMessage("passage id 'c1' already belongs to document 'd1'");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> index.replaceDocument("d2", List.of(chunk("c2", "d2", "x", new float[3])), 2))
				.withMessage("vector has 3 dimensions, index expects 8");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> index.replaceDocument("d2", List.of(chunk("c2", "d2", "x", new float[8])), 2))
				.withMessage("vector must not be all zeros");
			float[] nan = vector(2);
			nan[3] = Float.NaN;
			assertThatIllegalArgumentException()
				.isThrownBy(() -> index.replaceDocument("d2", List.of(chunk("c2", "d2", "x", nan)), 2))
				.withMessage("vector must not contain NaN or infinite values");
			assertThatThrownBy(() -> index.replaceDocument(" ", List.of(), 2))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("documentId must not be blank");
			assertThatThrownBy(() -> index.replaceDocument(null, List.of(), 2)).isInstanceOf(NullPointerException.class)
				.hasMessage("documentId must not be null");
			assertThatThrownBy(() -> index.replaceDocument("d2", null, 2)).isInstanceOf(NullPointerException.class)
				.hasMessage("passages must not be null");
			assertThat(index.size()).isEqualTo(1);
			assertThat(index.revision()).isEqualTo(1);
		}
	}

	@Test
	void openChecksItsArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> PassageIndex.open(this.directory, 0))
			.withMessage("dimensions must be between 1 and 1024, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> PassageIndex.open(this.directory, 1025))
			.withMessage("dimensions must be between 1 and 1024, got 1025");
		assertThatThrownBy(() -> PassageIndex.open(null, 8)).isInstanceOf(NullPointerException.class)
			.hasMessage("directory must not be null");
	}

	@Test
	void indexOpenedWithAnotherDimensionNeedsARebuild() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.rebuild(List.of(chunk("c1", "d1", "router", vector(1))).iterator(), 1, "model-8");
		}
		try (PassageIndex index = PassageIndex.open(this.directory, 4)) {
			String message = "index at " + this.directory + " holds vectors of 8 dimensions but was opened for 4;"
					+ " rebuild it";
			float[] small = { 1, 0, 0, 0 };
			assertThatIllegalStateException()
				.isThrownBy(() -> index.searcher().search(query("router", small, 3, Fusion.RRF)))
				.withMessage(message);
			assertThatIllegalStateException()
				.isThrownBy(() -> index.replaceDocument("d2", List.of(chunk("c2", "d2", "x", small)), 2))
				.withMessage(message);
			assertThat(index.searcher().search(query("router", null, 3, Fusion.BM25_ONLY))).hasSize(1);
			index.rebuild(List.of(chunk("c2", "d2", "router", small)).iterator(), 2, "model-4");
			assertThat(index.searcher().search(query("router", small, 3, Fusion.RRF))).extracting(SearchHit::id)
				.containsExactly("c2");
		}
	}

	@Test
	void closedIndexRefusesWork() throws IOException {
		PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS);
		index.close();
		index.close();
		assertThatThrownBy(() -> index.searcher().search(query("router", vector(1), 3, Fusion.RRF)))
			.isInstanceOf(AlreadyClosedException.class)
			.hasMessage("passage index at " + this.directory + " is closed");
		assertThatThrownBy(() -> index.deleteDocument("d1", 1)).isInstanceOf(AlreadyClosedException.class);
	}

	private static void assertOnlyOldContent(PassageIndex index) throws IOException {
		assertThat(index.size()).isEqualTo(1);
		assertThat(index.revision()).isEqualTo(7);
		assertThat(index.fingerprint()).isEqualTo("model-a");
		assertThat(ids(index, "router")).containsExactly("c1");
	}

	private static List<String> ids(PassageIndex index, String text) throws IOException {
		return index.searcher().search(query(text, null, 100, Fusion.BM25_ONLY)).stream().map(SearchHit::id).toList();
	}

	private static Iterator<IndexedPassage> failingAfter(int count) {
		return new Iterator<>() {
			private int next;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public IndexedPassage next() {
				if (this.next == count) {
					throw new IllegalStateException("source failed");
				}
				this.next++;
				return chunk("n" + this.next, "d" + this.next, "router", vector(this.next));
			}
		};
	}

}
