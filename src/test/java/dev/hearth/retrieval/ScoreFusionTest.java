package dev.hearth.retrieval;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.ScoreFusion.Normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreFusionTest {

	private static final List<Candidate> BM25 = List.of(new Candidate(1, "a", "g1", 12f, 1),
			new Candidate(2, "b", "g2", 8f, 2), new Candidate(3, "c", "g1", 4f, 3));

	private static final List<Candidate> VECTOR = List.of(new Candidate(3, "c", "g1", 0.9f, 1),
			new Candidate(4, "d", "g3", 0.7f, 2), new Candidate(1, "a", "g1", 0.5f, 3));

	@Test
	void rrfAddsReciprocalRanks() {
		List<Fused> fused = sorted(ScoreFusion.rrf(BM25, VECTOR, 60));
		assertThat(fused).extracting(Fused::id).containsExactly("a", "c", "b", "d");
		assertThat(fused.get(0).score()).isCloseTo(1f / 61 + 1f / 63, within(1e-7f));
		assertThat(fused.get(0).bm25Rank()).isEqualTo(1);
		assertThat(fused.get(0).vectorRank()).isEqualTo(3);
		assertThat(fused.get(2).vectorRank()).isZero();
	}

	@Test
	void linearBlendsNormalisedScoresAndCountsMissingAsWorst() {
		List<Fused> fused = sorted(ScoreFusion.linear(BM25, VECTOR, 0.25f, Normalisation.MIN_MAX));
		// bm25 min-max: a=1, b=0.5, c=0; vector min-max: c=1, d=0.5, a=0
		assertThat(fused).extracting(Fused::id).containsExactly("c", "d", "a", "b");
		assertThat(score(fused, "c")).isCloseTo(0.75f, within(1e-6f));
		assertThat(score(fused, "d")).isCloseTo(0.375f, within(1e-6f));
		assertThat(score(fused, "a")).isCloseTo(0.25f, within(1e-6f));
		assertThat(score(fused, "b")).isCloseTo(0.125f, within(1e-6f));
	}

	@Test
	void normalisationsMapScoresAsDocumented() {
		assertThat(ScoreFusion.normalise(BM25, Normalisation.MIN_MAX)).containsExactly(1, 0.5, 0);
		assertThat(ScoreFusion.normalise(BM25, Normalisation.MAX)).containsExactly(1, 8.0 / 12, 4.0 / 12);
		double deviation = Math.sqrt(32.0 / 3);
		assertThat(ScoreFusion.normalise(BM25, Normalisation.Z_SCORE)).containsExactly(4 / deviation, 0,
				-4 / deviation);
		List<Candidate> single = List.of(new Candidate(1, "a", "g", 3f, 1));
		assertThat(ScoreFusion.normalise(single, Normalisation.MIN_MAX)).containsExactly(1);
		assertThat(ScoreFusion.normalise(single, Normalisation.Z_SCORE)).containsExactly(0);
		assertThat(ScoreFusion.normalise(List.of(), Normalisation.MAX)).isEmpty();
	}

	@Test
	void collapseKeepsTheBestOfEachGroupWithStableTies() {
		List<Fused> fused = List.of(new Fused(1, "b", "g1", 0.5f, 1, 0), new Fused(2, "a", "g2", 0.5f, 2, 0),
				new Fused(3, "c", "g1", 0.9f, 3, 0), new Fused(4, "d", "g3", 0.1f, 4, 0));
		assertThat(ScoreFusion.collapse(fused, 10)).extracting(Fused::id).containsExactly("c", "a", "d");
		assertThat(ScoreFusion.collapse(fused, 2)).extracting(Fused::id).containsExactly("c", "a");
	}

	@Test
	void singleRetrieverModesKeepRawScores() {
		assertThat(ScoreFusion.fuse(Fusion.BM25_ONLY, BM25, VECTOR)).extracting(Fused::score)
			.containsExactly(12f, 8f, 4f);
		assertThat(ScoreFusion.fuse(Fusion.VECTOR_ONLY, BM25, VECTOR)).extracting(Fused::vectorRank)
			.containsExactly(1, 2, 3);
	}

	private static List<Fused> sorted(List<Fused> fused) {
		return fused.stream().sorted(ScoreFusion.BY_SCORE).toList();
	}

	private static float score(List<Fused> fused, String id) {
		return fused.stream().filter((f) -> f.id().equals(id)).findFirst().orElseThrow().score();
	}

}
