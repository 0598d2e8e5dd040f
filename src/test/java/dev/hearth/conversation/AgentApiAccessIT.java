package dev.hearth.conversation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.hearth.console.ConsoleUsers;

import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The agent API reads conversations by the console's rule (issue 13, IDOR): an agent
 * cannot read another agent's transcript or draft by its id; the owner, supervisors and
 * admins can, and a waiting conversation is open to every agent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AgentApiAccessIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	HearthHttp http;

	@BeforeEach
	void tokens() throws Exception {
		this.http = new HearthHttp(this.port);
		HearthHttp.token(this.jdbc, "idor-alice", "idor-alice-token", "AGENT");
		HearthHttp.token(this.jdbc, "idor-bob", "idor-bob-token", "AGENT");
		HearthHttp.token(this.jdbc, "idor-sue", "idor-sue-token", "SUPERVISOR");
	}

	@Test
	void anAgentCannotReadAnotherAgentsConversation() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		this.http.ask(chat, "I want to talk to a real person please");
		String base = "/api/agent/conversations/" + chat.id();

		assertThat(status("GET", base + "/messages", "idor-bob-token")).as("waiting: open to every agent")
			.isEqualTo(200);
		assertThat(status("POST", base + "/claim", "idor-alice-token")).isEqualTo(200);

		var refused = this.http.send("GET", base + "/messages", null, "idor-bob-token");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("belongs to another agent").doesNotContain("real person");
		assertThat(status("GET", base + "/draft", "idor-bob-token")).isEqualTo(403);

		assertThat(status("GET", base + "/messages", "idor-alice-token")).isEqualTo(200);
		assertThat(status("GET", base + "/messages", "idor-sue-token")).isEqualTo(200);
		assertThat(status("GET", "/api/agent/conversations/00000000-0000-0000-0000-000000000000/messages",
				"idor-bob-token"))
			.isEqualTo(404);
	}

	@Test
	void theTranscriptShowsAgentsTheLastFourDigitsOfACardAndNoEmail() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		this.http.ask(chat, "I want to talk to a real person please");
		this.http.ask(chat, "My card 4242 4242 4242 4242 was charged twice, I am ann.smith@example.com");
		var transcript = this.http.send("GET", "/api/agent/conversations/" + chat.id() + "/messages", null,
				"idor-bob-token");
		assertThat(transcript.statusCode()).isEqualTo(200);
		assertThat(transcript.body()).contains("•••• 4242")
			.contains("[EMAIL]")
			.doesNotContain("4242 4242 4242 4242")
			.doesNotContain("ann.smith@example.com");
	}

	@Test
	void theConsoleConversationPageMasksTheTranscriptAndTheQuestion() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		this.http.ask(chat, "Card 4111 1111 1111 1111 charged twice, mail ann.smith@example.com, I want a person");
		String page = this.mvc.perform(get("/console/conversations/" + chat.id()).with(ConsoleUsers.agent("idor-bob")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("•••• 1111").doesNotContain("4111 1111 1111 1111").doesNotContain("ann.smith@");
	}

	private int status(String method, String path, String token) throws Exception {
		return this.http.send(method, path, null, token).statusCode();
	}

}
