package dev.hearth.escalation;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.assistant.CustomerTurn.EarlierQuestion;
import dev.hearth.assistant.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rephrasing reads the embeddings stored with earlier messages and embeds nothing: close
 * vectors count as a repeat only between questions that stand alone.
 */
class RephrasingTest {

	private final Rephrasing rephrasing = new Rephrasing();

	private static final float[] REFUND = { 1, 0, 0 };

	private static final float[] NEAR_REFUND = { 0.95f, 0.1f, 0 };

	private static final float[] ROUTER = { 0, 1, 0 };

	@Test
	void aStoredEmbeddingCloseToTheQuestionsCountsWhenTheWordsDiffer() {
		Query query = new Query("when do I get my money back", "when do I get my money back", REFUND);
		List<EarlierQuestion> earlier = List.of(new EarlierQuestion("how long until refunds arrive", NEAR_REFUND, true),
				new EarlierQuestion("my router blinks red all day", ROUTER, true));
		assertThat(this.rephrasing.repeats(query.question(), query, earlier)).isEqualTo(1);
	}

	@Test
	void followUpsAndMissingEmbeddingsAreComparedByTheirWordsOnly() {
		Query followUp = new Query("and how long does that take", "I want a refund and how long does that take",
				REFUND);
		List<EarlierQuestion> earlier = List.of(new EarlierQuestion("I want a refund please", NEAR_REFUND, true));
		assertThat(this.rephrasing.repeats(followUp.question(), followUp, earlier)).isZero();

		Query query = new Query("when do I get my money back", "when do I get my money back", REFUND);
		assertThat(this.rephrasing.repeats(query.question(), query,
				List.of(new EarlierQuestion("and how long does that take", NEAR_REFUND, false),
						new EarlierQuestion("how long until refunds arrive", null, true))))
			.isZero();
		assertThat(this.rephrasing.repeats(query.question(), null,
				List.of(new EarlierQuestion("when do I get my money back?", null, true))))
			.isEqualTo(1);
	}

}
