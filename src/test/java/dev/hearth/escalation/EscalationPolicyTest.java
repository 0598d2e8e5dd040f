package dev.hearth.escalation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.EscalationReason;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

	private final EscalationPolicy policy = new EscalationPolicy();

	@Test
	void askingForAPersonFiresInEnglishAndGermanAlsoIndirectly() {
		for (String question : List.of("I want to talk to a human", "can I speak with a real person?",
				"get me a representative", "transfer me to someone", "you're not a bot, are you? I want a live agent",
				"Ich möchte mit einem Menschen sprechen", "Bitte einen Mitarbeiter")) {
			assertThat(this.policy.beforeAnswering(question)).as(question)
				.hasValueSatisfying((d) -> assertThat(d.rule()).isEqualTo("customer-asked-for-person"));
		}
	}

	@Test
	void ordinaryQuestionsDoNotFire() {
		for (String question : List.of("How do I talk to my router?", "what does the agent fee cost",
				"Is a person allowed to share a plan?", "Wie hoch ist meine Rechnung?")) {
			assertThat(this.policy.beforeAnswering(question)).as(question).isEmpty();
		}
	}

	@Test
	void thePipelinesEscalationFiresWithItsReasonAsTheRule() {
		Answer escalate = new Answer(Decision.ESCALATE, EscalationReason.OUT_OF_SCOPE, "", 0.1, 0.1, null, null,
				List.of(), List.of(), Map.of());
		assertThat(this.policy.afterAnswering(escalate))
			.hasValueSatisfying((d) -> assertThat(d.rule()).isEqualTo("pipeline:OUT_OF_SCOPE"));
		assertThat(this.policy.afterAnswering(escalate).get().action())
			.isEqualTo(EscalationDecision.Action.APPROVED_LLM);
		Answer answered = new Answer(Decision.ANSWERED, null, "x", 0.9, 0.9, "faq", "faq", List.of(), List.of(),
				Map.of());
		assertThat(this.policy.afterAnswering(answered)).isEmpty();
	}

}
