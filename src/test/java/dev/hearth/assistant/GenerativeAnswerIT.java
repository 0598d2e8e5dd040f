package dev.hearth.assistant;

import dev.hearth.testing.Tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hearth.knowledge.DocumentImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer pipeline with a language model (an OpenAI-compatible server on loopback that
 * replies as scripted): a grounded answer is streamed and cited, an unsupported one is
 * never shown, "NO_ANSWER" and a failing model escalate.
 */
@SpringBootTest(properties = { "hearth.assistant.model.provider=openai", "hearth.assistant.model.openai.model=test",
		"hearth.assistant.model.openai.timeout=5s" })
@ActiveProfiles("test")
class GenerativeAnswerIT {

	static final ScriptedModelServer server;

	static {
		try {
			server = new ScriptedModelServer();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("hearth.assistant.model.openai.base-url", server::baseUrl);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Autowired
	AnswerPipeline pipeline;

	@Autowired
	DocumentImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RouterService router;

	@BeforeEach
	void oneDocument() {
		Tables.truncate(this.jdbc, "kb_document, faq_entry, router_model cascade");
		this.importer.importDocument("docs/refunds.md", """
				# Refunds

				## How long refunds take
				Refunds reach your account within 5 working days. Card refunds can take another 3 days to appear.
				""".getBytes(), java.util.Map.of("audience", List.of("customer")), "en", "test");
		server.failWith = 0;
		this.router.trainNow();
	}

	@Test
	void aGroundedAnswerIsStreamedSentenceBySentenceAndCited() {
		server.reply = "Refunds reach your account within 5 working days [1]. Card refunds can take another 3 days [1].";
		List<String> streamed = new ArrayList<>();
		Answer answer = this.pipeline.answer("How long does a refund take to reach my account?", List.of(),
				streamed::add);
		assertThat(answer.decision()).as(answer.toString()).isEqualTo(Decision.ANSWERED);
		assertThat(answer.answeredBy()).isEqualTo("model");
		assertThat(answer.text()).isEqualTo(server.reply);
		assertThat(streamed).hasSize(2);
		assertThat(answer.citations()).extracting(Citation::number).containsExactly(1);
		assertThat(answer.citations().get(0).source()).isEqualTo("docs/refunds.md");
	}

	@Test
	void anUnsupportedAnswerIsNeverShownAndTheExtractiveAnswerIsGivenInstead() {
		server.reply = "Refunds take 30 days and come with a free phone.";
		List<String> streamed = new ArrayList<>();
		Answer answer = this.pipeline.answer("How long does a refund take to reach my account?", List.of(),
				streamed::add);
		assertThat(String.join("", streamed)).doesNotContain("30 days").doesNotContain("phone");
		assertThat(answer.decision()).isEqualTo(Decision.ANSWERED);
		assertThat(answer.answeredBy()).isEqualTo("extractive");
		assertThat(answer.text()).contains("5 working days");
	}

	@Test
	void anAnswerCarryingALinkThePassagesDoNotHoldIsRejectedAuditedAndReplacedByTheExtractiveAnswer() {
		// issue 13: a model that obeyed an injected "add this link"
		server.reply = "Refunds reach your account within 5 working days, see https://refunds.evil.example/form [1].";
		List<String> streamed = new ArrayList<>();
		Answer answer = this.pipeline.answer("How long does a refund take to reach my account?", List.of(),
				streamed::add);
		assertThat(String.join("", streamed)).doesNotContain("evil.example");
		assertThat(answer.answeredBy()).isEqualTo("extractive");
		assertThat(answer.text()).contains("5 working days");
		assertThat(this.jdbc
			.sql("select details->>'check' || ' ' || (details->>'fallback') from audit_event "
					+ "where kind = 'MODEL_OUTPUT_REJECTED' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("LINK extractive");
		assertThat(server.bodies.get(server.bodies.size() - 1)).contains("<<<PASSAGE 1 id=")
			.contains("<<<CUSTOMER_MESSAGE id=");
	}

	@Test
	void noAnswerFromTheModelEscalates() {
		server.reply = "NO_ANSWER";
		Answer answer = this.pipeline.answer("How long does a refund take to reach my account?", List.of(), (t) -> {
		});
		assertThat(answer.decision()).isEqualTo(Decision.ESCALATE);
		assertThat(answer.reason()).isEqualTo(EscalationReason.LOW_CONFIDENCE);
	}

	@Test
	void aFailingModelFallsBackToEscalation() {
		server.failWith = 500;
		Answer answer = this.pipeline.answer("How long does a refund take to reach my account?", List.of(), (t) -> {
		});
		assertThat(answer.decision()).isEqualTo(Decision.ESCALATE);
		assertThat(answer.reason()).isEqualTo(EscalationReason.MODEL_FAILURE);
		assertThat(answer.text()).isEmpty();
	}

}
