package dev.hearth.assistant;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {

	@Test
	void aShortQuestionThatLeansBackIsJoinedToThePreviousQuestion() {
		List<Turn> history = List.of(new Turn(true, "I want a refund"),
				new Turn(false, "Refunds go back to your card. We process them in a week. [1]"));
		assertThat(FollowUps.contextualise("and how long does that take?", history))
			.isEqualTo("I want a refund and how long does that take?");
		assertThat(FollowUps.contextualise("What about for business customers?", List.of(history.get(0))))
			.isEqualTo("I want a refund What about for business customers?");
	}

	@Test
	void thePresentTimeDoesNotLeanBack() {
		// hand-found in the browser: "I was charged twice this month" after other
		// questions was read with the previous question and got the first-bill entry
		List<Turn> history = List.of(new Turn(true, "can I use my phone in Spain?"),
				new Turn(false, "Yes. Roaming in the EU is included. [1]"));
		assertThat(FollowUps.contextualise("I was charged twice this month", history))
			.isEqualTo("I was charged twice this month");
		assertThat(FollowUps.isFollowUp("is this month's bill higher?")).isFalse();
		assertThat(FollowUps.isFollowUp("and this month?")).as("leans back by its first word").isTrue();
		assertThat(FollowUps.isFollowUp("how much is that this month?")).as("points back").isTrue();
	}

	@Test
	void theTopicOfADocumentAnswerIsItsSectionHeading() {
		List<Turn> history = List.of(new Turn(true, "Charged twice"),
				new Turn(false, "**You paid twice or paid too much**\n\nThe extra amount sits as a credit. [1]"));
		assertThat(FollowUps.contextualise("and how long does that take?", history))
			.isEqualTo("Charged twice You paid twice or paid too much and how long does that take?");
		assertThat(FollowUps.previousAnswer(history)).startsWith("**You paid twice");
	}

	@Test
	void aPassageUnderThePreviousAnswersHeadingIsInItsSection() {
		String previous = "**TV packages**\n\nTV Essentials — €10 per month. [1]";
		assertThat(
				FollowUps.inPreviousSection(previous, "TV packages, channels and your TV Box > TV packages > Add-ons"))
			.as("a sub-section")
			.isTrue();
		assertThat(FollowUps.inPreviousSection(previous, "TV packages, channels and your TV Box > TV packages"))
			.as("the section itself")
			.isTrue();
		assertThat(FollowUps.inPreviousSection(previous, "TV packages, channels and your TV Box > Extra TV Boxes"))
			.as("another section of the page")
			.isFalse();
		assertThat(FollowUps.inPreviousSection("TV Essentials costs €10 per month.",
				"TV packages, channels and your TV Box > TV packages"))
			.as("an answer without a heading names no section")
			.isFalse();
	}

	@Test
	void aTurnWithoutTopicWordsOfItsOwnIsReadWithTheConversation() {
		List<Turn> history = List.of(new Turn(true, "Can I get new plates at the same time?"),
				new Turn(false, "Are you replacing lost plates?"));
		assertThat(FollowUps.contextualise("No, I'm not.", history))
			.isEqualTo("Can I get new plates at the same time? No, I'm not.");
		assertThat(FollowUps.contextualise("What happens then?", history))
			.isEqualTo("Can I get new plates at the same time? What happens then?");
		assertThat(FollowUps.contextualise("No, I'm not.", List.of())).as("nothing before it")
			.isEqualTo("No, I'm not.");
		assertThat(FollowUps.contextualise("Do I need my old registration card?", history)).as("topic words of its own")
			.isEqualTo("Do I need my old registration card?");
	}

	@Test
	void aSelfContainedQuestionStaysAsItIs() {
		List<Turn> history = List.of(new Turn(true, "I want a refund"));
		assertThat(FollowUps.contextualise("How do I set up the eSIM on my new phone?", history))
			.isEqualTo("How do I set up the eSIM on my new phone?");
		assertThat(FollowUps.contextualise("and how long does that take?", List.of()))
			.isEqualTo("and how long does that take?");
	}

	@Test
	void aLongQuestionIsNotAFollowUpEvenWithAPronoun() {
		assertThat(FollowUps.isFollowUp("Can you explain how it works when I move to another city next year please"))
			.isFalse();
		assertThat(FollowUps.isFollowUp("is it free?")).isTrue();
	}

	@Test
	void aShortQuestionRightAfterAnAnswerMayGoOnAboutItWithoutLeaningBack() {
		List<Turn> plans = List.of(new Turn(true, "what fibre plans do you have and what do they cost?"),
				new Turn(false, "We have four fibre plans. All include unlimited data and a Northwind Hub."));
		assertThat(FollowUps.isFollowUp("is the router included?")).isFalse();
		assertThat(FollowUps.mayContinue("is the router included?", plans)).isTrue();
		assertThat(FollowUps.mayContinue("is the router included?", List.of())).as("opens the conversation").isFalse();
		assertThat(FollowUps.mayContinue("is the router included?", List.of(plans.get(0)))).as("no answer before it")
			.isFalse();
		assertThat(
				FollowUps.mayContinue("is the router included?", List.of(new Turn(false, "Hello! Ask me anything."))))
			.as("no earlier question of the customer's")
			.isFalse();
		assertThat(FollowUps.mayContinue("Can you explain how the router works when I move to another city next year",
				plans))
			.as("long enough to stand alone")
			.isFalse();
	}

	@Test
	void aFollowUpIsNeverAnsweredWithTheAnswerItFollows() {
		// regression: "and how long does that take?" repeated the previous answer
		String faq = "Yes. Tell us at least 30 days before you move (and no later than 14 days) in the app.";
		assertThat(FollowUps.repeats(faq, faq)).isTrue();
		assertThat(FollowUps.repeats("Yes. Tell us at least 30 days before you move", faq)).as("says more").isFalse();
		assertThat(FollowUps.repeats(faq, "If we can't provide fibre at the new address, you can cancel.")).isFalse();
		assertThat(FollowUps.repeats("", faq)).isFalse();
		// the entry was given without its "Yes." to a question that asked how
		assertThat(FollowUps.repeats(YesNoQuestions.withoutAffirmation(faq), faq)).isTrue();
	}

	@Test
	void aQuestionOnATopicTheConversationNeverNamedOpensANewOne() {
		// found in a walk: asked after the TV Box's answer, the direct debit was searched
		// with the TV Box and declined; asked first it gets "Disputing a direct debit"
		List<Turn> history = List.of(new Turn(true, "what comes with the TV Box?"), new Turn(false,
				"**Your TV Box 4K**\n\nEvery TV package includes one Northwind TV Box 4K. It has 500 GB of storage. [1]"));
		assertThat(FollowUps.opensNewTopic("my direct debit was taken twice this month", history)).isTrue();
		assertThat(FollowUps.opensNewTopic("how much storage does the box have?", history))
			.as("the previous answer named the box")
			.isFalse();
		assertThat(FollowUps.opensNewTopic("how many TV packages are there?", history))
			.as("the customer's message named TV")
			.isFalse();
		assertThat(FollowUps.opensNewTopic("how much does it cost?", history)).as("no topic words of its own")
			.isFalse();
		assertThat(FollowUps.opensNewTopic("my direct debit was taken twice", List.of())).as("nothing was said before")
			.isFalse();
	}

	@Test
	void theDummyThereOfIsThereDoesNotLeanBack() {
		List<Turn> fibre = List.of(new Turn(true, "how fast is fibre 900?"),
				new Turn(false, "**Our plans at a glance**\n\nFibre 900: 900 Mbps, €49.99 per month. [1]"));
		assertThat(FollowUps.leansBack("is there a fee for paper bills?", fibre, List::of)).isFalse();
		assertThat(FollowUps.contextualise("is there a fee for paper bills?", fibre))
			.isEqualTo("is there a fee for paper bills?");
		assertThat(FollowUps.leansBack("is there one without a 12 month contract?", fibre, List::of))
			.as("\"one\" points back")
			.isTrue();
		assertThat(FollowUps.leansBack("is there a fee for that?", fibre, List::of)).as("\"that\" points back")
			.isTrue();
		assertThat(FollowUps.leansBack("is there a fee?", fibre, List::of)).as("no topic of its own").isTrue();
		String roamingEntry = "Yes. In the EU you use your calls, texts and data as at home.";
		List<Turn> roaming = List.of(new Turn(true, "will it cost extra to use my phone in Spain?"),
				new Turn(false, roamingEntry));
		assertThat(FollowUps.leansBack("is there a limit on data?", roaming, () -> List.of(roamingEntry)))
			.as("the answer named data")
			.isTrue();
		assertThat(FollowUps.leansBack("is there a fee for paper bills?", roaming, () -> List.of(roamingEntry)))
			.as("after an FAQ entry's answer")
			.isFalse();
		List<Turn> person = List.of(new Turn(true, "will it cost extra to use my phone in Spain?"),
				new Turn(false, "Our adviser will look at your account and call you back."));
		assertThat(FollowUps.leansBack("is there a fee for paper bills?", person, () -> List.of(roamingEntry)))
			.as("after a person's reply")
			.isTrue();
		assertThat(FollowUps.leansBack("gibt es eine Gebühr für Papierrechnungen?", fibre, List::of)).isFalse();
	}

	@Test
	void onlyAnAnswerFromTheKnowledgeBaseSaysWhatTheConversationIsAbout() {
		List<String> faq = List.of("Yes. Online bills are free; a paper bill by post costs €2 per month.");
		assertThat(FollowUps.fromKnowledge("**Your TV Box 4K**\n\nEvery TV package includes one box. [1]", () -> faq))
			.as("a document answer under its heading")
			.isTrue();
		assertThat(
				FollowUps.fromKnowledge("Online bills are free; a paper bill by post costs €2 per month.", () -> faq))
			.as("an entry's answer without its leading Yes.")
			.isTrue();
		assertThat(FollowUps.fromKnowledge("You can fill out the form online or visit an office near you.", () -> faq))
			.as("a person's reply")
			.isFalse();
		assertThat(FollowUps.fromKnowledge("", () -> faq)).isFalse();
	}

	@Test
	void theConversationsTopicWasSaidByHearthWhenItAnsweredFromItsKnowledgeOrDeclined() {
		List<String> faq = List.of("Yes. Online bills are free; a paper bill by post costs €2 per month.");
		assertThat(FollowUps.saidByHearth(List.of(new Turn(true, "how fast is fibre 900?")), () -> faq))
			.as("declined: no reply since the customer's message")
			.isTrue();
		assertThat(
				FollowUps.saidByHearth(
						List.of(new Turn(true, "can I get a paper bill?"),
								new Turn(false,
										"Yes. Online bills are free; a paper bill by post costs €2 per month.")),
						() -> faq))
			.as("an FAQ entry's answer")
			.isTrue();
		assertThat(FollowUps.saidByHearth(
				List.of(new Turn(true, "can I get a paper bill?"), new Turn(false, "Let me check that for you.")),
				() -> faq))
			.as("a person's reply")
			.isFalse();
		assertThat(FollowUps.saidByHearth(List.of(), () -> faq)).as("nothing said").isFalse();
		assertThat(FollowUps.leansBack("is there a fee for paper bills?",
				List.of(new Turn(true, "how fast is fibre 900?")), () -> faq))
			.as("after a declined question")
			.isFalse();
	}

	@Test
	void aPhraseWithTheSamePrepositionReplacesThePreviousQuestions() {
		assertThat(FollowUps.substituted("and for mobile?", "what's the minimum contract length for fibre?"))
			.isEqualTo("what's the minimum contract length for mobile?");
		assertThat(FollowUps.substituted("what about in the US?", "Do I pay extra to use my phone in Spain?"))
			.isEqualTo("Do I pay extra to use my phone in the US?");
		assertThat(FollowUps.contextualise("and in Thailand?",
				List.of(new Turn(true, "How much does it cost to use my phone in the USA?"))))
			.isEqualTo("How much does it cost to use my phone in Thailand?");
	}

	@Test
	void noPhraseToReplaceLeavesTheFollowUpToBeReadWithTheConversation() {
		assertThat(FollowUps.substituted("and for mobile?", "how much notice do I have to give?")).isNull();
		assertThat(FollowUps.substituted("and the kids one?", "what does the Sports add-on cost?")).isNull();
		assertThat(FollowUps.substituted("and for mobile?", "what do I pay for fibre if I move house next year?"))
			.as("a phrase longer than a name")
			.isNull();
	}

	@Test
	void aQuestionAskedAgainOfAnotherPlaceIsNoRepeat() {
		List<Turn> history = List.of(new Turn(true, "How much does it cost to use my phone in the USA?"),
				new Turn(false, "Outside the EU a daily pass starts automatically."));
		assertThat(FollowUps.asksAgainOfAnother("and in Thailand?", history)).isTrue();
		assertThat(FollowUps.asksAgainOfAnother("how much is it?", history)).isFalse();
	}

}
