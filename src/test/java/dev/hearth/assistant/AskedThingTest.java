package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskedThingTest {

	@Test
	void theThingAQuestionAsksHowToGetIsTheObjectOfTheVerb() {
		assertThat(AskedThing.of("how to add netflix to my tv package")).isEqualTo("netflix");
		assertThat(AskedThing.of("How do I get a static IP?")).isEqualTo("static IP");
		assertThat(AskedThing.of("can I order another TV box")).isEqualTo("TV box");
		assertThat(AskedThing.of("how do I set up call forwarding on my mobile")).isEqualTo("call forwarding");
	}

	@Test
	void theThingSomethingHasOrOffersIsTheObject() {
		assertThat(AskedThing.of("do long-standing customers get a loyalty discount")).isEqualTo("loyalty discount");
		assertThat(AskedThing.of("Does the TV Box support Dolby Atmos sound?")).isEqualTo("Dolby Atmos sound");
		assertThat(AskedThing.of("is there a student discount?")).isEqualTo("student discount");
		assertThat(AskedThing.of("does Northwind offer insurance for my phone")).isEqualTo("insurance");
	}

	@Test
	void theThingAskedToBeToldIsTheSubject() {
		assertThat(AskedThing.of("How long is the warranty on the Hub if it breaks?")).isEqualTo("warranty");
		assertThat(AskedThing.of("How much hotspot tethering is allowed on Mobile Unlimited?"))
			.isEqualTo("hotspot tethering");
		assertThat(AskedThing.of("What's the monthly fee for a second TV decoder upstairs?")).isEqualTo("monthly fee");
	}

	@Test
	void theContextAfterTheThingIsNotTheThing() {
		assertThat(AskedThing.of("what do the lights on my modem mean")).isEqualTo("lights");
		assertThat(AskedThing.of("do you sell my personal data to other companies")).isEqualTo("personal data");
		assertThat(AskedThing.of("How long does a refund to a gift voucher take?")).isEqualTo("refund");
	}

	@Test
	void measuresNumbersPronounsAndLoneSuperlativesAreNoThing() {
		assertThat(AskedThing.of("what features does the TV Box 4K have?")).isNull();
		assertThat(AskedThing.of("What's the minimum contract length for business broadband?"))
			.isEqualTo("minimum contract");
		assertThat(AskedThing.of("What's the lowest you actually promise?")).isNull();
		assertThat(AskedThing.of("can I get it")).isNull();
		assertThat(AskedThing.of("how do I reset my router")).isNull();
		assertThat(AskedThing.of("Wie kann ich Netflix hinzufügen?")).isNull();
	}

	@Test
	void theThingsOfPhrasesAfterItAreRead() {
		assertThat(AskedThing.phrases("What is the upload speed of your satellite internet plan?"))
			.containsExactly("upload speed", "satellite internet plan");
		assertThat(AskedThing.phrases("How much is a replacement voice remote for the TV Box?"))
			.containsExactly("replacement voice remote");
		assertThat(AskedThing.phrases("How long is an eSIM QR code valid if I don't use it?"))
			.containsExactly("eSIM QR code");
		assertThat(AskedThing.phrases("what are the different sections on my bill?")).containsExactly("sections");
		assertThat(AskedThing.phrases("can I get it")).isEmpty();
	}

	@Test
	void pronounsEndAndSuperlativesOpenAPhrase() {
		assertThat(AskedThing.of("the internet has been dead since monday, do I get anything back for that?")).isNull();
		assertThat(AskedThing.of("what's the cheapest broadband you do")).isEqualTo("broadband");
	}

	@Test
	void aClauseIsNoSubjectAndAParticleEndsThePhrase() {
		assertThat(AskedThing.of("how long will it take to get my money back?")).isNull();
		assertThat(AskedThing.of("does it include a router?")).isEqualTo("router");
		assertThat(AskedThing.of("can I get my money back")).isEqualTo("money");
	}

	@Test
	void theLeadingPhraseOfWhatFollowsAQuestionsVerb() {
		assertThat(AskedThing.leadingPhrase("upgrading to a faster broadband plan?")).isEqualTo("upgrading");
		assertThat(AskedThing.leadingPhrase("an extra mesh pod?")).isEqualTo("mesh pod");
		assertThat(AskedThing.leadingPhrase("to you")).isNull();
	}

}
