package dev.hearth.assistant;

import java.util.Map;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RarePhrasesTest {

	private static final String QUESTION = "What are the quietest times to call customer service?";

	private static final String SPAN = "Our quietest times are weekday mornings between 8:00 and 10:00.";

	@Test
	void aPairIsTwoAdjacentContentWordsOneOfThemATopicWord() {
		assertThat(RarePhrases.pairs(QUESTION)).contains("quietest times", "customer service")
			.doesNotContain("the quietest", "times to", "to call");
	}

	@Test
	void aTextSaysAPairWhenItWritesItsWordsSideBySideInTheSameFormsAsStems() {
		assertThat(RarePhrases.saidIn("quietest times", SPAN)).isTrue();
		assertThat(RarePhrases.saidIn("quietest times", "Quietest times of day: 8:00 to 10:00.")).isTrue();
		assertThat(RarePhrases.saidIn("quietest times", "At times it is quietest in the morning.")).isFalse();
		assertThat(RarePhrases.saidIn("times quietest", SPAN)).isFalse();
	}

	@Test
	void aPhraseFewPassagesHoldPointsAtTheSpanAndACommonOneDoesNot() {
		ToIntFunction<String> holding = (pair) -> Map.of("quietest times", 1, "customer service", 14)
			.getOrDefault(pair, 0);
		assertThat(RarePhrases.sharedRarely(QUESTION, SPAN, holding)).isTrue();
		assertThat(RarePhrases.sharedRarely(QUESTION, "Call customer service on 0800 123 4567.", holding)).isFalse();
		assertThat(RarePhrases.sharedRarely(QUESTION, SPAN, (pair) -> 0)).isFalse();
		assertThat(RarePhrases.sharedRarely(QUESTION, SPAN, (pair) -> RarePhrases.MAX_PASSAGES + 1)).isFalse();
	}

}
