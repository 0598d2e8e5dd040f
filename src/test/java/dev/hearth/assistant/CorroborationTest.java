package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorroborationTest {

	private final Corroboration corroboration = new Corroboration(0.6, 3);

	@Test
	void aSpanThatSaysWhatTheEntrySaysCorroboratesIt() {
		String entry = "If a payment fails, we send a reminder after 3 days. If the bill is still unpaid 14 days after "
				+ "the due date, a €7.50 late payment fee is added.";
		String span = "If the bill is still unpaid 14 days after the due date, a late payment fee of €7.50 is added.";
		assertThat(this.corroboration.corroborates(entry, span)).isTrue();
	}

	@Test
	void aSpanOnTheSameTopicThatSaysSomethingElseDoesNot() {
		String entry = "Your bill is issued on your bill date each month and payment is due 14 days later.";
		String span = "You can change your bill date once every 12 months to any day from the 1st to the 28th.";
		assertThat(this.corroboration.corroborates(entry, span)).isFalse();
	}

	@Test
	void aFewSharedWordsAreNotEnough() {
		assertThat(this.corroboration.corroborates("Call us on 0800 123 4567.", "Call us.")).isFalse();
	}

	@Test
	void theSameSentenceInBothIsTheSameStatementHoweverShort() {
		String entry = "Call 0800 123 4567 (free), Mon–Fri 8:00–20:00. We don't have shops.";
		assertThat(this.corroboration.corroborates(entry, "We don't have shops.")).isTrue();
		assertThat(this.corroboration.corroborates(entry, "We have shops.")).as("not the same sentence").isFalse();
		assertThat(this.corroboration.corroborates(entry, "have shops")).as("not a sentence").isFalse();
	}

	@Test
	void offWhenTheShareIsZero() {
		Corroboration off = new Corroboration(0, 3);
		assertThat(off.enabled()).isFalse();
		assertThat(off.corroborates("the same words here", "the same words here")).isFalse();
	}

	@Test
	void argumentsAreCheckedUpFront() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Corroboration(1.5, 3))
			.withMessage("minShare must be between 0 and 1, got 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> new Corroboration(0.6, 0))
			.withMessage("minWords must be at least 1, got 0");
	}

}
