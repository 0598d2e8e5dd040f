package dev.hearth.assistant;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyWordsTest {

	private static final String OFFICE_RENEWAL = "Renew a driver license\nRenew a driver license > At an office\n"
			+ "Bring your license and the renewal form to any office.";

	@Test
	void theQuestionsTopicWordsTheSpanLeavesOutAreMissingAsWritten() {
		assertThat(KeyWords.missing("Can I renew my driver license online?", OFFICE_RENEWAL)).containsExactly("online");
		assertThat(KeyWords.missing("How do I renew my license?", OFFICE_RENEWAL)).isEmpty();
	}

	@Test
	void wordsWithAnApostropheAndWordsThatOnlyAskForAKindOfFactAreNotWeighed() {
		assertThat(KeyWords.missing("What if the name on my license doesn't match? How much does it cost?",
				OFFICE_RENEWAL))
			.containsExactly("name", "match");
	}

	@Test
	void aMissingWordTheKnowledgeBaseUsesRarelyIsAKeyWord() {
		Set<String> missing = Set.of("online");
		assertThat(KeyWords.rareMissing(missing, Map.of("online", 0.01), 0.02)).isEqualTo("online");
	}

	@Test
	void aMissingWordTheKnowledgeBaseNeverUsesOrUsesOftenIsNoKeyWord() {
		assertThat(KeyWords.rareMissing(Set.of("fritzbox"), Map.of("fritzbox", 0.0), 0.02)).isNull();
		assertThat(KeyWords.rareMissing(Set.of("license"), Map.of("license", 0.3), 0.02)).isNull();
		assertThat(KeyWords.rareMissing(Set.of("online"), Map.of(), 0.02)).isNull();
		assertThat(KeyWords.rareMissing(Set.of("online"), Map.of("online", 0.01), 0)).isNull();
	}

	@Test
	void theShareMustBeAShare() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeyWords.rareMissing(Set.of(), Map.of(), 1.5))
			.withMessage("maxShare must be between 0 and 1, got 1.5");
	}

}
