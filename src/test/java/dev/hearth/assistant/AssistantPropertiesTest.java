package dev.hearth.assistant;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AssistantPropertiesTest {

	private static AssistantProperties bound(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("hearth.assistant",
				AssistantProperties.class);
	}

	/**
	 * Seven passages, not four or six: on doc2dial the answer's section is often a
	 * sibling of the best-ranked ones (docs/benchmarks.md, "Passages offered to the
	 * extractive composer", and ADR 0081).
	 */
	@Test
	void documentAnswersAreComposedFromSevenPassagesByDefault() {
		assertThat(bound(Map.of()).answer().passages()).isEqualTo(7);
		assertThat(bound(Map.of("hearth.assistant.answer.passages", "4")).answer().passages()).isEqualTo(4);
	}

}
