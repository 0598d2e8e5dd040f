package dev.hearth.conversation;

import dev.hearth.testing.Tables;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.knowledge.DocumentImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer turn as the conversation module's scenarios: a stored customer message is
 * answered (and {@link TurnAnswered} published) or handed over (and
 * {@link ConversationHandedOff} published), with the module and what it depends on
 * bootstrapped, against the real PostgreSQL.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class CustomerTurnModuleIT {

	private static final String DOCUMENT = """
			# Moving house

			## Telling us about your move
			Tell Northwind Fibre about your move at least four weeks before your moving date, so an engineer can connect your new home on the day you arrive. You can tell us in the app under Account > Moving.
			""";

	@Autowired
	Conversations conversations;

	@Autowired
	ConversationAnswering answering;

	@Autowired
	DocumentImporter documents;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void knowledge() {
		Tables.truncate(this.jdbc, "conversation cascade");
		this.documents.importDocument("docs/moving.md", DOCUMENT.getBytes(StandardCharsets.UTF_8),
				Map.of("audience", List.of("customer")), "en", "test");
	}

	@Test
	void aQuestionTheKnowledgeBaseAnswersEndsInTurnAnswered(Scenario scenario) {
		UUID id = this.conversations.start("en");
		Message question = this.conversations.addCustomerMessage(id,
				"How early should I tell you that I am moving to a new flat?");
		scenario.stimulate(() -> this.answering.answer(id, question, (text) -> {
		}))
			.andWaitForEventOfType(TurnAnswered.class)
			.matching((event) -> event.conversationId().equals(id))
			.toArriveAndVerify((event, answer) -> {
				assertThat(event.questionSeq()).isEqualTo(question.seq());
				assertThat(event.answerSeq()).isEqualTo(answer.seq());
				assertThat(event.answeredBy()).isEqualTo("extractive");
				assertThat(answer.text()).contains("four weeks");
			});
	}

	@Test
	void aCustomerAskingForAPersonEndsInConversationHandedOff(Scenario scenario) {
		UUID id = this.conversations.start("en");
		Message question = this.conversations.addCustomerMessage(id, "I want to talk to a real person please");
		scenario.stimulate(() -> this.answering.answer(id, question, (text) -> {
		}))
			.andWaitForEventOfType(ConversationHandedOff.class)
			.matching((event) -> event.conversationId().equals(id))
			.toArriveAndVerify((event, notice) -> {
				assertThat(event.rule()).isEqualTo("customer-asked-for-person");
				assertThat(notice.role()).isEqualTo(MessageRole.SYSTEM);
				assertThat(notice.text()).contains("passing you to a person");
			});
	}

	@Test
	void anUnanswerableQuestionIsDeclinedWithItsEmbeddingKeptOnce(Scenario scenario) {
		// before issue 12 it was handed over: an off-topic question now gets a polite
		// decline and the conversation stays with the bot
		UUID id = this.conversations.start("en");
		Message question = this.conversations.addCustomerMessage(id, "Who won the football world cup in 1998?");
		scenario.stimulate(() -> this.answering.answer(id, question, (text) -> {
		}))
			.andWaitForEventOfType(TurnUnresolved.class)
			.matching((event) -> event.conversationId().equals(id))
			.toArriveAndVerify((event, reply) -> {
				assertThat(event.rule()).startsWith("pipeline:");
				assertThat(event.outcome()).isEqualTo("DECLINED");
				assertThat(reply.role()).isEqualTo(MessageRole.ASSISTANT);
				assertThat(reply.text()).contains("rephrase");
				assertThat(this.jdbc.sql("select state from conversation where id = ?")
					.param(id)
					.query(String.class)
					.single()).isEqualTo("BOT");
				assertThat(this.jdbc.sql(
						"select count(*) from conversation_message where conversation_id = ? and embedding is not null")
					.param(id)
					.query(Long.class)
					.single()).isEqualTo(1);
				assertThat(this.jdbc
					.sql("select count(*) from escalation_decision where conversation_id = ? and embedding is not null")
					.param(id)
					.query(Long.class)
					.single()).isEqualTo(1);
			});
	}

}
