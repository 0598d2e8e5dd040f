package dev.hearth.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CustomerCountryTest {

	@Test
	void thePageWinsThenTheSiteThenTheBrowsersRegion() {
		assertThat(CustomerCountry.of("nl", "DE", "en-US")).isEqualTo("NL");
		assertThat(CustomerCountry.of(null, "DE", "en-US")).isEqualTo("DE");
		assertThat(CustomerCountry.of("", null, "nl-NL,nl;q=0.9,en;q=0.8")).isEqualTo("NL");
		assertThat(CustomerCountry.of(null, null, "de,en-GB;q=0.7")).as("first range with a region").isEqualTo("GB");
		assertThat(CustomerCountry.of(null, null, "es-419,de")).as("numeric regions are no country").isNull();
		assertThat(CustomerCountry.of(null, null, "en")).isNull();
		assertThat(CustomerCountry.of(null, null, null)).isNull();
		assertThat(CustomerCountry.of(null, null, ";;;garbage=")).isNull();
	}

	@Test
	void aPageCountryThatIsNotTwoLettersIsRefusedWithTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerCountry.of("NLD", null, null))
			.withMessage("country must be an ISO 3166-1 alpha-2 code such as NL or DE, got 'NLD'");
	}

}
