package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class FactSpansTest {

	private static final Passage TERMS = passage("Membership > Minimum terms",
			"Plan | Minimum term | Alternative\n\nGym | 12 months | 1-month rolling\n\nPool | 6 months | —\n\n"
					+ "When your minimum term ends, your membership continues month by month at the same price. "
					+ "We write to you before it ends.");

	private static final Passage NOTICE = passage("Membership > Notice period",
			"All memberships have a 30-day notice period. Your plan ends 30 days after you tell us. "
					+ "You can choose a later end date if you prefer. "
					+ "There's one exception: if you move to another club of ours (or pass your family membership on), "
					+ "you pay only until the move.");

	@Test
	void aQuestionForALengthOfTimeGetsTheUnitsThatStateOneWithinTheChosenSection() {
		String text = ExtractiveAnswers.compose("how long is the minimum membership", List.of(TERMS), 3, Locale.ENGLISH)
			.text();
		assertThat(text).startsWith("**Minimum terms**").contains("Gym | 12 months | 1-month rolling\nPool | 6 months");
		String notice = ExtractiveAnswers
			.compose("what is the notice period for a family membership", List.of(NOTICE), 3, Locale.ENGLISH)
			.text();
		assertThat(notice).contains("All memberships have a 30-day notice period.").doesNotContain("exception");
	}

	@Test
	void aQuestionForNoLengthOfTimeKeepsItsSpan() {
		assertThat(ExtractiveAnswers
			.compose("what happens when my minimum membership term ends", List.of(TERMS), 3, Locale.ENGLISH)
			.text()).contains("continues month by month").doesNotContain("12 months");
		assertThat(FactSpans.asked("what happens when my minimum membership term ends")).isNull();
		assertThat(FactSpans.asked("what is the notice period")).isNotNull();
		assertThat(FactSpans.asked("how much is the pool")).as("a price: not a length of time").isNull();
		assertThat(FactSpans.asked("how long does a refund take? and how do I get one?"))
			.as("a follow-up read with the question before it asks what its own words ask")
			.isNull();
		assertThat(FactSpans.asked("I want to cancel. how long is the notice?")).isNotNull();
	}

	@Test
	void aSectionWithNoSpanThatStatesALengthKeepsItsSpan() {
		Passage vague = passage("Membership > Ending", "When your membership ends, it continues month by month.");
		assertThat(ExtractiveAnswers.compose("how long is my membership", List.of(vague), 3, Locale.ENGLISH).text())
			.contains("continues month by month");
	}

	@Test
	void aCloseSpanThatSaysWhetherItCostsReplacesOneThatPricesSomethingElse() {
		// found in a walk: "and is installation free?" after the fibre prices got the
		// table of plans, which the charge check then refused (ADR 0085)
		Passage table = passage("Membership > Prices", "Plan | Price\n\nGym | €29.99\n\nPool | €19.99");
		Passage included = passage("Membership > What's included",
				"A locker.\n\nThe induction, free on 12-month plans.");
		SpanWindows.Window prices = window(table, 0);
		SpanWindows.Window locker = window(included, 0);
		SpanWindows.Window induction = window(included, 1);
		List<SpanWindows.Window> windows = List.of(prices, locker, induction);
		Map<SpanWindows.Window, Double> scores = Map.of(prices, 1.35, locker, 1.33, induction, 1.30);
		String question = "how much is the gym? and is the induction free?";
		assertThat(FactSpans.statingCharge(question, windows, prices, (window) -> false, scores::get))
			.isSameAs(induction);
		Map<SpanWindows.Window, Double> far = Map.of(prices, 1.5, locker, 1.33, induction, 1.30);
		assertThat(FactSpans.statingCharge(question, windows, prices, (window) -> false, far::get))
			.as("more than the margin below: the chosen span stays, and the check refuses it later")
			.isSameAs(prices);
		assertThat(FactSpans.statingCharge("how much is the gym?", windows, prices, (window) -> false, scores::get))
			.as("no charge asked")
			.isSameAs(prices);
	}

	private static SpanWindows.Window window(Passage passage, int unit) {
		List<ExtractiveAnswers.Unit> units = ExtractiveAnswers.units(passage.hit().passage(), Locale.ENGLISH);
		return new SpanWindows.Window(passage, units, unit, unit, new double[0]);
	}

	private static Passage passage(String section, String text) {
		SearchHit hit = new SearchHit("m" + section.hashCode(), "doc-m", "m", PassageKind.DOCUMENT_CHUNK, "docs/m.md",
				"Membership", section, text, "/kb/documents/doc-m#chunk-0", "en", Map.of(), 1, 1, 1, 0.8f);
		return new Passage(hit, 0.8);
	}

}
