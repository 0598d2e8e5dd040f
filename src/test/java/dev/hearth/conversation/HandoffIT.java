package dev.hearth.conversation;

import dev.hearth.testing.Tables;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.escalation.TrainingExamples;
import dev.hearth.system.SystemProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Human handoff end to end over HTTP: a customer asking for a person, or a question
 * Hearth cannot answer, puts the conversation in the agents' queue with a summary; two
 * agents claiming at once, exactly one wins; the agent's reply reaches the transcript;
 * transfer and resolve.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HandoffIT {

	private static final String AGENT_A = "agent-a-secret-token";

	private static final String AGENT_B = "agent-b-secret-token";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrainingExamples examples;

	@Autowired
	SystemProperties system;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void agents() throws Exception {
		Tables.truncate(this.jdbc, "conversation, training_example cascade");
		for (String[] agent : new String[][] { { "alice", AGENT_A }, { "bob", AGENT_B } }) {
			this.jdbc.sql("""
					insert into api_token (id, name, token_sha256, role) values (?, ?, ?, 'AGENT')
					on conflict (name) do update set token_sha256 = excluded.token_sha256
					""").param(UUID.randomUUID()).param(agent[0]).param(sha256(agent[1])).update();
		}
	}

	@Test
	void askingForAPersonQueuesTheConversationWithASummaryAndTellsTheCustomer() throws Exception {
		String[] conversation = start();
		JsonNode reply = ask(conversation, "I want to talk to a real person please");
		assertThat(reply.get("answer").get("role").asString()).isEqualTo("SYSTEM");
		assertThat(reply.get("answer").get("text").asString()).contains("passing you to a person")
			.contains("within 5 minutes");
		JsonNode queued = queuedEntry(conversation[0], AGENT_A);
		assertThat(queued.get("state").asString()).isEqualTo("WAITING_FOR_AGENT");
		assertThat(queued.get("rule").asString()).isEqualTo("customer-asked-for-person");
		assertThat(queued.get("summary").get("question").asString())
			.isEqualTo("I want to talk to a real person please");
		assertThat(queued.get("slaDueAt").asString()).isNotBlank();

		// issue 12: while the customer waits the bot keeps helping; what it cannot answer
		// gets their place in the queue and the wait
		JsonNode later = ask(conversation, "hello? anyone there?");
		assertThat(later.get("answer").get("role").asString()).isEqualTo("ASSISTANT");
		assertThat(later.get("answer").get("text").asString()).contains("number 1 in the queue")
			.contains("about 5 minutes");
		assertThat(queuedEntry(conversation[0], AGENT_A).get("state").asString()).isEqualTo("WAITING_FOR_AGENT");

		agent("POST", "/api/agent/conversations/" + conversation[0] + "/claim", null, AGENT_A);
		JsonNode claimed = ask(conversation, "How long does a refund take?");
		assertThat(claimed.get("answer").isNull()).as("the bot stays quiet once a person has it").isTrue();
	}

	@Test
	void anUnanswerableQuestionIsDeclinedAndAPersonFollowsWhenTheCustomerAsks() throws Exception {
		// issue 12: an off-topic question is declined politely instead of handed over
		String[] conversation = start();
		JsonNode reply = ask(conversation, "Can you recommend a good restaurant for dinner in Munich?");
		JsonNode answer = reply.get("answer");
		assertThat(answer.get("role").asString()).isEqualTo("ASSISTANT");
		assertThat(answer.get("answer").get("decision").asString()).isEqualTo("ESCALATE");
		assertThat(answer.get("text").asString()).contains("rephrase").contains("talk to a person");
		assertThat(this.jdbc.sql("select state from conversation where id = ?")
			.param(UUID.fromString(conversation[0]))
			.query(String.class)
			.single()).isEqualTo("BOT");
		assertThat(this.jdbc.sql("select action || ':' || outcome from escalation_decision where conversation_id = ?")
			.param(UUID.fromString(conversation[0]))
			.query(String.class)
			.list()).containsExactly("DECLINE:DECLINED");

		JsonNode person = ask(conversation, "a person");
		assertThat(person.get("answer").get("text").asString()).contains("passing you to a person");
		JsonNode queued = queuedEntry(conversation[0], AGENT_A);
		assertThat(queued.get("rule").asString()).isEqualTo("customer-asked-for-person");
		assertThat(queued.get("summary").get("question").asString())
			.as("the agent reads the question, not the request for a person")
			.isEqualTo("Can you recommend a good restaurant for dinner in Munich?");

		agent("POST", "/api/agent/conversations/" + conversation[0] + "/claim", null, AGENT_A);
		agent("POST", "/api/agent/conversations/" + conversation[0] + "/messages",
				"{\"text\": \"We only help with your Northwind services, sorry.\"}", AGENT_A);
		assertThat(
				agent("POST", "/api/agent/conversations/" + conversation[0] + "/resolve", null, AGENT_A).statusCode())
			.isEqualTo(200);
		assertThat(learned(conversation[0])).containsExactly(
				"Can you recommend a good restaurant for dinner in Munich? -> We only help with your Northwind services, sorry.");
	}

	@Test
	void aConversationThatOpensWithARequestForAPersonIsLearnedFromWhatTheCustomerThenAsked() throws Exception {
		String[] conversation = start();
		ask(conversation, "Can I talk to a human please?");
		assertThat(queuedEntry(conversation[0], AGENT_A).get("summary").get("question").asString())
			.isEqualTo("Can I talk to a human please?");
		agent("POST", "/api/agent/conversations/" + conversation[0] + "/claim", null, AGENT_A);
		agent("POST", "/api/agent/conversations/" + conversation[0] + "/messages",
				"{\"text\": \"Hello, how can I help?\"}", AGENT_A);
		ask(conversation, "My hub shows a red light since this morning");
		agent("POST", "/api/agent/conversations/" + conversation[0] + "/messages",
				"{\"text\": \"Restart it: unplug it for 30 seconds.\"}", AGENT_A);
		agent("POST", "/api/agent/conversations/" + conversation[0] + "/resolve", null, AGENT_A);
		assertThat(learned(conversation[0]))
			.containsExactly("My hub shows a red light since this morning -> Restart it: unplug it for 30 seconds.");
	}

	@Test
	void exactlyOneOfTwoAgentsClaimingAtOnceWinsAndOnlyTheOwnerMayReply() throws Exception {
		String[] conversation = start();
		ask(conversation, "Let me speak to an agent");
		String claim = "/api/agent/conversations/" + conversation[0] + "/claim";
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> claims = pool.invokeAll(List.<Callable<HttpResponse<String>>>of(
					() -> agent("POST", claim, null, AGENT_A), () -> agent("POST", claim, null, AGENT_B)));
			List<Integer> statuses = List.of(claims.get(0).get().statusCode(), claims.get(1).get().statusCode());
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			String winner = (statuses.get(0) == 200) ? AGENT_A : AGENT_B;
			String loser = winner.equals(AGENT_A) ? AGENT_B : AGENT_A;
			String loserName = winner.equals(AGENT_A) ? "bob" : "alice";

			String messages = "/api/agent/conversations/" + conversation[0] + "/messages";
			assertThat(agent("POST", messages, "{\"text\": \"Hi, I'm here\"}", loser).statusCode()).isEqualTo(409);
			assertThat(agent("POST", messages, "{\"text\": \"Hi, I'm here to help.\"}", winner).statusCode())
				.isEqualTo(201);
			JsonNode transcript = transcript(conversation);
			JsonNode last = transcript.get(transcript.size() - 1);
			assertThat(last.get("role").asString()).isEqualTo("AGENT");
			assertThat(last.get("text").asString()).isEqualTo("Hi, I'm here to help.");
			ask(conversation, "My hub keeps restarting at night");
			assertThat(agent("POST", messages, "{\"text\": \"I sent the steps to pat@example.com.\"}", winner)
				.statusCode()).isEqualTo(201);

			HttpResponse<String> unknown = agent("POST", "/api/agent/conversations/" + conversation[0] + "/transfer",
					"{\"to\": \"nobody-here\"}", winner);
			assertThat(unknown.statusCode()).isEqualTo(400);
			assertThat(unknown.body()).contains("There is no agent 'nobody-here'");
			HttpResponse<String> transferred = agent("POST",
					"/api/agent/conversations/" + conversation[0] + "/transfer", "{\"to\": \"" + loserName + "\"}",
					winner);
			assertThat(this.json.readTree(transferred.body()).get("assignedAgent").asString()).isEqualTo(loserName);
			HttpResponse<String> resolved = agent("POST", "/api/agent/conversations/" + conversation[0] + "/resolve",
					"{\"outcome\": \"answered\"}", loser);
			assertThat(this.json.readTree(resolved.body()).get("state").asString()).isEqualTo("RESOLVED");

			String admin = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
			String export = agent("GET", "/api/admin/training-examples", null, admin).body();
			JsonNode example = this.json.readTree(export.lines().reduce((first, second) -> second).orElseThrow());
			assertThat(example.get("messages").get(1).get("content").asString())
				.as("learned with what the customer asked, not the request for a person")
				.isEqualTo("My hub keeps restarting at night");
			assertThat(example.get("messages").get(2).get("content").asString())
				.isEqualTo("I sent the steps to [EMAIL_1].");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theAgentApiNeedsAnAgentToken() throws Exception {
		String[] conversation = start();
		assertThat(agent("GET", "/api/agent/conversations", null, null).statusCode()).isEqualTo(401);
		assertThat(agent("GET", "/api/agent/conversations", null, conversation[1]).statusCode()).isEqualTo(401);
		String admin = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		assertThat(agent("GET", "/api/agent/conversations", null, admin).statusCode()).isEqualTo(200);
	}

	private List<String> learned(String conversation) {
		return this.examples.fromConversations(List.of(UUID.fromString(conversation)))
			.stream()
			.map((e) -> e.question() + " -> " + e.answer())
			.toList();
	}

	private JsonNode queuedEntry(String id, String token) throws Exception {
		JsonNode queue = this.json
			.readTree(agent("GET", "/api/agent/conversations?filter=waiting", null, token).body());
		for (JsonNode entry : queue) {
			if (entry.get("id").asString().equals(id)) {
				return entry;
			}
		}
		throw new AssertionError("conversation " + id + " is not in the queue: " + queue);
	}

	private HttpResponse<String> agent(String method, String path, String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String[] start() throws Exception {
		JsonNode body = this.json.readTree(
				this.http
					.send(HttpRequest.newBuilder(uri("/api/widget/conversations"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{}"))
						.build(), HttpResponse.BodyHandlers.ofString())
					.body());
		return new String[] { body.get("conversationId").asString(), body.get("token").asString() };
	}

	private JsonNode ask(String[] conversation, String text) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(uri("/api/widget/conversations/" + conversation[0] + "/messages"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + conversation[1])
				.POST(HttpRequest.BodyPublishers.ofString(this.json.createObjectNode().put("text", text).toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private JsonNode transcript(String[] conversation) throws Exception {
		return this.json.readTree(
				this.http
					.send(HttpRequest.newBuilder(uri("/api/widget/conversations/" + conversation[0] + "/messages"))
						.header("Authorization", "Bearer " + conversation[1])
						.build(), HttpResponse.BodyHandlers.ofString())
					.body());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
