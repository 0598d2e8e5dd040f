package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationRuleTest {

	private final EscalationRule rule = new EscalationRule(0.5, 0.8);

	@Test
	void nearAnFaqEntryIsLowConfidence() {
		assertThat(this.rule.reason(0.35, 0.7, 0.1, 0.45)).isEqualTo(EscalationReason.LOW_CONFIDENCE);
	}

	@Test
	void nearAPassageIsLowConfidence() {
		assertThat(this.rule.reason(0.0, 0.7, 0.37, 0.45)).isEqualTo(EscalationReason.LOW_CONFIDENCE);
	}

	@Test
	void farFromBothIsOutOfScope() {
		assertThat(this.rule.reason(0.34, 0.7, 0.35, 0.45)).isEqualTo(EscalationReason.OUT_OF_SCOPE);
	}

	@Test
	void sharesMustBeBetweenZeroAndOne() {
		assertThatThrownBy(() -> new EscalationRule(1.5, 0.8)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("routerShare must be between 0 and 1, got 1.5");
		assertThatThrownBy(() -> new EscalationRule(0.5, -1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("similarityShare must be between 0 and 1, got -1.0");
	}

}
