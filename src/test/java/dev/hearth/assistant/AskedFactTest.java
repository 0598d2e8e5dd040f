package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskedFactTest {

	private static final String FIBRE_PRICES = "We have four fibre plans on a 24-month term: Fibre 150 (150 Mbps) €29.99, "
			+ "Fibre 500 (500 Mbps) €39.99 per month. All include unlimited data and a Northwind Hub, and Fibre 900 "
			+ "and 2000 include a Mesh Pod. A 1-month rolling option costs €5 more per month plus a €49 setup fee.";

	private static final String ADD_ONS = "Fibre Voice home phone: €5 per month, including unlimited calls to national "
			+ "landlines.\nMesh Pod: €4 per month each.";

	@Test
	void anAmountInASentenceThatNamesTheThingAskedStatesAPrice() {
		assertThat(
				AskedFact.statedIn("how much is it to add a mesh pod?", "how much is it to add a mesh pod?", ADD_ONS))
			.isTrue();
	}

	@Test
	void amountsOfOtherThingsDoNot() {
		// the entry names the Mesh Pod in a sentence without an amount, and its amounts
		// are the plans'
		assertThat(AskedFact.statedIn("how much is it to add a mesh pod?", "how much is it to add a mesh pod?",
				FIBRE_PRICES))
			.isFalse();
	}

	@Test
	void theSpanAloneStatingItIsWhatTheGuessLacks() {
		String asked = "how much does the mesh pod cost";
		assertThat(AskedFact.onlyInSpan(asked, asked, FIBRE_PRICES, ADD_ONS)).isTrue();
		assertThat(AskedFact.onlyInSpan(asked, asked, ADD_ONS, ADD_ONS)).as("both state it").isFalse();
	}

	@Test
	void aQuestionThatAsksNoKindOfFactIsNeverRefused() {
		String asked = "On how many devices can I register the TV app?";
		assertThat(AskedFact.statedIn(asked, asked, "Order in My Account.")).isTrue();
		assertThat(AskedFact.onlyInSpan(asked, asked, "Order in My Account.", "Up to 5 devices, 2 at once.")).isFalse();
	}

	@Test
	void aTimeAndANumberToCallAreFactsAboutTheirThingToo() {
		String when = "how long does it take to get connected after I order?";
		assertThat(
				AskedFact.statedIn(when, when, "The first appointment is usually 7-10 working days after you order."))
			.isTrue();
		assertThat(AskedFact.statedIn(when, when, "Fibre 500 suits families. Call 0800 123 4567.")).isFalse();
		String number = "Which phone number is the automated payment line?";
		assertThat(AskedFact.statedIn(number, number, "Pay a bill on the 24/7 payment line 0800 123 4575.")).isTrue();
	}

	@Test
	void theKindIsTheCustomersOwnQuestionsAndTheThingTheSelfContainedOnes() {
		// "how much is the sports one" after the TV packages: the amount asked is the
		// customer's, the thing is read with the conversation
		String asked = "what TV packages do you have? how much is the sports one";
		assertThat(AskedFact.statedIn(asked, "how much is the sports one", "Sports: €20 per month")).isTrue();
		assertThat(AskedFact.statedIn(asked, "and the sports one?", "Sports channels are on 401-449.")).isTrue();
	}

	@Test
	void aListItemIsNeverJoinedToTheNextLine() {
		String asked = "how much is the home phone?";
		assertThat(AskedFact.statedIn(asked, asked, "Fibre Voice home phone\nMesh Pod: €4 per month each.")).isFalse();
	}

}
