package dev.hearth.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Regulated data is masked by role in what staff see (issue 13). */
class MaskingTest {

	private final Redactor redactor = new Redactor(
			StandardDetectors.all(StandardDetectors.DEFAULT_CUSTOMER_NUMBER, StandardDetectors.DEFAULT_ORDER_NUMBER));

	@Test
	void agentsSeeTheLastFourDigitsOfACardAndNoEmail() {
		Masking masking = new Masking(this.redactor, new MaskingProperties(Map.of()));
		String text = "My card 4242 4242 4242 4242 was charged twice, write to ann.smith@example.com";
		String masked = masking.mask(text, List.of("AGENT"));
		assertThat(masked).isEqualTo("My card •••• 4242 was charged twice, write to [EMAIL]");
		assertThat(masking.mask("How long does a refund take?", List.of("AGENT")))
			.isEqualTo("How long does a refund take?");
		assertThat(masking.mask(null, List.of("AGENT"))).isNull();
	}

	@Test
	void aRoleSeesTheClassesItIsAllowed() {
		Masking masking = new Masking(this.redactor,
				new MaskingProperties(Map.of("SUPERVISOR", Set.of(PiiClass.EMAIL))));
		String text = "Card 4242 4242 4242 4242, email ann.smith@example.com";
		assertThat(masking.mask(text, List.of("SUPERVISOR"))).isEqualTo("Card •••• 4242, email ann.smith@example.com");
		assertThat(masking.mask(text, List.of("AGENT"))).isEqualTo("Card •••• 4242, email [EMAIL]");
	}

}
