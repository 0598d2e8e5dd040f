package dev.hearth.assistant;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroundingCheckTest {

	private final GroundingCheck check = new GroundingCheck(
			List.of("Refunds are paid within 5 working days to the card you used.",
					"Card refunds can take another 3 days to appear, depending on your bank."),
			0.6);

	@Test
	void aSentenceMadeOfThePassagesWordsIsSupported() {
		assertThat(this.check.supports("Refunds are paid to your card within 5 working days [1].")).isTrue();
		assertThat(this.check.supports("Your bank may take another 3 days [2].")).isTrue();
	}

	@Test
	void aNumberThatIsNotInThePassagesIsNeverSupported() {
		assertThat(this.check.supports("Refunds are paid within 10 working days.")).isFalse();
	}

	@Test
	void aSentenceAboutSomethingElseIsNotSupported() {
		assertThat(this.check.supports("You will also receive a voucher for free streaming and a new router."))
			.isFalse();
	}

}
