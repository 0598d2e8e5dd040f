package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainClauseTest {

	@Test
	void aTrailingClauseOfTimeOrConditionIsLeftOut() {
		assertThat(MainClause.of("can I change my plan before the contract ends")).isEqualTo("can I change my plan");
		assertThat(MainClause.of("what do I get if the engineer never turns up")).isEqualTo("what do I get");
		assertThat(MainClause.of("can I pause it while I'm abroad, and for how long?"))
			.isEqualTo("can I pause it and for how long?");
	}

	@Test
	void aLeadingClauseEndsAtItsComma() {
		assertThat(MainClause.of("before my contract runs out, can I get a faster speed"))
			.isEqualTo("can I get a faster speed");
		assertThat(MainClause.of("when is my bill due?")).as("a question word, no clause")
			.isEqualTo("when is my bill due?");
	}

	@Test
	void aQuestionWithoutSuchAClauseIsItsOwnMainClause() {
		assertThat(MainClause.of("how do I cancel the sports add on")).isEqualTo("how do I cancel the sports add on");
		assertThat(MainClause.of(null)).isNull();
	}

}
