package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;

class NarrowEntriesTest {

	private static final FaqEntry FIRST_BILL = new FaqEntry("first-bill", "Why is my first bill higher than expected?",
			List.of("why is my first bill so high", "whats the extra charge on my first bill",
					"Why am I paying for two months at once?", "first invoice is more than the monthly price"),
			"It includes a part month.", "en", Map.of());

	private static final FaqEntry PRICE_RISE = new FaqEntry("price-rise", "Will my price go up during my contract?",
			List.of("why has my bill gone up", "is my price fixed"), "Once a year, in April.", "en", Map.of());

	@Test
	void anEntryIsNarrowedToTheWordsOfItsQuestionThatHalfItsExamplesRepeat() {
		assertThat(NarrowEntries.restrictions(FIRST_BILL)).containsExactly("first", "bill");
	}

	@Test
	void anEntryWithoutExamplesIsNarrowedToNothing() {
		FaqEntry bare = new FaqEntry("bare", "Why is my first bill higher?", List.of(), "A part month.", "en",
				Map.of());
		assertThat(NarrowEntries.restrictions(bare)).isEmpty();
	}

	@Test
	void aRestrictionTheQuestionNeverSaysIsUnsaid() {
		assertThat(NarrowEntries.unsaid("why is my bill higher than last month?", FIRST_BILL, PRICE_RISE))
			.containsExactly("first");
		assertThat(NarrowEntries.unsaid("why is my first bill higher than the price?", FIRST_BILL, PRICE_RISE))
			.isEmpty();
	}

	@Test
	void aRestrictionTheRunnerUpSaysTooDistinguishesNothing() {
		FaqEntry firstMonth = new FaqEntry("first-month", "Is my first month free?", List.of("free first month"), "No.",
				"en", Map.of());
		assertThat(NarrowEntries.unsaid("why is my bill higher than last month?", FIRST_BILL, firstMonth)).isEmpty();
	}

	@Test
	void aRunnerUpAboutAnotherSubjectLeavesTheEntryAlone() {
		FaqEntry prices = new FaqEntry("prices", "How much are your plans?", List.of("cheapest plan"), "From €29.99.",
				"en", Map.of());
		assertThat(NarrowEntries.unsaid("why is my bill higher than last month?", FIRST_BILL, prices)).isEmpty();
	}

}
