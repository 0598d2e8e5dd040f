package dev.hearth.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.Query;
import dev.hearth.assistant.Turn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one statement that reads what a turn needs of the messages before it: the last
 * messages oldest first (notices left out), the customer's questions since a person last
 * wrote with their stored embeddings, how many of those were left unresolved, and the
 * language of the latest that has one.
 */
@SpringBootTest
@ActiveProfiles("test")
class TurnHistoryIT {

	@Autowired
	Conversations conversations;

	@Autowired
	TurnHistory history;

	@Test
	void readsTheHistoryTheEarlierQuestionsAndTheirCountsInOne() {
		UUID id = this.conversations.start("de");
		Message first = this.conversations.addCustomerMessage(id, "how much is fibre 500");
		this.conversations.keepQuery(id, first.seq(), query("how much is fibre 500"), null);
		this.conversations.addAnswer(id, first.seq(), Conversations.Kept.NOTHING,
				answer(Decision.ANSWERED, "Fibre 500 costs 49 euros."));
		Message second = this.conversations.addCustomerMessage(id, "and the router?");
		this.conversations.keepQuery(id, second.seq(), query("is the router included with fibre 500?"), "en");
		this.conversations.addAnswer(id, second.seq(), Conversations.Kept.NOTHING,
				answer(Decision.ESCALATE, "Could you say that another way?"));
		Message third = this.conversations.addCustomerMessage(id, "I want a person");
		this.conversations.addHandoffNotice(id, third.seq(), Conversations.Kept.NOTHING,
				"A colleague will be with you shortly.", new HandoffDetails("LIVE", "customer-asked-for-person", 60L));

		TurnHistory.Before before = this.history.read(id, third.seq() + 2, 4, 5);

		assertThat(before.history()).extracting(Turn::text)
			.containsExactly("Fibre 500 costs 49 euros.", "and the router?", "Could you say that another way?",
					"I want a person");
		assertThat(before.history()).extracting(Turn::fromCustomer).containsExactly(false, true, false, true);
		assertThat(before.questions()).extracting(CustomerTurn.EarlierQuestion::text)
			.containsExactly("how much is fibre 500", "and the router?", "I want a person");
		assertThat(before.questions()).extracting(CustomerTurn.EarlierQuestion::standalone)
			.containsExactly(true, false, true);
		assertThat(before.questions().get(0).vector()).containsExactly(0.25f, -0.5f, 1f);
		assertThat(before.questions().get(2).vector()).as("no query kept on that turn").isNull();
		assertThat(before.questionsTotal()).isEqualTo(3);
		assertThat(before.unresolved()).as("asked back, then handed over").isEqualTo(2);
		assertThat(before.lastLanguage()).isEqualTo("en");

		TurnHistory.Before latest = this.history.read(id, third.seq() + 2, 4, 2);
		assertThat(latest.questions()).extracting(CustomerTurn.EarlierQuestion::text)
			.containsExactly("and the router?", "I want a person");
		assertThat(latest.questionsTotal()).isEqualTo(3);
	}

	@Test
	void countsOnlyTheQuestionsSinceAPersonLastWrote() {
		UUID id = this.conversations.start("en");
		Message first = this.conversations.addCustomerMessage(id, "my bill is wrong");
		this.conversations.addAnswer(id, first.seq(), Conversations.Kept.NOTHING,
				answer(Decision.ESCALATE, "Could you say that another way?"));
		this.conversations.addAgentMessage(id, "Hi, Carla here: I have corrected it.", "Carla Jansen");
		Message question = this.conversations.addCustomerMessage(id, "thanks, and when is it due?");

		TurnHistory.Before before = this.history.read(id, question.seq(), 10, 5);

		assertThat(before.history()).extracting(Turn::text)
			.containsExactly("my bill is wrong", "Could you say that another way?",
					"Hi, Carla here: I have corrected it.");
		assertThat(before.questions()).isEmpty();
		assertThat(before.questionsTotal()).isZero();
		assertThat(before.unresolved()).isZero();
		assertThat(before.lastLanguage()).isNull();
	}

	@Test
	void aFirstMessageHasNothingBeforeIt() {
		UUID id = this.conversations.start("en");
		Message question = this.conversations.addCustomerMessage(id, "hello");

		TurnHistory.Before before = this.history.read(id, question.seq(), 10, 5);

		assertThat(before.history()).isEmpty();
		assertThat(before.questions()).isEmpty();
		assertThat(before.questionsTotal()).isZero();
		assertThat(before.unresolved()).isZero();
		assertThat(before.lastLanguage()).isNull();
	}

	private static Query query(String text) {
		return new Query(text, text, new float[] { 0.25f, -0.5f, 1f });
	}

	private static Answer answer(Decision decision, String text) {
		return new Answer(decision, null, text, 0.9, 0.9, null, "faq", List.of(), List.of(), Map.of());
	}

}
