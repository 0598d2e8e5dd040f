package dev.hearth.assistant;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductWordsTest {

	private static final String ADD_ONS = "Add-ons are on a 30-day rolling contract.\nSports: €20 per month\n"
			+ "Movies: €12 per month\nKids: €5 per month";

	private static final String SPORTS_CHANNELS = "401 Northwind Sport 1 HD: domestic football\n404 Golf Channel HD";

	@Test
	void genericWordsForAnOfferingInEnglishAndGerman() {
		for (String word : new String[] { "package", "packages", "bundle", "plan", "deal", "tariff", "extra",
				"subscription", "paket", "tarif", "angebot" }) {
			assertThat(ContentWords.of(word)).as(word).allMatch(ProductWords::generic);
		}
		assertThat(ProductWords.generic(ContentWords.stem("sports"))).isFalse();
		assertThat(ProductWords.generic(ContentWords.stem("address"))).isFalse();
	}

	@Test
	void aPhraseIsReadWithoutTheGenericWordsGiven() {
		assertThat(ProductWords.withoutGeneric("unlimited mobile tariff", Set.of("tariff")))
			.isEqualTo("unlimited mobile");
		assertThat(ProductWords.withoutGeneric("netflix bundle", Set.of("bundle"))).isEqualTo("netflix");
		assertThat(ProductWords.withoutGeneric("gaming add-on", Set.of("tariff"))).as("a generic word not given stays")
			.isEqualTo("gaming add-on");
		assertThat(ProductWords.withoutGeneric("call forwarding", Set.of("call"))).as("not a generic word")
			.isEqualTo("call forwarding");
	}

	@Test
	void aPhraseOfGenericWordsAloneStaysAsItIs() {
		assertThat(ProductWords.withoutGeneric("tariff", Set.of("tariff"))).isEqualTo("tariff");
		assertThat(ProductWords.withoutGeneric("extra tariff", Set.of("extra", "tariff"))).isEqualTo("extra tariff");
	}

	@Test
	void theSpecificWordsAreTheTopicWordsButTheGenericOnes() {
		assertThat(ProductWords.specificWords("how much is the sports package")).containsExactly("sport");
	}

	@Test
	void aSentenceThatNamesTheThingAndStatesTheAmountAsked() {
		String asked = "how much is the sports package";
		assertThat(ProductWords.statedOfTheThing(asked, asked, ADD_ONS)).isTrue();
		assertThat(ProductWords.namesAny(asked)).isTrue();
	}

	@Test
	void aProductTheTextNeverNamesWithAPriceIsNotStated() {
		// the golf channel is named, but in no sentence with an amount
		String asked = "how much is the golf package";
		assertThat(ProductWords.statedOfTheThing(asked, asked, SPORTS_CHANNELS)).isFalse();
		assertThat(ProductWords.statedOfTheThing(asked, asked, ADD_ONS)).isFalse();
	}

	@Test
	void everyOtherTopicWordMustBeInTheSameSentence() {
		String asked = "how do I update my address on my account";
		assertThat(ProductWords.statedOfTheThing(asked, asked,
				"Mobile plans aren't affected by a move — just update your billing address in Account > Personal details."))
			.isTrue();
		assertThat(ProductWords.statedOfTheThing(asked, asked,
				"Update your details in the app.\nYour account shows your billing address."))
			.isFalse();
	}

	@Test
	void aQuestionThatAsksNoFactAndNoWayIsNotStatedSo() {
		String asked = "what is Fibre Voice?";
		assertThat(ProductWords.statedOfTheThing(asked, asked, "Fibre Voice home phone: €5 per month")).isFalse();
	}

	@Test
	void aWayAskedMustBeStated() {
		String asked = "how do I update my address";
		assertThat(ProductWords.statedOfTheThing(asked, asked, "We update your address when you move.")).isFalse();
	}

	@Test
	void aQuestionOfGenericWordsAloneNamesNoThing() {
		String asked = "how much is the package";
		assertThat(ProductWords.statedOfTheThing(asked, asked, ADD_ONS)).isFalse();
	}

}
