package dev.hearth.conversation;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's live API over HTTP: the event stream resumes after the last seq, "Talk to
 * a person", answer feedback and CSAT with their bad inputs, CORS per site key and the
 * rate limit's 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.widget.sites[0].key=shop", "hearth.widget.sites[0].allowed-origins=https://shop.example",
				"hearth.widget.sites[0].country=de", "hearth.widget.rate-limit.messages-per-minute-per-conversation=8",
				"hearth.widget.rate-limit.posts-per-minute-per-address=1000", "hearth.widget.event-poll=100ms",
				// a configured admin token leaves the local-admin token of the other
				// tests' cached context alone
				"hearth.identity.admin-token=widget-live-admin-token" })
@ActiveProfiles("test")
@DirtiesContext
class WidgetLiveApiIT {

	private static final String AGENT = "widget-live-agent-token";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.hearth.crypto.FieldCipher cipher;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void agent() throws Exception {
		this.jdbc.sql("""
				insert into api_token (id, name, token_sha256, role) values (?, 'carol', ?, 'AGENT')
				on conflict (name) do update set token_sha256 = excluded.token_sha256
				""")
			.param(UUID.randomUUID())
			.param(HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(AGENT.getBytes(StandardCharsets.UTF_8))))
			.update();
	}

	@Test
	void talkToAPersonQueuesTheConversationAndTheStreamResumesAfterTheLastSeq() throws Exception {
		String[] c = start();
		JsonNode handoff = this.json.readTree(post(c, "/handoff", null).body());
		assertThat(handoff.get("message").get("role").asString()).isEqualTo("SYSTEM");
		assertThat(handoff.get("status").get("state").asString()).isEqualTo("WAITING_FOR_AGENT");
		assertThat(handoff.get("status").get("handoffMode").asString()).isEqualTo("LIVE");
		assertThat(handoff.get("status").get("estimatedWaitSeconds").asLong()).isPositive();
		int place = handoff.get("status").get("queuePosition").asInt();
		assertThat(place).isPositive();
		String[] next = start();
		JsonNode behind = this.json.readTree(post(next, "/handoff", null).body()).get("status");
		assertThat(behind.get("queuePosition").asInt()).as("the next customer is behind").isEqualTo(place + 1);
		assertThat(this.json.readTree(get(next, "/status").body()).get("queuePosition").asInt()).isEqualTo(place + 1);
		assertThat(this.json.readTree(post(c, "/handoff", null).body()).get("message").isNull())
			.as("a second press does not queue twice")
			.isTrue();
		assertThat(agent("/" + c[0] + "/claim", null).statusCode()).isEqualTo(200);
		assertThat(agent("/" + c[0] + "/messages", "{\"text\": \"Hi, Carol here\"}").statusCode()).isEqualTo(201);
		assertThat(agent("/" + c[0] + "/messages", "{\"text\": \"How can I help?\"}").statusCode()).isEqualTo(201);

		List<String[]> events = events(c, "?after=2", 2);
		assertThat(events.get(0)[0]).isEqualTo("message");
		assertThat(events.get(0)[2]).isEqualTo("3");
		JsonNode reply = this.json.readTree(events.get(0)[1]);
		assertThat(reply.get("text").asString()).isEqualTo("How can I help?");
		assertThat(reply.get("author").asString()).isEqualTo("carol");
		JsonNode status = this.json.readTree(events.get(1)[1]);
		assertThat(status.get("state").asString()).isEqualTo("WITH_AGENT");
		assertThat(status.get("agentName").asString()).isEqualTo("carol");
	}

	@Test
	void answersAreRatedOnceAndBadRatingsSayWhatIsWrong() throws Exception {
		String[] c = start();
		JsonNode reply = this.json
			.readTree(send(c, "/messages", "{\"text\": \"Who won the football world cup in 1998?\"}").body());
		int answer = reply.get("answer").get("seq").asInt();
		assertProblem(post(c, "/messages/" + answer + "/feedback", "{\"rating\": 0}"), 400,
				"rating must be 1 (helpful) or -1 (not helpful), got 0: send {\"rating\": 1}");
		assertProblem(post(c, "/messages/1/feedback", "{\"rating\": 1}"), 400,
				"message 1 is not an answer of this conversation: only answers can be rated");
		assertThat(post(c, "/messages/" + answer + "/feedback", "{\"rating\": 1}").statusCode()).isEqualTo(204);
		assertThat(
				post(c, "/messages/" + answer + "/feedback", "{\"rating\": -1, \"comment\": \"wrong\"}").statusCode())
			.isEqualTo(204);
		assertThat(this.jdbc.sql("select rating from answer_feedback where conversation_id = ?")
			.param(UUID.fromString(c[0]))
			.query(Integer.class)
			.list()).containsExactly(-1);
		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, this.cipher, "answer_feedback", "enc_key", "comment",
				"conversation_id::text || '/' || message_seq", "conversation_id = ?", UUID.fromString(c[0])))
			.as("sealed at rest, opened")
			.containsExactly("wrong");
	}

	@Test
	void satisfactionCanBeRatedOnlyAfterResolution() throws Exception {
		String[] c = start();
		assertProblem(post(c, "/csat", "{\"score\": 5}"), 409,
				"The conversation can be rated once a person has resolved it; it is BOT.");
		post(c, "/handoff", null);
		agent("/" + c[0] + "/claim", null);
		agent("/" + c[0] + "/resolve", "{\"outcome\": \"answered\"}");
		assertProblem(post(c, "/csat", "{\"score\": 6}"), 400,
				"score must be a whole number from 1 (very unhappy) to 5 (very happy), got 6: send {\"score\": 5}");
		assertThat(post(c, "/csat", "{\"score\": 4, \"comment\": \"quick\"}").statusCode()).isEqualTo(204);
		JsonNode status = this.json.readTree(get(c, "/status").body());
		assertThat(status.get("state").asString()).isEqualTo("RESOLVED");
		assertThat(status.get("csat").asInt()).isEqualTo(4);
	}

	@Test
	void otherOriginsAreRefusedAndAllowedOnesGetCorsHeaders() throws Exception {
		HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(uri("/api/widget/conversations?site=shop"))
			.header("Origin", "https://evil.example")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(refused, 403,
				"Pages from https://evil.example may not use the chat widget of site 'shop': add the origin to hearth.widget.sites[].allowed-origins of that site.");
		HttpResponse<String> preflight = this.http
			.send(HttpRequest.newBuilder(uri("/api/widget/conversations?site=shop"))
				.header("Origin", "https://shop.example")
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "content-type")
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
		HttpResponse<String> unknown = this.http.send(HttpRequest.newBuilder(uri("/api/widget/conversations?site=nope"))
			.header("Origin", "https://shop.example")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(unknown, 400,
				"unknown site key 'nope': use the data-site value from your Hearth administrator (hearth.widget.sites)");
		HttpResponse<String> allowed = this.http.send(HttpRequest.newBuilder(uri("/api/widget/conversations?site=shop"))
			.header("Origin", "https://shop.example")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(allowed.statusCode()).isEqualTo(201);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
		String id = this.json.readTree(allowed.body()).get("conversationId").asString();
		assertThat(this.jdbc.sql("select site_key from conversation where id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("shop");
	}

	@Test
	void tooManyMessagesGetA429ThatSaysWhenToTryAgain() throws Exception {
		String[] c = start();
		HttpResponse<String> last = null;
		for (int i = 0; i < 9; i++) {
			last = post(c, "/messages/1/feedback", "{\"rating\": 1}");
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(this.json.readTree(last.body()).get("detail").asString())
			.startsWith("Too many messages and actions in one conversation: at most 8 a minute are allowed.");
	}

	@Test
	void theFramePageSendsAStrictPolicyAndTheDemoPageHasTheWidget() throws Exception {
		HttpResponse<String> frame = this.http.send(
				HttpRequest.newBuilder(uri("/widget/frame?site=shop&lang=de-CH")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(frame.statusCode()).isEqualTo(200);
		assertThat(frame.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
			.contains("frame-ancestors 'self' https://shop.example");
		assertThat(frame.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(frame.body()).contains("lang=\"de\"").contains("Chat öffnen");
		HttpResponse<String> home = this.http.send(HttpRequest.newBuilder(uri("/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.body()).contains("Northwind Fibre")
			.contains("<script src=\"/widget/hearth.js\" data-site=\"demo\"");
		HttpResponse<String> script = this.http.send(HttpRequest.newBuilder(uri("/widget/hearth.js")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
		assertProblem(
				this.http.send(HttpRequest.newBuilder(uri("/widget/frame?site=nope")).build(),
						HttpResponse.BodyHandlers.ofString()),
				400,
				"unknown site key 'nope': use the data-site value from your Hearth administrator (hearth.widget.sites)");
	}

	@Test
	void theCustomersCountryComesFromThePageTheSiteOrTheBrowserAndReachesTheRegulatedDataRule() throws Exception {
		assertThat(country(start("{\"language\": \"en\", \"country\": \"nl\"}", "de-DE"))).isEqualTo("NL");
		assertThat(country(start("{\"language\": \"en\", \"site\": \"shop\"}", "nl-NL"))).as("the site's")
			.isEqualTo("DE");
		String[] dutch = start("{\"language\": \"nl\"}", "nl-NL,nl;q=0.9");
		assertThat(country(dutch)).isEqualTo("NL");
		assertThat(country(start("{\"language\": \"en\"}", null))).isNull();
		HttpResponse<String> bad = this.http.send(HttpRequest.newBuilder(uri("/api/widget/conversations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"country\": \"Netherlands\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(bad, 400, "country must be an ISO 3166-1 alpha-2 code such as NL or DE, got 'Netherlands'");
		// a Dutch customer's "ID number" with a number that passes the BSN 11-test:
		// regulated
		assertThat(send(dutch, "/messages", "{\"text\": \"my ID number is 111222333\"}").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select state || ' ' || escalation_rule from conversation where id = ?")
			.param(UUID.fromString(dutch[0]))
			.query(String.class)
			.single()).isEqualTo("WAITING_FOR_AGENT regulated-data");
	}

	private String country(String[] c) {
		return this.jdbc.sql("select country from conversation where id = ?")
			.param(UUID.fromString(c[0]))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String[] start(String body, String acceptLanguage) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/widget/conversations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode started = this.json.readTree(response.body());
		return new String[] { started.get("conversationId").asString(), started.get("token").asString() };
	}

	private String[] start() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/widget/conversations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"language\": \"en\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode started = this.json.readTree(response.body());
		return new String[] { started.get("conversationId").asString(), started.get("token").asString() };
	}

	private HttpResponse<String> post(String[] c, String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/widget/conversations/" + c[0] + path))
			.header("Authorization", "Bearer " + c[1])
			.header("Content-Type", "application/json")
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String[] c, String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/widget/conversations/" + c[0] + path))
			.header("Authorization", "Bearer " + c[1])
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String[] c, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/widget/conversations/" + c[0] + path))
			.header("Authorization", "Bearer " + c[1])
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> agent(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/agent/conversations" + path))
			.header("Authorization", "Bearer " + AGENT)
			.header("Content-Type", "application/json")
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The first {@code count} events of the live stream: name, data, id. */
	private List<String[]> events(String[] c, String query, int count) throws Exception {
		HttpResponse<InputStream> response = this.http
			.send(HttpRequest.newBuilder(uri("/api/widget/conversations/" + c[0] + "/events" + query))
				.header("Authorization", "Bearer " + c[1])
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String[]> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String name = null;
			String data = null;
			String id = null;
			String line;
			while (events.size() < count && (line = reader.readLine()) != null) {
				if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data = line.substring(5).strip();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.isEmpty() && data != null) {
					events.add(new String[] { name, data, id });
					name = null;
					data = null;
					id = null;
				}
			}
		}
		return events;
	}

	private void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(this.json.readTree(response.body()).get("detail").asString()).isEqualTo(detail);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
