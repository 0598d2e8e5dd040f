package dev.hearth.escalation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hearth.assistant.ScriptedModelServer;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn handed over with a draft wanted (a draft-only approved LLM, so the
 * {@code APPROVED_LLM} pipeline rule drafts instead of answering): the customer gets the
 * notice at once, and the draft is written after the handoff committed, off the
 * customer's request, and kept for the agent with its schema version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HandoffDraftIT {

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
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("hearth.escalation.approved-llms[0].base-url", server::baseUrl);
		registry.add("hearth.escalation.approved-llms[0].name", () -> "draft-llm");
		registry.add("hearth.escalation.approved-llms[0].model", () -> "big-model");
		registry.add("hearth.escalation.approved-llms[0].mode", () -> "DRAFT_FOR_AGENT");
		registry.add("hearth.escalation.approved-llms[0].timeout", () -> "5s");
		// issue 12: out of scope declines by default; a company that wants a person with
		// a
		// draft for it sets the rule's action
		// (low confidence too: passages other tests indexed may still be found)
		registry.add("hearth.escalation.rules[pipeline:OUT_OF_SCOPE].action", () -> "APPROVED_LLM");
		registry.add("hearth.escalation.rules[pipeline:LOW_CONFIDENCE].action", () -> "APPROVED_LLM");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.hearth.conversation.Handoffs handoffs;

	@BeforeEach
	void empty() {
		this.jdbc.sql("truncate kb_document, faq_entry, router_model, conversation, escalation_policy cascade")
			.update();
		server.bodies.clear();
	}

	@Test
	void theDraftIsWrittenAfterTheHandoffAndKeptForTheAgent() throws Exception {
		server.reply = "Please check the maker's warranty card; we can help once you have it.";
		HearthHttp hearth = new HearthHttp(this.port);
		HearthHttp.Chat chat = hearth.start();
		JsonNode answer = hearth.ask(chat, "What does the blinking light on a device I bought elsewhere mean?")
			.get("answer");
		assertThat(answer.get("text").asString()).startsWith("I'm passing you to a person");
		UUID id = UUID.fromString(chat.id());
		assertThat(this.jdbc.sql("select state from conversation where id = ?").param(id).query(String.class).single())
			.isEqualTo("WAITING_FOR_AGENT");

		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		List<String> drafts = List.of();
		while (drafts.isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			drafts = this.jdbc.sql("select draft::text from conversation where id = ? and draft is not null")
				.param(id)
				.query(String.class)
				.list();
		}
		assertThat(drafts).as("a draft within 20 s").hasSize(1);
		assertThat(drafts.get(0)).as("sealed at rest (issue 13)").doesNotContain("warranty card");
		dev.hearth.conversation.AgentDraft draft = this.handoffs.draft(id).orElseThrow();
		assertThat(draft.endpoint()).isEqualTo("draft-llm");
		assertThat(draft.text()).contains("warranty card");
	}

}
