package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskedWayTest {

	private static final String PAYMENT_ENTRY = "You can pay by SEPA direct debit (recommended), Visa or Mastercard "
			+ "debit/credit card, PayPal or bank transfer. There's no fee for any method. Change your payment method or "
			+ "bank details in My Account under Billing > Payment method, or pay a one-off bill on the 24/7 payment line "
			+ "0800 123 4575.";

	private static final String WHEN_SPAN = "Direct debit (recommended)\nIf you change your bank details at least 5 "
			+ "working days before your next due date, the new account is used for that bill. Otherwise the change "
			+ "applies from the following bill.";

	@Test
	void howAndWhereTheCustomerDoesSomethingAsksAWay() {
		assertThat(AskedWay.asks("how do I change my bank details for the direct debit?")).isTrue();
		assertThat(AskedWay.asks("How can I get a copy of my bill?")).isTrue();
		assertThat(AskedWay.asks("how to add a second tv box")).isTrue();
		assertThat(AskedWay.asks("where can I see my data usage?")).isTrue();
		assertThat(AskedWay.asks("Where do I find my account number")).isTrue();
		assertThat(AskedWay.asks("how do I tell you I'm moving")).isTrue();
		assertThat(AskedWay.asks("how do I bring my number over when I join?")).isTrue();
	}

	@Test
	void amountsTimesKnowingAndWorkingAreNoWay() {
		assertThat(AskedWay.asks("how do I know if my phone supports eSIM?")).isFalse();
		assertThat(AskedWay.asks("how can I tell if there's an outage")).isFalse();
		assertThat(AskedWay.asks("how does the referral programme work?")).isFalse();
		assertThat(AskedWay.asks("how long does a refund take?")).isFalse();
		assertThat(AskedWay.asks("how much is a paper bill")).isFalse();
		assertThat(AskedWay.asks("how often do prices go up")).isFalse();
		assertThat(AskedWay.asks("how do you calculate the early termination charge?")).isFalse();
		assertThat(AskedWay.asks("when is my bill due")).isFalse();
		assertThat(AskedWay.asks("how do I make a complaint how long will it take to sort out?")).as("the last asked")
			.isFalse();
	}

	@Test
	void menuPathsAddressesNumbersPlacesAndInstructionsStateAWay() {
		assertThat(AskedWay.statesWay("Go to Billing > Bill date in My Account.")).isTrue();
		assertThat(AskedWay.statesWay("Check status.northwindfibre.example for outages.")).isTrue();
		assertThat(AskedWay.statesWay("Email our team at privacy@example.com.")).isTrue();
		assertThat(AskedWay.statesWay("Call us on 0800 123 4567 (option 3).")).isTrue();
		assertThat(AskedWay.statesWay("To join, call us or send an email.")).isTrue();
		assertThat(AskedWay.statesWay("Order an extra box in the Northwind app.")).isTrue();
		assertThat(AskedWay.statesWay("You can switch in My Account under Billing.")).isTrue();
		assertThat(AskedWay.statesWay("1. Log in to My Account or the app.")).isTrue();
		assertThat(AskedWay.statesWay("text DATA to 2580 (free)")).isTrue();
	}

	@Test
	void factsAboutTheThingStateNoWay() {
		assertThat(AskedWay.statedIn(WHEN_SPAN)).isFalse();
		assertThat(AskedWay.statesWay("Fibre 150, 500 and 900 come with the Hub 3, e.g. for 1.5 metres.")).isFalse();
		assertThat(AskedWay.statesWay("Invoice numbers look like INV-2025-0012345.")).isFalse();
		assertThat(AskedWay.statesWay("Calls to customer service are free from abroad.")).isFalse();
		assertThat(AskedWay.statesWay("Every line on the same account gets €4 off, 8:00–20:00.")).isFalse();
		assertThat(AskedWay.statesWay("If you depend on your connection, join our free Priority Care register."))
			.isFalse();
	}

	@Test
	void anEntryThatSaysWhereBeatsASpanThatSaysWhen() {
		String asked = "how do I change my bank details for the direct debit?";
		assertThat(AskedWay.onlyInAnswer(asked, asked, PAYMENT_ENTRY, WHEN_SPAN)).isTrue();
		assertThat(AskedWay.onlyInAnswer(asked, asked, PAYMENT_ENTRY, PAYMENT_ENTRY)).as("both say it").isFalse();
		String when = "when does a change of bank details apply?";
		assertThat(AskedWay.onlyInAnswer(when, when, PAYMENT_ENTRY, WHEN_SPAN)).as("no way asked").isFalse();
	}

	@Test
	void aWayOfSomethingElseInTheEntryDoesNotCount() {
		String asked = "how do I change my bank details?";
		assertThat(AskedWay.onlyInAnswer(asked, asked, "Call 0800 123 4567 for help with your router.", WHEN_SPAN))
			.isFalse();
	}

}
