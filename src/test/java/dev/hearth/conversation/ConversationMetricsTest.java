package dev.hearth.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationMetricsTest {

	@Test
	void tagValuesStayInClosedSets() {
		assertThat(ConversationMetrics.answerer("approved-llm:corporate-llm")).isEqualTo("approved-llm");
		assertThat(ConversationMetrics.answerer("faq")).isEqualTo("faq");
		assertThat(ConversationMetrics.bounded("pipeline:OUT_OF_SCOPE")).isEqualTo("pipeline:out_of_scope");
		assertThat(ConversationMetrics.bounded("LIVE")).isEqualTo("live");
		assertThat(ConversationMetrics.bounded("my card is 4111 1111 1111 1111")).isEqualTo("other");
		assertThat(ConversationMetrics.bounded("x".repeat(65))).isEqualTo("other");
		assertThat(ConversationMetrics.bounded(null)).isEqualTo("none");
	}

}
