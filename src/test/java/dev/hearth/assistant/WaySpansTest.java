package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class WaySpansTest {

	private static final Passage FREEZING = passage("Membership > Freezing your membership",
			"You can freeze your membership for up to 3 months a year. "
					+ "If you freeze your membership before your payment date, that payment is skipped. "
					+ "While it is frozen you cannot book classes. We send you a reminder a week before it ends. "
					+ "Members on a student plan pay nothing while frozen. "
					+ "To freeze your membership, go to Account > Freeze in the app.");

	@Test
	void aQuestionForTheWayGetsTheUnitsThatStateIt() {
		String text = ExtractiveAnswers.compose("how do I freeze my membership?", List.of(FREEZING), 2, Locale.ENGLISH)
			.text();
		assertThat(text).contains("Account > Freeze");
	}

	@Test
	void aQuestionForNoWayKeepsItsSpan() {
		String text = ExtractiveAnswers
			.compose("is my payment skipped if I freeze my membership?", List.of(FREEZING), 2, Locale.ENGLISH)
			.text();
		assertThat(text).contains("payment is skipped").doesNotContain("Account > Freeze");
	}

	private static Passage passage(String section, String text) {
		SearchHit hit = new SearchHit("m" + section.hashCode(), "doc-m", "m", PassageKind.DOCUMENT_CHUNK, "docs/m.md",
				"Membership", section, text, "/kb/documents/doc-m#chunk-0", "en", Map.of(), 1, 1, 1, 0.8f);
		return new Passage(hit, 0.8);
	}

}
