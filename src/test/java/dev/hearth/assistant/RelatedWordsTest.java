package dev.hearth.assistant;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RelatedWordsTest {

	/** Three words with the same meaning, everything else orthogonal to them. */
	private static final Map<String, float[]> VECTORS = Map.of("kids", new float[] { 1, 0, 0 }, "children",
			new float[] { 1, 0.1f, 0 }, "movie", new float[] { 0, 1, 0 }, "film", new float[] { 0, 1, 0.1f });

	private static final Function<String, float[]> EMBED = (word) -> VECTORS.getOrDefault(word,
			new float[] { 0, 0, 1 });

	@Test
	void aWordMeaningTheSameNamesTheQuestionsWord() {
		RelatedWords related = new RelatedWords(EMBED, EMBED, 0.75);
		assertThat(related.named("kids", List.of("lock", "children"))).isTrue();
		assertThat(related.named("kids", List.of("lock", "movie"))).isFalse();
		assertThat(RelatedWords.NONE.named("kids", List.of("children"))).isFalse();
		assertThat(new RelatedWords(EMBED, EMBED, 0).named("kids", List.of("children"))).isFalse();
	}

	@Test
	void aRelatedWordCountsTowardCoverageButNotForWhetherSomethingIsOffered() {
		String span = "Turn on Kids mode to lock any film for children.";
		Answerability exact = new Answerability(0.75);
		Answerability related = new Answerability(0.75, new RelatedWords(EMBED, EMBED, 0.75));
		// topic words: lock, movie, kid; "kid" is in the span, "movie" only as "film"
		assertThat(exact.judge("lock a movie for the kids", span, span).missing())
			.isEqualTo("topic words covered 2 of 3");
		assertThat(related.judge("lock a movie for the kids", span, span).answers()).isTrue();
		assertThat(related.judge("do you offer a movie lock", span, span, Set.of()).answers()).isFalse();
	}

	@Test
	void theSimilarityMustBeAShare() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RelatedWords(EMBED, EMBED, 1.5))
			.withMessage("minSimilarity must be between 0 and 1, got 1.5");
	}

}
