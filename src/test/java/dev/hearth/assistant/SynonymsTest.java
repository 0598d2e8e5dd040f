package dev.hearth.assistant;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SynonymsTest {

	private final Synonyms synonyms = Synonyms.wordNet();

	@Test
	void aWordOfTheSameSynsetCoversTheQuestionsWord() {
		assertThat(this.synonyms.coveredBySynonyms("how do I stop my kids watching adult films", Set.of("kid", "film"),
				"Create a profile for each child. Lock purchases of movies."))
			.containsExactlyInAnyOrder("kid", "film");
	}

	@Test
	void aPhraseTheWordOpensMeetsAPhraseOfTheText() {
		assertThat(this.synonyms.coveredBySynonyms("nobody showed up for my fibre install", Set.of("nobody", "show"),
				"If our engineer doesn't turn up, we credit €30."))
			.containsExactly("show");
	}

	@Test
	void aBroaderWordOrASiblingDoesNotCover() {
		// "film" is a kind of "show" (hypernym) and "television" its neighbour
		assertThat(this.synonyms.coveredBySynonyms("can I record a film", Set.of("film"),
				"Record any show or television programme."))
			.isEmpty();
		// "kid" is a kind of "person"
		assertThat(this.synonyms.coveredBySynonyms("a discount for kids", Set.of("kid"), "One discount per person."))
			.isEmpty();
	}

	@Test
	void aWordTheTextAlreadyNamesOrARareSenseDoesNotCount() {
		assertThat(this.synonyms.coveredBySynonyms("can I move house", Set.of(), "home")).isEmpty();
		// "house" is "home" only in its tenth sense (a household)
		assertThat(this.synonyms.coveredBySynonyms("can I move house", Set.of("house"), "Moving home?")).isEmpty();
	}

	@Test
	void noneCoversNothing() {
		assertThat(Synonyms.NONE.coveredBySynonyms("kids", Set.of("kid"), "children")).isEmpty();
	}

	@Test
	void aParaphraseCountsTowardsASpansCoverage() {
		Answerability answerability = new Answerability(0.6);
		String span = "Set bedtime schedules, for example no internet on a child's devices from 21:00 to 7:00.";
		String context = "Parental controls > Schedules and device profiles\n" + span;
		assertThat(answerability.judge("can I turn off internet for the kids at bedtime", context, span).answers())
			.isTrue();
	}

	@Test
	void aWordNoTextHoldsIsReplacedByItsFirstSynonymOneDoes() {
		Set<String> held = Set.of("mobile phone", "buy");
		assertThat(this.synonyms.renamed("my cellphone was stolen, can I purchase another?",
				Set.of("cellphone", "purchase"), held::contains))
			.contains("my mobile phone was stolen, can I buy another?");
		assertThat(this.synonyms.renamed("can I purchase one?", Set.of(), held::contains)).isEmpty();
		assertThat(this.synonyms.renamed("a technician", Set.of("technician"), held::contains)).isEmpty();
	}

}
