package dev.hearth.escalation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonRequestsTest {

	@ParameterizedTest
	@ValueSource(strings = { "talk to a person", "Can I talk to a human please?", "I'd like to speak to an agent",
			"a person", "human please", "let me speak to someone now", "Einen Mitarbeiter bitte",
			"Ich möchte mit einem Menschen sprechen", "I want to talk to a real person please",
			"I’d like to talk to someone" })
	void aRequestThatSaysNothingElseOnlyAsksForAPerson(String message) {
		assertThat(PersonRequests.onlyAsksForPerson(message)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "I want to talk to someone about my bill", "can I speak to an agent, my hub is broken",
			"how long does a refund take?", "", "Ich möchte mit einem Mitarbeiter über meine Rechnung sprechen" })
	void aRequestWithATopicOrNoRequestIsNotOnlyARequest(String message) {
		assertThat(PersonRequests.onlyAsksForPerson(message)).isFalse();
	}

}
