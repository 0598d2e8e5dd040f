package dev.hearth.console.admin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaqFormTest {

	@Test
	void suggestsAReadableIdFromTheQuestion() {
		assertThat(FaqEntryController.suggestedId("Wie kündige ich meinen Vertrag?"))
			.isEqualTo("wie-kundige-ich-meinen-vertrag");
		assertThat(FaqEntryController.suggestedId("")).isEmpty();
		assertThat(FaqEntryController
			.suggestedId("Can I move my fibre contract to my new flat when I move to another city next month please"))
			.isEqualTo("can-i-move-my-fibre-contract-to-my-new-flat-when-i-move-to");
	}

	@Test
	void readsPhrasingsPerLineAndTagsAsKeyValueItems() {
		FaqEntry entry = new FaqEntryController.FaqForm("wifi", " How do I change the Wi-Fi name? ",
				"wifi name\n\n  change ssid \n", "In the app.", "en", "audience:customer, product:fibre")
			.toEntry();
		assertThat(entry.question()).isEqualTo("How do I change the Wi-Fi name?");
		assertThat(entry.examples()).containsExactly("wifi name", "change ssid");
		assertThat(entry.tags()).isEqualTo(Map.of("audience", List.of("customer"), "product", List.of("fibre")));
	}

	@Test
	void namesWhatIsWrong() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaqEntryController.FaqForm("x", "Q?", "", "A.", "english", "").toEntry())
			.withMessage("language must be a two-letter code such as en or de, got 'english'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaqEntryController.FaqForm("bad id", "Q?", "", "A.", "en", "").toEntry())
			.withMessageStartingWith("id must be 1-200 letters");
	}

}
