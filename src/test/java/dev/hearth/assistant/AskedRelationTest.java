package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskedRelationTest {

	private static final String SAFEHOME = "SafeHome filters websites for every device connected to your Northwind Hub "
			+ "— phones, tablets, laptops and games consoles.";

	private static final String ADD_ONS = "- **Fibre Voice** home phone: €5 per month, including unlimited calls to "
			+ "national landlines.\n- **Mesh Pod**: €4 per month each.";

	private static final String CARD = "We accept Visa and Mastercard (debit and credit). We do not accept American "
			+ "Express.\n- **Recurring card payment**: we charge your card automatically on the due date.";

	@Test
	void readsTheRelationAsked() {
		assertThat(AskedRelation.asked("does Northwind sell gaming consoles?"))
			.isEqualTo(AskedRelation.Relation.OFFERED);
		assertThat(AskedRelation.asked("do you offer a home phone line?")).isEqualTo(AskedRelation.Relation.OFFERED);
		assertThat(AskedRelation.asked("can I buy a tablet from you?")).isEqualTo(AskedRelation.Relation.OFFERED);
		assertThat(AskedRelation.asked("do you charge extra if I pay by credit card?"))
			.isEqualTo(AskedRelation.Relation.CHARGED);
		assertThat(AskedRelation.asked("is there a charge to move the fibre box?"))
			.isEqualTo(AskedRelation.Relation.CHARGED);
		assertThat(AskedRelation.asked("is 5G extra on your mobile plans?")).isEqualTo(AskedRelation.Relation.CHARGED);
	}

	@Test
	void otherQuestionsAskNeither() {
		assertThat(AskedRelation.asked("do you have to give notice to cancel?")).isEqualTo(AskedRelation.Relation.NONE);
		assertThat(AskedRelation.asked("how do you set up the Hub?")).isEqualTo(AskedRelation.Relation.NONE);
		assertThat(AskedRelation.asked("I was charged twice this month")).isEqualTo(AskedRelation.Relation.NONE);
		assertThat(AskedRelation.asked("how long does a refund take?")).isEqualTo(AskedRelation.Relation.NONE);
		assertThat(AskedRelation.asked("At what time of night do you carry out network maintenance?"))
			.isEqualTo(AskedRelation.Relation.NONE);
		assertThat(AskedRelation.asked("what phones can I buy with them?")).isEqualTo(AskedRelation.Relation.NONE);
		assertThat(AskedRelation.statedIn("how long does a refund take?", "how long does a refund take?", "", SAFEHOME))
			.isTrue();
	}

	@Test
	void aThingNamedAmongDevicesIsNotSaidToBeSold() {
		String asked = "does Northwind sell gaming consoles?";
		assertThat(AskedRelation.statedIn(asked, asked, "Parental controls\nSafeHome for your internet", SAFEHOME))
			.isFalse();
	}

	@Test
	void aThingWithItsPriceIsOffered() {
		String asked = "do you offer a home phone line?";
		assertThat(AskedRelation.statedIn(asked, asked, "Fibre broadband plans and prices\nAdd-ons", ADD_ONS)).isTrue();
	}

	@Test
	void aHeadingNamesWhatItsLinesAreAbout() {
		String asked = "do you have a sports package?";
		assertThat(AskedRelation.statedIn(asked, asked, "TV packages, channels and your TV Box\nAdd-ons",
				"Sports: €20 per month\nMovies: €12 per month"))
			.isTrue();
		assertThat(AskedRelation.statedIn(asked, asked, "Channel numbers", "401–449: Sport")).isFalse();
	}

	@Test
	void aChargeNeedsAnAmountOrItsAbsenceForTheCase() {
		String asked = "do you charge extra if I pay by credit card?";
		assertThat(AskedRelation.statedIn(asked, asked, "Payment methods\nDebit or credit card", CARD)).isFalse();
		assertThat(AskedRelation.statedIn(asked, asked, "Payment methods",
				"Payment by credit card: there are no fees for any payment method."))
			.isTrue();
	}

	@Test
	void aFeeWithItsKindNamedIsStatedAbsentToo() {
		String asked = "is there a charge for moving house if the new place already has a Northwind fibre box?";
		String span = "If the new property already has a Northwind fibre box on the wall (the ONT), there's no home "
				+ "move fee — just plug your Hub in on moving day.";
		assertThat(AskedRelation.statedIn(asked, asked, "Moving house\nIf Northwind Fibre is available", span))
			.isTrue();
		assertThat(AskedRelation.AMOUNT.matcher("there is no need to call us").find()).isFalse();
	}

	@Test
	void anFaqAnswerStatesTheChargeAnywhere() {
		String asked = "do you charge to keep my number when I switch?";
		assertThat(AskedRelation.statedIn(asked, asked, "Can I keep my mobile number when I join?",
				"Yes, and it's free. Get a porting code from your current provider."))
			.isTrue();
		assertThat(AskedRelation.statedIn("is there a charge to change my bill date?",
				"is there a charge to change my bill date?", "Can I change the date my bill is issued?",
				"Yes. You can change your bill date once every 12 months."))
			.isFalse();
	}

	@Test
	void whatTheChargeIsFor() {
		assertThat(AskedRelation.chargedFor("do you charge anything for upgrading to a faster plan?"))
			.containsExactly("upgrad");
		assertThat(AskedRelation.chargedFor("is the TV app an extra charge?")).containsExactly("tv", "app");
		assertThat(AskedRelation.chargedFor("do you charge extra?")).isEmpty();
		assertThat(AskedRelation.chargedFor("do you charge extra if I pay by credit card?")).containsExactly("pay");
		assertThat(AskedRelation.chargedFor("what do you charge for an extra mesh pod?")).containsExactly("mesh",
				"pod");
		assertThat(AskedRelation.chargedFor("how much will you charge me if I leave 6 months early"))
			.startsWith("leave");
	}

	@Test
	void anAmountOfSomethingElseIsNotTheCharge() {
		String asked = "do you charge anything for upgrading to a faster plan?";
		assertThat(AskedRelation.statedIn(asked, asked, "What fibre broadband plans do you offer?",
				"We have four fibre plans: Fibre 150 €29.99. A 1-month rolling option costs €5 more per month."))
			.isFalse();
	}

	@Test
	void namedMeetsSingularAndPlural() {
		assertThat(AskedRelation.named(java.util.Set.of("console"), "consol")).isTrue();
		assertThat(AskedRelation.named(java.util.Set.of("tv"), "tvs")).isTrue();
		assertThat(AskedRelation.named(java.util.Set.of("tv"), "box")).isFalse();
	}

	@Test
	void beingIncludedStatesThatThereIsNoCharge() {
		// "do you charge for the hub": the plans say a Hub is included (ADR 0085)
		String own = "do you charge for the lock?";
		assertThat(AskedRelation.statedIn(own, own, "", "Every membership comes with a lock.")).isTrue();
		assertThat(AskedRelation.statedIn(own, own, "", "Each plan includes a lock and a towel.")).isTrue();
		assertThat(AskedRelation.statedIn(own, own, "", "Lock: €0")).isTrue();
		assertThat(AskedRelation.statedIn(own, own, "", "Bring your own lock.")).isFalse();
		assertThat(AskedRelation.statesCharge("Das Schloss ist kostenlos.")).isTrue();
		assertThat(AskedRelation.statesCharge("Ein Schloss inklusive.")).isTrue();
		assertThat(AskedRelation.statesCharge("Ein Schloss ohne Aufpreis.")).isTrue();
		assertThat(AskedRelation.statesCharge("Das Schloss bringen Sie mit.")).isFalse();
	}

	@Test
	void includedSaysNothingOfAFeeForSomethingDoneWithTheThing() {
		// "is there a fee to change my bill date?" against the bill-date entry (ADR 0085)
		String own = "is there a fee to change my bill date?";
		assertThat(AskedRelation.statedIn(own, own, "Can I change the date my bill is issued?",
				"Yes. You can change your bill date once a year. Your next bill will include a one-off adjustment "
						+ "for the days between the old and new date."))
			.isFalse();
	}

	@Test
	void aHeadingThatStatesInclusionStatesItForItsLines() {
		String own = "do you charge for the lock?";
		assertThat(AskedRelation.statedIn(own, own, "Membership\nWhat's included", "A lock for every member."))
			.isTrue();
		assertThat(AskedRelation.statedIn(own, own, "Membership\nRules", "A lock for every member.")).isFalse();
	}

	@Test
	void aWordOnlyAsTheKindOfAnotherThingIsNotTheThing() {
		// "is installation free?" got "Missed installation appointment: €60" (ADR 0085)
		String own = "is installation free?";
		assertThat(AskedRelation.statedIn(own, own, "Price guide\nOne-off charges",
				"Missed installation appointment (nobody at home): €60"))
			.isFalse();
		assertThat(AskedRelation.statedIn(own, own, "Price guide\nOne-off charges", "Installation fee: €50")).isTrue();
		assertThat(AskedRelation.statedIn(own, own, "Plans\nWhat's included",
				"Standard installation, free on 24-month plans."))
			.isTrue();
		assertThat(AskedRelation.statedIn(own, own, "Your installation appointment\nChanging your appointment",
				"You can reschedule free of charge up to 48 hours before."))
			.as("a heading that names installation only as the appointment's kind")
			.isFalse();
		assertThat(AskedRelation.statedIn(own, own, "Moving\nFees", "Free if the box is already installed."))
			.as("another word of the same stem")
			.isFalse();
	}

	@Test
	void theThingOfAChargeNamedElsewhereInTheQuestion() {
		assertThat(AskedRelation.chargedThingElsewhere("what about the locker, is that free too?"))
			.containsExactly("locker");
		assertThat(AskedRelation.chargedThingElsewhere("does it come with a locker for free?"))
			.containsExactly("locker");
		assertThat(AskedRelation.chargedThingElsewhere("is the locker included or do I pay extra?"))
			.containsExactly("locker");
		assertThat(AskedRelation.asked("does it come with a locker for free?"))
			.isEqualTo(AskedRelation.Relation.CHARGED);
		String own = "what about the locker, is that free too?";
		assertThat(AskedRelation.statedIn(own, own, "", "The induction is free.")).isFalse();
		assertThat(AskedRelation.statedIn(own, own, "", "Lockers are free for members.")).isTrue();
	}

	@Test
	void aChargeStatedOfTheThingItself() {
		String own = "is the locker free?";
		assertThat(AskedRelation.chargeStatedOfThing(own, "", "Lockers are free for members.")).isTrue();
		assertThat(AskedRelation.chargeStatedOfThing(own, "", "Locker keys cost €5.")).isFalse();
		assertThat(AskedRelation.chargeStatedOfThing("how much is a locker?", "", "Lockers cost €5.")).isFalse();
		assertThat(AskedRelation.chargeStatedOfThing("do you charge extra?", "", "Lockers cost €5.")).isFalse();
	}

}
