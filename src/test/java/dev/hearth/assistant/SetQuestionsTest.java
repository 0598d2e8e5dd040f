package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SetQuestionsTest {

	@Test
	void aQuestionForWhatIsIncludedOrWhichThingsThereAreAsksForTheSet() {
		assertThat(SetQuestions.asks("what's included with fibre 900")).isTrue();
		assertThat(SetQuestions.asks("What is included in the Fibre 500 plan?")).isTrue();
		assertThat(SetQuestions.asks("what do I get with the Fibre 500 plan?")).isTrue();
		assertThat(SetQuestions.asks("what comes in the box with the hub?")).isTrue();
		assertThat(SetQuestions.asks("what should be in the box?")).isTrue();
		assertThat(SetQuestions.asks("which phones work with eSIM?")).isTrue();
		assertThat(SetQuestions.asks("which add-ons are there?")).isTrue();
		assertThat(SetQuestions.asks("what TV add-ons can I get?")).isTrue();
		assertThat(SetQuestions.asks("what levels of SafeHome filtering are there?")).isTrue();
		assertThat(SetQuestions.asks("list of the add-ons for fibre")).isTrue();
		assertThat(SetQuestions.asks("Was ist bei Glasfaser 500 alles enthalten?")).isTrue();
		assertThat(SetQuestions.asks("Welche Zusatzpakete gibt es?")).isTrue();
	}

	@Test
	void aQuestionHowAThingWorksAsksForAllOfIt() {
		assertThat(SetQuestions.asks("how does the referral programme work?")).isTrue();
		assertThat(SetQuestions.asks("How does roaming work outside the EU?")).isTrue();
		assertThat(SetQuestions.asks("how do I make my wifi work upstairs?")).isFalse();
		assertThat(SetQuestions.asks("how much does it cost to make it work?")).isFalse();
	}

	@Test
	void aQuestionForOneFactAsksForNoSet() {
		assertThat(SetQuestions.asks("what else can I try?")).isFalse();
		assertThat(SetQuestions.asks("is a Mesh Pod included with fibre 900?")).isFalse();
		assertThat(SetQuestions.asks("and is there a setup fee?")).isFalse();
		assertThat(SetQuestions.asks("how much is fibre 500?")).isFalse();
		assertThat(SetQuestions.asks("what is the upload speed of Fibre 2000?")).isFalse();
		assertThat(SetQuestions.asks("which plan is right for me?")).isFalse();
		assertThat(SetQuestions.asks("how much are all the add-ons?")).as("one kind of fact: an amount").isFalse();
		assertThat(SetQuestions.asks("my wifi keeps dropping")).isFalse();
		assertThat(SetQuestions.asks(null)).isFalse();
	}

	@Test
	void theWordsThatAskForASetAreNotWhatTheQuestionIsAbout() {
		assertThat(Answerability.topicWords(SetQuestions.withoutCue("what comes with the TV Box?")))
			.containsExactly("tv", "box");
		assertThat(SetQuestions.withoutCue("what is an eSIM?")).isEqualTo("what is an eSIM?");
	}

}
