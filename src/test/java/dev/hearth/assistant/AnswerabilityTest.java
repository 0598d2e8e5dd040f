package dev.hearth.assistant;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnswerabilityTest {

	private final Answerability answerability = new Answerability(0.5);

	@Test
	void aSpanThatCoversTheTopicAndHasTheAskedKindOfFactAnswers() {
		String span = "Once we approve a refund, we process it within 5–7 working days.";
		assertThat(this.answerability.judge("how long does a refund take", span, span).answers()).isTrue();
	}

	@Test
	void pastedMarkupLinksAndAddressesAreNotTheQuestionsTopic() {
		String span = "The parental control PIN of your TV box is set in the TV menu under Settings > Parental control.";
		String question = "What is the parental control PIN? <img src=x onerror=\"a=1\"><script>b=2</script>"
				+ "[click](javascript:c=3) https://example.com/x?id=4 write to jane.doe.55@example.com";
		assertThat(Answerability.topicWords(question)).containsExactly("parental", "control", "pin", "click", "write");
		assertThat(this.answerability.judge(question, span, span).answers()).isTrue();
	}

	@Test
	void aNumberTheCustomerHasIsATopicAndOneAskedForIsAKindOfFact() {
		assertThat(Answerability.topicWords("can I keep my landline number if I switch to you?"))
			.containsExactly("keep", "landline", "switch", "number");
		assertThat(Answerability.topicWords("where do I find your account number?")).contains("account", "number");
		assertThat(Answerability.topicWords("what number do I call for support?")).doesNotContain("number");
		assertThat(Answerability.topicWords("how many numbers can I port?")).doesNotContain("number");
	}

	@Test
	void aFollowUpAsksTheKindOfFactItsOwnWordsAsk() {
		String context = "TV packages, channels and your TV Box > Add-ons\nSports: €20 per month";
		String span = "Sports: €20 per month";
		String asked = "what TV packages do you have? TV packages how much is the sports one";
		// read whole, the previous question's "do you have" asks whether "one" is offered
		assertThat(this.answerability.judge(asked, context, span).missing())
			.startsWith("whether something is offered is asked");
		assertThat(this.answerability.judge(asked, "how much is the sports one", context, span, Set.of()).answers())
			.isTrue();
		assertThat(this.answerability
			.judge(asked, "how much is the sports one",
					"TV packages > Add-ons\nThe Sports add-on brings the sports channels.",
					"The Sports add-on brings the sports channels.", Set.of())
			.missing()).isEqualTo("an amount is asked for and the passage has none");
	}

	@Test
	void anEllipticFollowUpAsksWhatTheQuestionBeforeItAsked() {
		String span = "Fibre 500 suits most families; Fibre 900 suits busy homes with gamers.";
		String asked = "how much is Fibre 500? what about the 900 one?";
		assertThat(this.answerability.judge(asked, "what about the 900 one?", span, span, Set.of()).missing())
			.isEqualTo("an amount is asked for and the passage has none");
	}

	@Test
	void aNumberTheQuestionNamesMustBeInThePassage() {
		String span = "Our plans: Fibre 150 €29.99, Fibre 500 €39.99, Fibre 2000 €69.99";
		assertThat(this.answerability.judge("How much is the Fibre 5000 plan?", span, span).missing())
			.isEqualTo("a number of the question is not in the passage");
		assertThat(this.answerability.judge("How much is the Fibre 2000 plan?", span, span).answers()).isTrue();
	}

	@Test
	void anAmountIsNeededWhenOneIsAskedFor() {
		String span = "You can take your broadband with you when you move house.";
		Answerability.Verdict verdict = this.answerability.judge("how much does moving my broadband cost", span, span);
		assertThat(verdict.answers()).isFalse();
		assertThat(verdict.missing()).isEqualTo("an amount is asked for and the passage has none");
	}

	@Test
	void aSimilarPassageOnAnotherTopicDoesNotAnswer() {
		String span = "We accept SEPA direct debit, cards, PayPal and bank transfer.";
		Answerability.Verdict verdict = this.answerability.judge("Can I pay my bill with Bitcoin at a shop?", span,
				span);
		assertThat(verdict.answers()).isFalse();
		assertThat(verdict.coverage()).isLessThan(0.5);
	}

	@Test
	void aNameTheQuestionMentionsMustBeAroundTheSpan() {
		// regression: "Which channel number is Netflix on?" was answered with the
		// parental PIN section
		String span = "Your 4-digit parental PIN protects age-restricted programmes, locked channels and purchases.";
		Answerability.Verdict verdict = this.answerability.judge("Which channel number is Netflix on?",
				"Parental controls\nYour parental PIN\n" + span, span);
		assertThat(verdict.answers()).isFalse();
		assertThat(verdict.missing()).isEqualTo(Answerability.NAME_MISSING);
	}

	@Test
	void namesAreCapitalisedMidSentenceOrInnerCapitalsNotAbbreviationsOrGermanNouns() {
		assertThat(Answerability.names("Can I pay with Bitcoin? Do you sell the iPhone 16?")).containsExactly("bitcoin",
				"iphone");
		assertThat(Answerability.names("Is the TV box in the EU price list? I'll ask Northwind."))
			.containsExactly("northwind");
		assertThat(Answerability.names("Wie richte ich eine eSIM am Router ein?")).isEmpty();
	}

	@Test
	void aMakeTheCustomerOwnsNeedNotBeNamedByATextAboutTheirOwnThingOfItsKind() {
		assertThat(Answerability.ownedNames("can I plug in the Fritzbox I already own instead of your hub?"))
			.containsExactly("fritzbox");
		assertThat(Answerability.ownedNames("Does my Netgear Orbi work with Northwind?")).containsExactly("netgear",
				"orbi");
		assertThat(Answerability.ownedNames("Do you sell the Fritzbox?")).isEmpty();
		String own = "Yes. If you use your own router, set it to IPoE on VLAN ID 10.";
		assertThat(this.answerability
			.judge("can I plug in the Fritzbox I already own instead of your hub?",
					"Can I plug in my own router instead of the Hub?\n" + own, own)
			.answers()).isTrue();
		String hub = "The Northwind Hub supports Wi-Fi 6 and has four Ethernet ports.";
		assertThat(this.answerability
			.judge("can I plug in the Fritzbox I already own instead of your hub?",
					"Can I plug in a router instead of the Hub?\n" + hub, hub)
			.missing()).isEqualTo(Answerability.NAME_MISSING);
		assertThat(this.answerability
			.judge("How do I set up the Fritzbox router?", "How do I set up my own router?\n" + own, own)
			.missing()).isEqualTo(Answerability.NAME_MISSING);
	}

	@Test
	void anEntryNarrowedToATimeDoesNotAnswerWhetherSomethingMayBeDoneAnyTime() {
		Answerability entries = Answerability.forFaqEntries();
		String coolingOff = "Yes. If you ordered online or by phone, you can cancel within 14 days without a reason.";
		String context = "Can I cancel within 14 days of ordering?\nchanged my mind, can I cancel\n" + coolingOff;
		assertThat(entries.judge("can I cancel my mobile plan anytime?", context, coolingOff).missing())
			.isEqualTo("the entry is narrowed to a time the question does not name");
		assertThat(entries.judge("can I cancel that whenever I want?", context, coolingOff).answers()).isFalse();
		assertThat(entries.judge("can I cancel my mobile plan within 14 days?", context, coolingOff).answers())
			.isTrue();
		String notice = "All Northwind services have a 30-day notice period.";
		assertThat(entries
			.judge("can I cancel anytime?", "What is the notice period to cancel?\nnotice period\n" + notice, notice)
			.answers()).isTrue();
	}

	@Test
	void aNameCommonToTheRetrievedPassagesDistinguishesNothing() {
		String span = "Porting codes are valid for 30 days.";
		assertThat(this.answerability.judge("How long is a Northwind porting code valid?", span, span).answers())
			.isFalse();
		assertThat(this.answerability
			.judge("How long is a Northwind porting code valid?", span, span, java.util.Set.of("northwind"))
			.answers()).isTrue();
	}

	@Test
	void anFaqEntryIsJudgedWithItsQuestionAndPhrasingsAndMustNameWhatWasAsked() {
		// regression: "Can I pay my bill with Bitcoin?" got the payment-methods entry
		dev.hearth.knowledge.FaqEntry entry = new dev.hearth.knowledge.FaqEntry("payment-methods",
				"How can I pay my bill?", java.util.List.of("which payment methods do you take"),
				"You can pay by SEPA direct debit, Visa or Mastercard, PayPal or bank transfer.", "en",
				java.util.Map.of());
		Answerability faq = Answerability.forFaqEntries();
		assertThat(faq.judge("Can I pay my bill with Bitcoin?", FaqAnswers.context(entry), entry.answer()).answers())
			.isFalse();
		// a paraphrase that shares few words with the entry is the router's judgement
		assertThat(faq.judge("what are my options for settling the invoice", FaqAnswers.context(entry), entry.answer())
			.answers()).isTrue();
	}

	@Test
	void anFaqEntryNeedsTheModelNumbersButNotTheCustomersOwnFigures() {
		// regression: "Speed tests give me 250 Mbps on Fibre 500" lost its right entry
		dev.hearth.knowledge.FaqEntry entry = new dev.hearth.knowledge.FaqEntry("speed", "What speed do you promise?",
				java.util.List.of(), "Each plan has a minimum speed: Fibre 150 100 Mbps, Fibre 500 350 Mbps.", "en",
				java.util.Map.of());
		Answerability faq = Answerability.forFaqEntries();
		assertThat(faq
			.judge("Speed tests give me 250 Mbps on Fibre 500. What's the lowest you promise?",
					FaqAnswers.context(entry), entry.answer())
			.answers()).isTrue();
		assertThat(faq.judge("What's the lowest speed on Fibre 5000?", FaqAnswers.context(entry), entry.answer())
			.missing()).isEqualTo("a number of the question is not in the passage");
		assertThat(Answerability.names("We had no broadband from Monday to Friday in May")).isEmpty();
	}

	@Test
	void anFaqEntryWithoutAnAmountDoesNotAnswerAQuestionThatAsksAPrice() {
		// found in a walk: "how much is it to get faster speeds" got the speed-guarantee
		// entry, which names speeds and no price
		dev.hearth.knowledge.FaqEntry guarantee = new dev.hearth.knowledge.FaqEntry("speed",
				"What if I don't get the speed I'm paying for?", java.util.List.of("minimum guaranteed speed"),
				"Each plan has a minimum guaranteed wired download speed: Fibre 500 - 350 Mbps.", "en",
				java.util.Map.of());
		dev.hearth.knowledge.FaqEntry notice = new dev.hearth.knowledge.FaqEntry("notice",
				"What is the notice period to cancel?", java.util.List.of("how much notice do I need to give"),
				"All services have a 30-day notice period.", "en", java.util.Map.of());
		dev.hearth.knowledge.FaqEntry prices = new dev.hearth.knowledge.FaqEntry("prices",
				"What fibre plans do you offer?", java.util.List.of(), "Fibre 500 (500 Mbps) costs €39.99 per month.",
				"en", java.util.Map.of());
		Answerability faq = Answerability.forFaqEntries();
		assertThat(faq.judge("how much is it to get faster speeds", FaqAnswers.context(guarantee), guarantee.answer())
			.missing()).isEqualTo("a price is asked for and the entry's answer has none");
		assertThat(
				faq.judge("what does it cost to get a faster speed?", FaqAnswers.context(guarantee), guarantee.answer())
					.answers())
			.isFalse();
		assertThat(
				faq.judge("how much is it to get faster speeds", FaqAnswers.context(prices), prices.answer()).answers())
			.isTrue();
		// "how much notice" asks a quantity, not a price
		assertThat(
				faq.judge("how much notice do I have to give?", FaqAnswers.context(notice), notice.answer()).answers())
			.isTrue();
	}

	@Test
	void whatTheFeeIsAsksAPriceAndWhetherThereIsOneDoesNot() {
		// found in the fourth walk: "whats the installation fee" got the entry on what
		// happens during the installation, which names no price
		dev.hearth.knowledge.FaqEntry visit = new dev.hearth.knowledge.FaqEntry("install",
				"What happens during the fibre installation?", java.util.List.of("how long does the install take"),
				"An engineer runs fibre into your home. It usually takes 2-4 hours.", "en", java.util.Map.of());
		dev.hearth.knowledge.FaqEntry payment = new dev.hearth.knowledge.FaqEntry("payment", "How can I pay my bill?",
				java.util.List.of(), "You can pay by direct debit or card. There's no fee for any method.", "en",
				java.util.Map.of());
		Answerability faq = Answerability.forFaqEntries();
		assertThat(faq.judge("whats the installation fee", FaqAnswers.context(visit), visit.answer()).missing())
			.isEqualTo("a price is asked for and the entry's answer has none");
		assertThat(faq.judge("What is the monthly cost of the install?", FaqAnswers.context(visit), visit.answer())
			.answers()).isFalse();
		// whether there is a fee is answered by "no fee"
		assertThat(faq.judge("is there a fee for paying by card?", FaqAnswers.context(payment), payment.answer())
			.answers()).isTrue();
	}

	@Test
	void aQuestionWhetherSomethingIsOfferedNeedsATextThatNamesAllOfIt() {
		// a discount entry that never names students does not say a student discount is
		// offered: its "Yes." would be a wrong answer
		dev.hearth.knowledge.FaqEntry entry = new dev.hearth.knowledge.FaqEntry("bundle",
				"Is there a discount for having fibre and mobile?", java.util.List.of("fibre and mobile discount"),
				"Yes. With an active fibre plan, every mobile line on the same account gets €4 off per month.", "en",
				java.util.Map.of());
		Answerability faq = Answerability.forFaqEntries();
		Answerability.Verdict student = faq.judge("Do you offer a student discount on fibre?",
				FaqAnswers.context(entry), entry.answer());
		assertThat(student.answers()).isFalse();
		assertThat(student.missing())
			.isEqualTo("whether something is offered is asked and the text never names 1 of its topic words");
		assertThat(faq.judge("Do you offer a discount for fibre and mobile?", FaqAnswers.context(entry), entry.answer())
			.answers()).isTrue();
		// the same question to a document span, which otherwise needs half its topic
		// words
		String span = "Bundle discount for fibre customers: €4 off every mobile line.";
		assertThat(this.answerability.judge("Do you have a student discount on fibre?", span, span).answers())
			.isFalse();
		// not a question whether something is offered: the share of topic words decides
		assertThat(this.answerability.judge("How does the student discount on fibre work?", span, span).answers())
			.isTrue();
	}

	@Test
	void anEntryAboutAnotherProductOfTheSameTopicDoesNotSayAPackageIsOffered() {
		// hand-found: "do you have tv packages?" got the extra-TV-box entry's "Yes. ..."
		dev.hearth.knowledge.FaqEntry box = new dev.hearth.knowledge.FaqEntry("tv-extra-box",
				"Can I have a TV box in another room?", java.util.List.of("second tv box"),
				"Yes. Extra TV Box 4K units cost €6 per month each, up to three boxes per home.", "en",
				java.util.Map.of());
		Answerability faq = Answerability.forFaqEntries();
		assertThat(faq.judge("do you have tv packages?", FaqAnswers.context(box), box.answer()).answers()).isFalse();
		String section = "TV Essentials — €10 per month: more than 80 channels.";
		assertThat(
				this.answerability.judge("do you have tv packages?", "TV\nTV packages\n" + section, section).answers())
			.isTrue();
	}

	@Test
	void anEntrysOwnPhrasingsSayWhatItOffers() {
		// found in a walk: "do you have unlimited data on mobile" was declined, although
		// the mobile plans entry, whose company wrote "how much is unlimited data" for
		// it, prices Mobile Unlimited
		dev.hearth.knowledge.FaqEntry plans = new dev.hearth.knowledge.FaqEntry("plans-mobile-prices",
				"What mobile plans do you have?", java.util.List.of("sim only deals", "how much is unlimited data"),
				"All our mobile plans are SIM-only: Mobile Lite 10 GB €8, Mobile Plus 50 GB €14 and Mobile Unlimited €22 per month.",
				"en", java.util.Map.of());
		Answerability faq = Answerability.forFaqEntries();
		assertThat(
				faq.judge("do you have unlimited data on mobile", FaqAnswers.context(plans), plans.answer()).answers())
			.isTrue();
		assertThat(faq.judge("do you sell phones on contract", FaqAnswers.context(plans), plans.answer()).answers())
			.as("a thing neither its phrasings nor its answer name stays unoffered")
			.isFalse();
	}

	@Test
	void aTextSayingTheThingIsNotOfferedAnswersHoweverTheQuestionQualifiesIt() {
		// hand-found in the browser: "do you have a shop in the city centre?" was
		// declined although the contact entry says "We don't have shops."
		String answer = "Call 0800 123 4567 (free), Mon–Fri 8:00–20:00. We don't have shops.";
		Answerability faq = Answerability.forFaqEntries();
		assertThat(faq.judge("do you have a shop in the city centre?", "Contact\nis there a shop\n" + answer, answer)
			.answers()).isTrue();
		assertThat(this.answerability.judge("do you have a shop in the city centre?", answer, answer).answers())
			.isTrue();
		// a condition is no statement that it is not offered, nor is another thing's
		String moving = "If we can't provide fibre at your new address, you can cancel without a fee.";
		assertThat(this.answerability.judge("Do you provide fibre in the countryside?", moving, moving).answers())
			.isFalse();
		assertThat(this.answerability
			.judge("Do you have a student discount on fibre?", "We don't have shops. Fibre 150 costs €29.99.",
					"We don't have shops. Fibre 150 costs €29.99.")
			.answers()).isFalse();
		assertThat(Answerability.statesNotOffered(Answerability.topicWords("do you sell my data to advertisers?"),
				"Privacy\n\nWe never sell your data."))
			.isTrue();
	}

	@Test
	void onlyQuestionsWhetherSomethingIsOfferedAreAskedForAllOfIt() {
		assertThat(Answerability.asksWhetherOffered("Do you offer a student discount?")).isTrue();
		assertThat(Answerability.asksWhetherOffered("do you have a 4G plan for villages")).isTrue();
		assertThat(Answerability.asksWhetherOffered("Is there a fee for paper bills?")).isFalse();
		assertThat(Answerability.asksWhetherOffered("Gibt es eine Gebühr für Papierrechnungen?")).isFalse();
		assertThat(Answerability.asksWhetherOffered("Do you have to pay extra for a paper bill?")).isFalse();
		assertThat(Answerability.asksWhetherOffered("How do I pay my bill?")).isFalse();
		assertThat(Answerability.asksWhetherOffered("do you do student discounts")).isTrue();
		assertThat(Answerability.asksWhetherOffered("Do you guys also do landlines?")).isTrue();
		assertThat(Answerability.asksWhetherOffered("how do you do a speed test")).isFalse();
		assertThat(Answerability.asksWhetherOffered("What do you do with my data?")).isFalse();
	}

	@Test
	void aQuestionWhetherThereIsAKindOfDiscountAsksForAllOfIt() {
		assertThat(Answerability.asksWhetherOffered("is there a student discount?")).isTrue();
		assertThat(Answerability.asksWhetherOffered("are there any deals for pensioners?")).isTrue();
		assertThat(Answerability.asksWhetherOffered("do I get a loyalty discount after two years")).isTrue();
		assertThat(Answerability.asksWhetherOffered("is there a data cap on fibre?")).isFalse();
		assertThat(Answerability.asksWhetherOffered("is there an outage in my area?")).isFalse();
		String bundle = "Yes. With an active Northwind fibre plan, every mobile line gets €4 off per month.";
		assertThat(this.answerability.judge("is there a student discount?", "Bundle discount\n" + bundle, bundle)
			.answers()).isFalse();
	}

	@Test
	void rejectsAnImpossibleCoverage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Answerability(1.5))
			.withMessage("minCoverage must be between 0 and 1, got 1.5");
	}

	@Test
	void anFaqEntryThatNeverNamesTheEventAStatementReportsDoesNotAnswerIt() {
		// found in walk8: "I never received my router" got the entry on the Hub's lights
		dev.hearth.knowledge.FaqEntry lights = new dev.hearth.knowledge.FaqEntry("router-lights",
				"What do the lights on my Hub mean?", java.util.List.of("my router light is red"),
				"Solid white means your Hub is connected and working. Flashing red: no signal from the fibre box.",
				"en", java.util.Map.of());
		dev.hearth.knowledge.FaqEntry wifi = new dev.hearth.knowledge.FaqEntry("wifi-slow",
				"My Wi-Fi is slow or keeps dropping. What can I do?", java.util.List.of("wifi cuts out"),
				"Restart your Hub and place it centrally. Interference from other devices slows it down.", "en",
				java.util.Map.of());
		Answerability faq = Answerability.forFaqEntries();
		assertThat(faq.judge("I never received my router", FaqAnswers.context(lights), lights.answer()).missing())
			.isEqualTo("the question reports an event the entry never names");
		// an event the entry names (a stem that starts one of its words) and what the
		// customer did about it are no unnamed event
		assertThat(
				faq.judge("my hub light flashed red all night", FaqAnswers.context(lights), lights.answer()).answers())
			.isTrue();
		assertThat(
				faq.judge("why has my router stopped working?", FaqAnswers.context(lights), lights.answer()).answers())
			.isTrue();
		assertThat(faq.judge("my wifi keeps dropping, I tried everything", FaqAnswers.context(wifi), wifi.answer())
			.answers()).isTrue();
		assertThat(faq.judge("my wifi slowed down this week", FaqAnswers.context(wifi), wifi.answer()).answers())
			.isTrue();
		// a question's words were judged by the router ("partially sighted" is no event)
		assertThat(Answerability.eventsUnsaid("I'm partially sighted. Can my bills be sent in braille?", "bills"))
			.isEmpty();
		assertThat(Answerability.eventsUnsaid("the engineer is booked for thursday, can i move it", "engineer"))
			.isEmpty();
		assertThat(Answerability.eventsUnsaid("the engineer damaged my wall during the installation",
				"Before the engineer arrives: a small 10 mm hole in the outside wall."))
			.containsExactly("damag");
		assertThat(Answerability.eventsUnsaid("I need speed", "speed")).isEmpty();
		// a few irregular past forms that report a loss or an absence count too
		assertThat(Answerability.eventsUnsaid("my hub was stolen", "What do the lights on my Hub mean?"))
			.containsExactly("stolen");
		assertThat(Answerability.eventsUnsaid("my number was given to someone else", "give us your porting code"))
			.isEmpty();
	}

	@Test
	void aFollowUpThatNamesAThingOfItsOwnNeedsNotThePreviousQuestionsNumber() {
		// "and is installation free?" after "how much is Fibre 500?" (ADR 0085)
		String asked = "how much is Gym 500? and is the induction free?";
		String span = "The induction, free on 12-month plans.";
		assertThat(Answerability.ownsItsThing("and is the induction free?")).isTrue();
		assertThat(this.answerability
			.judge(asked, "and is the induction free?", "Membership\nWhat's included\n" + span, span,
					java.util.Set.of())
			.answers()).isTrue();
		assertThat(
				this.answerability.judge(asked, asked, "Membership\nWhat's included\n" + span, span, java.util.Set.of())
					.answers())
			.as("read as one question, the number is asked")
			.isFalse();
	}

	@Test
	void aFollowUpThatPointsBackCarriesThePreviousQuestionsNumber() {
		assertThat(Answerability.ownsItsThing("does it come with a locker for free?")).isFalse();
		assertThat(Answerability.ownsItsThing("is a locker included with that?")).isFalse();
		assertThat(Answerability.ownsItsThing("what about the 900 one?")).isFalse();
		String asked = "how much is Gym 500? is a locker included with that?";
		String span = "A locker with Gym 900.";
		assertThat(this.answerability
			.judge(asked, "is a locker included with that?", "Membership\n" + span, span, java.util.Set.of())
			.answers()).isFalse();
	}

}
