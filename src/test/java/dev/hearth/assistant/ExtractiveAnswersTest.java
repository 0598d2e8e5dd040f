package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveAnswersTest {

	@Test
	void theAnswerIsOneSpanOfOneSectionWithItsHeadingAndOneCitation() {
		Passage moving = passage("a", "Moving house", "Moving house > Before you move",
				"We are sorry to see you go. Tell us about your move at least four weeks ahead. "
						+ "An engineer then connects your new home on the day you arrive. Our shop sells routers.");
		Passage fees = passage("b", "Fees", "", "Moving your fibre service to a new home is free of charge.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers
			.compose("how early must I tell you about my move to a new home", List.of(moving, fees), 3, Locale.ENGLISH);
		assertThat(composed.text()).startsWith("**Before you move**\n\nTell us about your move at least four weeks")
			.contains("connects your new home")
			.doesNotContain("sorry")
			.doesNotContain("free of charge")
			.endsWith(" [1]");
		assertThat(composed.citations()).hasSize(1);
		assertThat(composed.citations().get(0).source()).isEqualTo("docs/a.md");
	}

	@Test
	void theSubSectionThatMatchesTheQuestionBeatsTheGeneralOne() {
		Passage general = passage("refunds", "Refunds and compensation",
				"Refunds and compensation > How refunds are paid",
				"Refunds go back to the payment method you used. Once we approve a refund, we process it within 5–7 working days.");
		Passage twice = passage("refunds", "Refunds and compensation",
				"Refunds and compensation > Common reasons for a refund > You paid twice or paid too much",
				"If you paid a bill twice, or paid more than you owed, the extra amount sits as a credit on your account.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("Charged twice", List.of(general, twice), 3,
				Locale.ENGLISH);
		assertThat(composed.text()).startsWith("**You paid twice or paid too much**").contains("extra amount");
	}

	@Test
	void aSignpostSectionAnswersWhetherButNotHow() {
		Passage signpost = passage("mobile-plans", "Mobile plans", "Mobile plans > Keeping your number",
				"You can bring your number from another provider. See Number porting for how it works.");
		Passage porting = passage("porting", "Keeping your number (number porting)",
				"Keeping your number (number porting) > Bringing your number to Northwind",
				"Get a porting code from your current provider. Give us the code when you order your mobile plan.", 2,
				0.7);
		assertThat(ExtractiveAnswers
			.compose("how do I bring my number from another provider", List.of(signpost, porting), 3, Locale.ENGLISH)
			.text()).startsWith("**Bringing your number to Northwind**");
		assertThat(ExtractiveAnswers
			.compose("can I bring my number from another provider", List.of(signpost, porting), 3, Locale.ENGLISH)
			.text()).startsWith("**Keeping your number**");
		assertThat(ExtractiveAnswers
			.compose("how do I bring my number from another provider", List.of(signpost), 3, Locale.ENGLISH)
			.text()).as("the page it points to was not found: its statement is all there is")
			.startsWith("**Keeping your number**");
	}

	@Test
	void aSpanThatStartsWithAListItemTakesTheListsLeadIn() {
		Passage leaving = passage("porting", "Keeping your number (number porting)",
				"Keeping your number (number porting) > Taking your number to another provider",
				"Request your porting code:\n\nin the Northwind app under Mobile > Leave and keep my number,\n\n"
						+ "by texting PORT to 2580 (free), or\n\nby calling 150 from your Northwind mobile.\n\n"
						+ "Give the code to your new provider.");
		String text = ExtractiveAnswers
			.compose("switching to another mobile company but I want to keep my number", List.of(leaving), 3,
					Locale.ENGLISH)
			.text();
		assertThat(text).contains("Request your porting code:").contains("by texting PORT to 2580");
	}

	@Test
	void aSentenceThatOnlySendsTheReaderElsewhereIsNeverTheAnswer() {
		Passage pointer = passage("payments", "Payment methods", "Payment methods > Failed payments",
				"See Your bill and invoices for what happens if a bill stays unpaid.");
		Passage late = passage("invoices", "Your bill and invoices",
				"Your bill and invoices > If you can't pay on time",
				"If you can't pay your bill by its due date, we remind you. After 14 days a late payment fee of €7.50 is added.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("what happens if I don't pay my bill",
				List.of(pointer, late), 3, Locale.ENGLISH);
		assertThat(composed.text()).startsWith("**If you can't pay on time**").doesNotContain("See Your bill");
		assertThat(ExtractiveAnswers.compose("what happens if a bill stays unpaid", List.of(pointer), 3, Locale.ENGLISH)
			.text()).as("nothing else to say: no answer").isEmpty();
	}

	@Test
	void aSentenceThatOnlySaysWhatItsPageIsAboutIsNeverTheAnswer() {
		// found in a walk: "is there a contract or can I leave whenever" got the contract
		// page's opening sentence, which says what the page explains and nothing else
		Passage intro = passage("contract", "Contract, notice period and cancellation",
				"Contract, notice period and cancellation",
				"This page explains how long your contract lasts, how to cancel, and what it costs to leave early.");
		Passage terms = passage("contract", "Contract, notice period and cancellation",
				"Contract, notice period and cancellation > Minimum terms",
				"Fibre broadband has a 24-month minimum term, or a 1-month rolling contract for €5 more per month.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("how long does my contract last",
				List.of(intro, terms), 3, Locale.ENGLISH);
		assertThat(composed.text()).startsWith("**Minimum terms**").doesNotContain("This page explains");
		assertThat(
				ExtractiveAnswers.compose("how long does my contract last", List.of(intro), 3, Locale.ENGLISH).text())
			.isEmpty();
	}

	@Test
	void aTableStaysWhole() {
		Passage plans = passage("plans", "Plans", "Plans > Prices",
				"All prices are per month.\n\nPlan | Speed | Price\n\nFibre 150 | 150 Mbps | €29.99\n\n"
						+ "Fibre 500 | 500 Mbps | €39.99\n\nFibre 900 | 900 Mbps | €49.99");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("price of fibre 500", List.of(plans), 1,
				Locale.ENGLISH);
		assertThat(composed.text()).contains("Plan | Speed | Price\nFibre 150 | 150 Mbps | €29.99\n")
			.contains("Fibre 900 | 900 Mbps | €49.99");
	}

	@Test
	void aHowToQuestionGetsTheStepsThatFollowTheProceduresIntroduction() {
		String text = "If nothing else works, reset the Hub. This restores the Wi-Fi name on the sticker.\n\n"
				+ "Make sure the Hub is switched on.\n\n"
				+ "Press and hold the reset pinhole with a paperclip for 15 seconds.\n\n"
				+ "Release it and wait up to 10 minutes for the light to turn white.";
		Passage reset = passage("wifi", "Wi-Fi troubleshooting", "Wi-Fi troubleshooting > Reset the Hub", text);
		assertThat(
				ExtractiveAnswers.compose("how do i factory reset the hub", List.of(reset), 1, Locale.ENGLISH).text())
			.contains("reset the Hub")
			.contains("15 seconds")
			.contains("turn white");
		// a question that does not ask how keeps the short span
		assertThat(ExtractiveAnswers.compose("does a reset change the Wi-Fi name", List.of(reset), 1, Locale.ENGLISH)
			.text()).doesNotContain("15 seconds");
	}

	@Test
	void aQuestionForWhatAShortSectionIsAboutGetsTheWholeSection() {
		String text = "TV Essentials — €10 per month: more than 80 channels, 20 of them in HD.\n\n"
				+ "TV Entertainment — €18 per month: more than 140 channels, 60 in HD.\n\n"
				+ "TV packages have a 12-month minimum term. For the full channel list, see the channel guide.";
		Passage packages = passage("tv", "TV", "TV packages, channels and your TV Box > TV packages", text);
		// regression: the answer was the one sentence repeating the heading's words
		assertThat(
				ExtractiveAnswers.compose("what tv packages are there?", List.of(packages), 1, Locale.ENGLISH).text())
			.contains("€10 per month")
			.contains("€18 per month")
			.contains("12-month minimum term");
		// a question about one fact of the section keeps its span
		assertThat(ExtractiveAnswers.compose("minimum term of the tv packages", List.of(packages), 1, Locale.ENGLISH)
			.text()).contains("12-month minimum term").doesNotContain("€18 per month");
		// a question whose words the heading does not name is not asking for the section
		assertThat(ExtractiveAnswers.asksForTheSection("how many channels in hd", "TV > TV packages",
				ExtractiveAnswers.units(text, Locale.ENGLISH), ""))
			.isFalse();
		// nor does a question for one fact of it ask for all of it
		assertThat(ExtractiveAnswers.asksForTheSection("how much are the tv packages", "TV > TV packages",
				ExtractiveAnswers.units(text, Locale.ENGLISH), ""))
			.isFalse();
		// nor is a long section given whole
		assertThat(ExtractiveAnswers.asksForTheSection("tv packages", "TV > TV packages",
				ExtractiveAnswers.units(text.repeat(4), Locale.ENGLISH), ""))
			.isFalse();
	}

	@Test
	void aQuestionHowAThingWorksGetsAllItsSteps() {
		Passage steps = passage("referral", "Refer a friend", "Refer a friend > How it works",
				"1. Find your personal referral link in the Northwind app under Account > Refer a friend.\n"
						+ "2. Share it with a friend. They must order a Northwind fibre plan using your link.\n"
						+ "3. When your friend's service has been active for 30 days, you both get a €50 credit on your bills.");
		assertThat(ExtractiveAnswers.compose("how does the referral programme work?", List.of(steps), 3, Locale.ENGLISH)
			.text()).contains("referral link").contains("€50 credit");
	}

	@Test
	void aQuestionForAWholeSetGetsTheWholeListNotTheItemThatMatchedBest() {
		String text = "Unlimited data with no traffic management.\n\n"
				+ "A Northwind Hub 3 (Wi-Fi 6) with Fibre 150, 500 and 900, or a Hub 4 with Fibre 2000.\n\n"
				+ "One Mesh Pod Wi-Fi extender included with Fibre 900 and Fibre 2000. Extra Mesh Pods cost €4 per month each.\n\n"
				+ "SafeHome network filter, free.\n\n"
				+ "Standard installation, free on 24-month plans. On 1-month rolling plans a one-off setup fee of €49 applies.";
		Passage included = passage("plans", "Fibre broadband plans and prices",
				"Fibre broadband plans and prices > What's included", text);
		// regression: the Mesh Pod item alone, as if it were all fibre 900 includes
		assertThat(ExtractiveAnswers.compose("what's included with fibre 900", List.of(included), 1, Locale.ENGLISH)
			.text()).contains("Unlimited data").contains("Mesh Pod").contains("SafeHome").contains("setup fee of €49");
		// a question for one fact of the list keeps its span
		assertThat(
				ExtractiveAnswers.compose("is a mesh pod included with fibre 900", List.of(included), 1, Locale.ENGLISH)
					.text())
			.contains("Mesh Pod")
			.doesNotContain("Unlimited data");
		List<ExtractiveAnswers.Unit> units = ExtractiveAnswers.units(text, Locale.ENGLISH);
		String section = "Fibre broadband plans and prices > What's included";
		assertThat(ExtractiveAnswers.asksForTheSet("what's included with fibre 900", section, units, "")).isTrue();
		// nor is the set given again when the previous answer said part of it
		assertThat(ExtractiveAnswers.asksForTheSet("what's included with fibre 900", section, units,
				AnswerGrade.normalise("SafeHome network filter, free.")))
			.isFalse();
		// nor when the section's heading names none of the question's words
		assertThat(
				ExtractiveAnswers.asksForTheSet("what's included with fibre 900", "Fibre plans > Add-ons", units, ""))
			.isFalse();
		// nor is a long section given whole
		assertThat(ExtractiveAnswers.asksForTheSet("what's included with fibre 900", section,
				ExtractiveAnswers.units(text.repeat(3), Locale.ENGLISH), ""))
			.isFalse();
	}

	@Test
	void aSpanThatStartsAtAListItemStartsAtTheListsLeadInAndTakesTheListAlong() {
		String text = "Monthly plans are charged in advance. Your first bill includes:\n\n"
				+ "A part-month charge (pro-rata) from the day your service started to your first bill date.\n\n"
				+ "The full monthly charge for the next month, in advance.\n\n"
				+ "Any one-off charges, such as the €49 setup fee on 1-month rolling fibre plans.";
		Passage bill = passage("bill", "Your bill", "Your bill and invoices > Why is my first bill higher?", text);
		// regression: the first of the three reasons alone, without what it is a reason
		// of
		assertThat(ExtractiveAnswers.compose("why is my bill higher than last month", List.of(bill), 1, Locale.ENGLISH)
			.text()).contains("Your first bill includes:")
			.contains("A part-month charge")
			.contains("The full monthly charge")
			.contains("€49 setup fee");
		List<ExtractiveAnswers.Unit> units = ExtractiveAnswers.units(text, Locale.ENGLISH);
		assertThat(ExtractiveAnswers.withLeadIn(units, 3, "")).isEqualTo(1);
		// the lead-in said already: the span starts where it did
		assertThat(ExtractiveAnswers.withLeadIn(units, 3, AnswerGrade.normalise("Your first bill includes:")))
			.isEqualTo(3);
		// a sentence of a paragraph is no list item
		assertThat(ExtractiveAnswers.withLeadIn(units, 1, "")).isEqualTo(1);
	}

	@Test
	void aHowToQuestionWhoseBestSpanIsOneStepGetsTheProcedureFromItsIntroduction() {
		String text = "If nothing else works, reset the Hub. This restores the Wi-Fi name on the sticker.\n\n"
				+ "Make sure the Hub is switched on.\n\n"
				+ "Press and hold the reset pinhole with a paperclip for 15 seconds.\n\n"
				+ "Release it and wait up to 10 minutes for the light to turn white.";
		Passage reset = passage("wifi", "Wi-Fi troubleshooting", "Wi-Fi troubleshooting > Reset the Hub", text);
		// "pinhole" names the second step only
		assertThat(ExtractiveAnswers
			.compose("how do I reset my router with the pinhole", List.of(reset), 1, Locale.ENGLISH)
			.text()).contains("If nothing else works, reset the Hub.")
			.contains("switched on")
			.contains("15 seconds")
			.contains("turn white");
		assertThat(
				ExtractiveAnswers.compose("does the pinhole reset need a paperclip", List.of(reset), 1, Locale.ENGLISH)
					.text())
			.as("a question that does not ask how keeps the step")
			.doesNotContain("If nothing else works");
	}

	@Test
	void anAnswerNeverStartsMidThought() {
		Passage contact = passage("c", "Contact us", "Contact us > Faults",
				"Report a fault in the app under Help. Or call the fault line on 0800 123 4570, day and night.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("fault line phone", List.of(contact), 1,
				Locale.ENGLISH);
		assertThat(composed.text()).contains("Report a fault in the app under Help. Or call the fault line");
	}

	@Test
	void aListsLeadInTakesTheListAlong() {
		Passage fees = passage("f", "Contract", "Contract > Returning your equipment",
				"Send back your equipment within 30 days, otherwise non-return fees apply:\n\nHub: €60\n\n"
						+ "TV Box 4K: €80 each\n\nYou don't need to return the ONT.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("non-return fees equipment", List.of(fees), 1,
				Locale.ENGLISH);
		assertThat(composed.text()).contains("fees apply:\n\nHub: €60\n\nTV Box 4K: €80 each");
		ExtractiveAnswers.Composed hub = ExtractiveAnswers.compose("non-return fees equipment hub", List.of(fees), 2,
				Locale.ENGLISH);
		assertThat(hub.text()).as("also when the window reaches into the list")
			.contains("fees apply:\n\nHub: €60\n\nTV Box 4K: €80 each");
	}

	@Test
	void citationsCarryNoSiteNameAndTheAnswerDoesNotRepeatThePreviousOne() {
		Passage speed = passage("s", "Testing your speed | Northwind Fibre Help", "Testing your speed > Minimum",
				"Fibre 500 has a minimum speed of 350 Mbps. Tell us if your speed is below the minimum on three days.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("minimum speed fibre 500", List.of(speed), 1,
				Locale.ENGLISH, "Fibre 500 has a minimum speed of 350 Mbps. [1]");
		assertThat(composed.citations().get(0).title()).isEqualTo("Testing your speed");
		assertThat(composed.text()).doesNotContain("350 Mbps").contains("below the minimum");
	}

	@Test
	void aFollowUpsAnswerSaysNothingThePreviousAnswerSaid() {
		// "and how long does that take?" after the answer about paying twice: the
		// refund's duration, not the credit sentence again (issue 11 item 5)
		Passage twice = passage("r", "Refunds", "Refunds > You paid twice",
				"If you paid a bill twice, the extra amount sits as a credit on your account. "
						+ "Ask us to refund it. We refund it within 5 working days.");
		String previous = "**You paid twice**\n\nIf you paid a bill twice, the extra amount sits as a credit on "
				+ "your account. Ask us to refund it. [1]";
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose(
				"I paid my bill twice You paid twice and how long does that take to refund", List.of(twice), 3,
				Locale.ENGLISH, previous);
		assertThat(composed.text()).contains("within 5 working days")
			.doesNotContain("sits as a credit")
			.doesNotContain("Ask us to refund it");
	}

	@Test
	void withNoSharedWordsThereIsNoAnswer() {
		Passage passage = passage("a", "Router", "", "Unplug it for thirty seconds. Plug it back in. Wait.");
		assertThat(ExtractiveAnswers.compose("xyzzy", List.of(passage), 3, Locale.ENGLISH).text()).isEmpty();
	}

	@Test
	void withTheFittedWeightsTheSectionNamingTheRareWordBeatsABetterRankedGeneralOne() {
		// both retrievers rank the general section first; only the other names "twice"
		Passage general = passage("billing", "Your bill", "Your bill > Paying your bill",
				"You pay your bill by direct debit on the 1st. If a payment fails we try again after five days.", 1,
				0.72);
		Passage twice = passage("refunds", "Refunds", "Refunds > You paid twice",
				"If you paid a bill twice, the extra amount sits as a credit on your account.", 3, 0.61);
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("I paid my bill twice, what now?", null,
				List.of(general, twice), 3, Locale.ENGLISH, "", null, ExtractiveAnswers.FITTED_WEIGHTS);
		assertThat(composed.text()).startsWith("**You paid twice**").contains("credit on your account");
	}

	@Test
	void aSpanThatScoresBelowTheFittedLeastScoreWouldNotAnswer() {
		// one topic word of four, in a passage both retrievers rank low
		Passage far = passage("tv", "TV packages", "TV packages > Channels",
				"The Kids package has 12 channels for children.", 4, 0.5);
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose(
				"can my landlord stop me installing a satellite dish for kids", null, List.of(far), 3, Locale.ENGLISH,
				"", null, ExtractiveAnswers.FITTED_WEIGHTS);
		assertThat(composed.text()).isNotEmpty();
		assertThat(composed.score()).isLessThan(ExtractiveAnswers.FITTED_MIN_SCORE);
	}

	@Test
	void theHandWeightsStillChooseAsBefore() {
		Passage moving = passage("a", "Moving house", "Moving house > Before you move",
				"Tell us about your move at least four weeks ahead. Our shop sells routers.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("move four weeks", null, List.of(moving), 3,
				Locale.ENGLISH, "", null, ExtractiveAnswers.HAND_WEIGHTS);
		assertThat(composed.text()).contains("four weeks ahead.").doesNotContain("routers");
	}

	@Test
	void thePassageTheRetrievalFoundCloserOutweighsAWordRepeatedInTheSpan() {
		// both sections name both topic words around the span (the page title and the
		// heading); the far one repeats "plates" in the span itself
		Passage far = passage("plates", "Replacing plates", "Replacing plates > Lost plates",
				"Lost plates are replaced at any office.", 2, 0.5);
		Passage close = passage("plates", "Replacing plates", "Replacing plates > Stolen plates",
				"Stolen ones are replaced once you have a police report.", 1, 0.9);
		String question = "how are plates replaced";
		assertThat(ExtractiveAnswers.compose(question, null, List.of(far, close), 3, Locale.ENGLISH, "", null).text())
			.startsWith("**Stolen plates**");
		assertThat(ExtractiveAnswers
			.compose(question, null, List.of(far, close), 3, Locale.ENGLISH, "", null, ExtractiveAnswers.HAND_WEIGHTS)
			.text()).startsWith("**Lost plates**");
	}

	@Test
	void aSpanLackingWhatIsAskedGivesWayToTheNextPassagesSpan() {
		Passage about = passage("fees", "Fees", "Fees > About our fees",
				"Our fees for photo documents are listed on the fees page.", 1, 0.75);
		Passage amount = passage("icons", "Photo documents", "Photo documents > Icons",
				"Adding an icon to a photo document costs $5 per icon.", 2, 0.6);
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.composeHolding(
				"is there a fee for icons on a photo document", null, List.of(about, amount), 3, Locale.ENGLISH, "",
				null, (c) -> c.span().text().contains("$"));
		assertThat(composed.text()).startsWith("**Icons**").contains("$5 per icon");
	}

	@Test
	void whenNoSpanHoldsWhatIsAskedTheFirstIsReturned() {
		Passage about = passage("fees", "Fees", "Fees > About our fees",
				"Our fees for photo documents are listed on the fees page.", 1, 0.75);
		Passage other = passage("icons", "Photo documents", "Photo documents > Icons",
				"Icons can be added to a photo document.", 2, 0.6);
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.composeHolding(
				"is there a fee for icons on a photo document", null, List.of(about, other), 3, Locale.ENGLISH, "",
				null, (c) -> false);
		assertThat(composed.text()).isEqualTo(ExtractiveAnswers
			.compose("is there a fee for icons on a photo document", List.of(about, other), 3, Locale.ENGLISH)
			.text());
	}

	@Test
	void aHeadingThatNamesTheKindOfFactAskedIsReadWithItsItems() {
		// "Channel numbers" lists the numbers; its item "301-349: Kids" need not repeat
		// "channel" to beat a sentence elsewhere that only mentions kids' channels
		Passage mode = passage("controls", "Parental controls", "Parental controls > Other TV settings",
				"Kids mode: the box only shows the Kids channels.", 2, 0.49);
		Passage numbers = passage("tv", "TV", "TV > Channel numbers", "101-199: Entertainment\n\n301-349: Kids", 1,
				0.57);
		assertThat(ExtractiveAnswers.compose("kids channel numbers", List.of(mode, numbers), 1, Locale.ENGLISH).text())
			.startsWith("**Channel numbers**")
			.contains("301-349: Kids");
		// ADR 0086 amends ADR 0082: a labelled row whose label the question names is read
		// with a heading that names another of its words, kind of fact or not: the
		// heading
		// is the list's column
		assertThat(ExtractiveAnswers.compose("kids channels", List.of(mode, numbers), 1, Locale.ENGLISH).text())
			.startsWith("**Channel numbers**")
			.contains("301-349: Kids");
		assertThat(
				ExtractiveAnswers.compose("what does kids mode do", List.of(mode, numbers), 1, Locale.ENGLISH).text())
			.as("the heading names no other word of the question: not the row's column")
			.startsWith("**Other TV settings**");
	}

	@Test
	void aSpansStatedTextCarriesItsHeadingsFact() {
		Passage guide = passage("guide", "TV guide", "TV guide > Film pass - €12 per month", "• 504 Classic Films");
		assertThat(new ExtractiveAnswers.Span(guide, "Film pass - €12 per month", "• 504 Classic Films").stated())
			.isEqualTo("Film pass - €12 per month\n• 504 Classic Films");
	}

	@Test
	void aSpansHeadingNamesTheQuestionsTopicByItsOwnWordsOnly() {
		Passage guide = passage("guide", "TV guide", "TV packages and channel guide > Recording and catch-up",
				"The TV Box 4K stores about 300 hours of HD recordings.");
		ExtractiveAnswers.Span recording = new ExtractiveAnswers.Span(guide, "Recording and catch-up",
				"The TV Box 4K stores about 300 hours of HD recordings.");
		assertThat(recording.headingNamesAny(Answerability.topicWords("can I record programmes"))).isTrue();
		// the span's text and the page's title are not its heading
		assertThat(recording.headingNamesAny(Answerability.topicWords("how many hours does the box store"))).isFalse();
		assertThat(recording.headingNamesAny(Answerability.topicWords("which tv channels are there"))).isFalse();
		assertThat(recording.headingNamesAny(java.util.Set.of())).isFalse();
		assertThat(new ExtractiveAnswers.Span(guide, "", "Text.")
			.headingNamesAny(Answerability.topicWords("can I record programmes"))).isFalse();
	}

	@Test
	void aSpanIsFirstByWordsWhenBm25RanksItsPassageFirstAmongTheDocuments() {
		String text = "There's one exception: if you switch to another provider, you pay only until the switch date.";
		Passage first = passage("contract", "Contract", "Contract > Notice period", text, 1, 0.325);
		Passage second = passage("contract", "Contract", "Contract > Notice period", text, 2, 0.6);
		Passage unranked = passage("contract", "Contract", "Contract > Notice period", text, 0, 0.6);
		assertThat(new ExtractiveAnswers.Span(first, "Notice period", text).firstByWords()).isTrue();
		// the vector's rank or similarity does not make it first by its words
		assertThat(new ExtractiveAnswers.Span(second, "Notice period", text).firstByWords()).isFalse();
		// 0: not in BM25's list at all
		assertThat(new ExtractiveAnswers.Span(unranked, "Notice period", text).firstByWords()).isFalse();
	}

	@Test
	void aSpanCoversTheTopicWordsItsTitleSectionPathAndTextName() {
		String text = "There's one exception: if you switch to another provider, you pay only until the switch date.";
		Passage notice = passage("contract", "Contract, notice period and cancellation",
				"Contract, notice period and cancellation > Notice period", text);
		ExtractiveAnswers.Span span = new ExtractiveAnswers.Span(notice, "Notice period", text);
		// switching, another, provider: in the span; still: nowhere ("charged" only asks
		// a
		// kind of fact)
		assertThat(span.covers(Answerability.topicWords("I was still charged after switching to another provider")))
			.isEqualTo(0.75);
		// notice, period: in the section path
		assertThat(span.covers(Answerability.topicWords("what is the notice period"))).isEqualTo(1.0);
		assertThat(span.covers(Answerability.topicWords("who won the football match"))).isEqualTo(0.0);
		assertThat(span.covers(java.util.Set.of())).isEqualTo(1.0);
	}

	private static Passage passage(String name, String title, String section, String text) {
		return passage(name, title, section, text, 1, 0.8);
	}

	@Test
	void aSpanThatEndsWithAQuestionTakesTheSentenceThatRepliesToIt() {
		List<ExtractiveAnswers.Unit> units = ExtractiveAnswers
			.units("What happens if my licence expires while I am on active duty? Your licence stays valid for 60 days "
					+ "after you return. You must show proof of service.", Locale.ENGLISH);
		assertThat(ExtractiveAnswers.withReply(units, 0, "")).isEqualTo(1);
		assertThat(ExtractiveAnswers.withReply(units, 1, "")).as("no question: unchanged").isEqualTo(1);
		assertThat(ExtractiveAnswers.withReply(units, 0, AnswerGrade.normalise(units.get(1).text())))
			.as("the reply was the previous answer")
			.isZero();
		List<ExtractiveAnswers.Unit> questions = ExtractiveAnswers
			.units("Can I renew early? Can I renew online? Yes, in your account.", Locale.ENGLISH);
		assertThat(ExtractiveAnswers.withReply(questions, 0, "")).as("another question follows").isZero();
	}

	@Test
	void theFittedWindowWeightsOnlyWidenTheWindowTheWeightsInUseChose() {
		Passage licence = passage("licence", "Renew your licence", "Renew your licence > Renewing online",
				"You can renew online if your licence expires within 60 days. Have your licence number ready. "
						+ "The renewal fee is $32.50 and is paid by card. Your new licence arrives by mail within "
						+ "two weeks.",
				1, 0.82);
		Passage address = passage("address", "Change your address", "Change your address > Licence",
				"Tell us within 10 days when you move. The licence itself is not reprinted.", 2, 0.7);
		for (String question : List.of("how much is the fee to renew my licence online",
				"when does the renewed licence arrive", "do I need to tell you when I move")) {
			ExtractiveAnswers.Composed inUse = ExtractiveAnswers.compose(question, null, List.of(licence, address), 3,
					Locale.ENGLISH, "", null, (window) -> window.score(ExtractiveAnswers.WEIGHTS));
			ExtractiveAnswers.Composed composed = widened(question, List.of(licence, address));
			assertThat(composed.citations().get(0).source()).as(question).isEqualTo(inUse.citations().get(0).source());
		}
		assertThat(widened("how much is the fee to renew my licence online", List.of(licence, address)).text())
			.contains("$32.50")
			.contains(ExtractiveAnswers
				.compose("how much is the fee to renew my licence online", List.of(licence, address), 3, Locale.ENGLISH)
				.span()
				.text());
	}

	private static ExtractiveAnswers.Composed widened(String question, List<Passage> passages) {
		return ExtractiveAnswers.compose(question, null, passages, 3, Locale.ENGLISH, "", null,
				(window) -> window.score(ExtractiveAnswers.WEIGHTS),
				(window) -> window.score(ExtractiveAnswers.WINDOW_WEIGHTS));
	}

	private static Passage passage(String name, String title, String section, String text, int rank,
			double similarity) {
		SearchHit hit = new SearchHit(name + section.hashCode(), "doc-" + name, name, PassageKind.DOCUMENT_CHUNK,
				"docs/" + name + ".md", title, section, text, "/kb/documents/doc-" + name + "#chunk-0", "en", Map.of(),
				1, rank, rank, (float) similarity);
		return new Passage(hit, similarity);
	}

}
