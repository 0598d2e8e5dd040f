package dev.hearth.escalation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.hearth.assistant.Answer.Candidate;
import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;

class ClarificationTest {

	private static final Map<String, FaqEntry> ENTRIES = Map.of("refund-time",
			entry("refund-time", "How long does a refund take?"), "refund-how",
			entry("refund-how", "How do I ask for a refund?"), "refund-dup",
			entry("refund-dup", "how long does a refund take?"), "router-reset",
			entry("router-reset", "How do I reset my router?"), "tv-channels",
			entry("tv-channels", "Which channels do I get?"));

	private static FaqEntry entry(String id, String question) {
		return new FaqEntry(id, question, List.of(), "The answer.", "en", Map.of());
	}

	private static List<ClarifyOption> options(Candidate... ranked) {
		return Clarification.options("", List.of(ranked), (id) -> Optional.ofNullable(ENTRIES.get(id)));
	}

	@Test
	void closeCandidatesBecomeTwoOrThreeOptionsBestFirst() {
		assertThat(options(new Candidate("refund-time", 0.40), new Candidate("refund-how", 0.35),
				new Candidate("router-reset", 0.31), new Candidate("tv-channels", 0.20)))
			.containsExactly(new ClarifyOption("refund-time", "How long does a refund take?"),
					new ClarifyOption("refund-how", "How do I ask for a refund?"),
					new ClarifyOption("router-reset", "How do I reset my router?"));
	}

	@Test
	void closenessIsJudgedOnTheCandidatesOwnScaleSimilaritiesIncluded() {
		// nearest-phrasing similarities sit close together: half of the best is no
		// longer "close" (the old rule offered all four)
		assertThat(options(new Candidate("refund-time", 0.52), new Candidate("refund-how", 0.48),
				new Candidate("router-reset", 0.30), new Candidate("tv-channels", 0.27)))
			.extracting(ClarifyOption::faqId)
			.containsExactly("refund-time", "refund-how");
	}

	@Test
	void theOptionsMustBeAboutTheQuestion() {
		// regression: options unrelated to the question were offered
		List<ClarifyOption> options = Clarification.options(
				"when do I get my refund back", List.of(new Candidate("refund-time", 0.40),
						new Candidate("router-reset", 0.38), new Candidate("refund-how", 0.36)),
				(id) -> Optional.ofNullable(ENTRIES.get(id)));
		assertThat(options).extracting(ClarifyOption::faqId)
			.containsExactly("refund-time", "router-reset", "refund-how");
		assertThat(Clarification.options("when do I get my refund back",
				List.of(new Candidate("router-reset", 0.40), new Candidate("tv-channels", 0.38)),
				(id) -> Optional.ofNullable(ENTRIES.get(id))))
			.isEmpty();
	}

	@Test
	void oneClearCandidateOrNoneGivesNoOptions() {
		assertThat(options(new Candidate("refund-time", 0.60), new Candidate("refund-how", 0.10))).isEmpty();
		assertThat(options()).isEmpty();
		assertThat(options(new Candidate("refund-time", 0.04), new Candidate("refund-how", 0.04))).as("below the floor")
			.isEmpty();
	}

	@Test
	void theSameQuestionTwiceAndMissingEntriesAreSkipped() {
		assertThat(options(new Candidate("refund-time", 0.30), new Candidate("refund-dup", 0.29),
				new Candidate("deleted", 0.28), new Candidate("refund-how", 0.25)))
			.extracting(ClarifyOption::faqId)
			.containsExactly("refund-time", "refund-how");
	}

	@Test
	void aShortQuestionAlsoGetsTheEntriesThatNameAllItsWords() {
		// "refund" alone: the router ranks one entry far first, but both refund entries
		// name it; the reset entry does not
		List<ClarifyOption> options = Clarification.options("refund", List.of(new Candidate("refund-time", 0.60),
				new Candidate("router-reset", 0.20), new Candidate("refund-how", 0.10)),
				(id) -> Optional.ofNullable(ENTRIES.get(id)));
		assertThat(options).extracting(ClarifyOption::faqId).containsExactly("refund-time", "refund-how");
		// a question whose words the entries do not all name keeps the scores' rule
		assertThat(Clarification.options("how long until my refund arrives",
				List.of(new Candidate("refund-time", 0.60), new Candidate("refund-how", 0.10)),
				(id) -> Optional.ofNullable(ENTRIES.get(id))))
			.isEmpty();
	}

}
