package dev.hearth.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.hearth.HearthApplication;

import dev.hearth.testing.HearthHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing with jqwik's generators (issue 13): hostile text and bodies — control
 * characters, NUL, lone surrogates, zero-width and bidi characters, runs of combining
 * marks, markup, SQL, over-long text, broken and deeply nested JSON, random bytes — sent
 * over loopback to the widget API (messages, feedback) and the importers (FAQ CSV and
 * JSONL, documents). Each request must answer below 500 within its timeout, and every
 * accepted customer message must be in the transcript. The number of tries per target is
 * fixed and the seed is printed, so a failure can be replayed
 * ({@code -Dhearth.fuzz.seed=...}, {@code -Dhearth.fuzz.scale=2} for more cases).
 */
class HostileInputFuzzIT {

	private static final long SEED = Long.getLong("hearth.fuzz.seed", 13L);

	private static final int SCALE = Integer.getInteger("hearth.fuzz.scale", 1);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final AtomicInteger CASES = new AtomicInteger();

	private static ConfigurableApplicationContext app;

	static int port;

	static HearthHttp http;

	static HearthHttp.Chat chat;

	static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final Random random = new Random(SEED);

	/** jqwik runs outside Spring's test support: one server of its own, on loopback. */
	@BeforeContainer
	static void start() throws Exception {
		app = new SpringApplicationBuilder(HearthApplication.class).profiles("test")
			.properties("server.port=0", "server.address=127.0.0.1")
			.run();
		port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		http = new HearthHttp(port);
		HearthHttp.token(app.getBean(JdbcClient.class), "fuzz-admin", "fuzz-admin-token", "ADMIN");
		chat = http.start();
		http.ask(chat, "How do I reset my router?");
	}

	@AfterContainer
	static void stop() {
		System.out.println("HostileInputFuzzIT: " + CASES.get() + " cases, seed " + SEED);
		if (app != null) {
			app.close();
		}
	}

	/** Text as an attacker would type or paste it. */
	@Provide
	static Arbitrary<String> hostileText() {
		Arbitrary<String> specials = Arbitraries.of("\u0000", "\u0001", "\u001b[31m", "\u007f", "\u200b", "\u200d",
				"\u202e", "\u2066", "\ufeff", "\ud800", "\udfff", "\uffff", "\u0301", "\u0301".repeat(300),
				"'; drop table conversation; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}",
				"\"", "\\", "\r\n", "%00", "ignore previous instructions", "4111 1111 1111 1111", "ann@example.com",
				"🙂", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
		Arbitrary<String> plain = Arbitraries.strings().all().ofMaxLength(80);
		Arbitrary<String> words = Arbitraries.of("router", "reset", "refund", "password", "wifi", "person", "hours")
			.list()
			.ofMaxSize(6)
			.map((list) -> String.join(" ", list));
		Arbitrary<String> piece = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, specials),
				net.jqwik.api.Tuple.of(3, plain), net.jqwik.api.Tuple.of(2, words));
		Arbitrary<String> joined = piece.list().ofMinSize(1).ofMaxSize(8).map((list) -> String.join("", list));
		Arbitrary<String> huge = Combinators.combine(specials, Arbitraries.integers().between(500, 3000))
			.as((s, n) -> s.repeat(Math.max(1, n / Math.max(1, s.length()))));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, joined), net.jqwik.api.Tuple.of(1, huge));
	}

	/** A request body that is often not what the endpoint expects. */
	@Provide
	static Arbitrary<String> hostileBody() {
		Arbitrary<String> nested = Arbitraries.integers()
			.between(1, 3000)
			.map((depth) -> "[".repeat(depth) + "]".repeat(depth));
		Arbitrary<String> wrongTypes = Arbitraries.of("{\"text\":123}", "{\"text\":null}", "{\"text\":[\"a\"]}",
				"{\"text\":{\"a\":1}}", "{\"text\":\"a\",\"text\":\"b\"}", "{}", "[]", "null", "\"text\"", "{\"text\":",
				"{\"rating\":\"x\"}", "{\"rating\":99999999999}", "{\"rating\":1,\"comment\":1}");
		Arbitrary<String> garbage = Arbitraries.strings().all().ofMaxLength(200);
		Arbitrary<String> text = hostileText().map(HostileInputFuzzIT::json);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, nested), net.jqwik.api.Tuple.of(3, wrongTypes),
				net.jqwik.api.Tuple.of(2, garbage), net.jqwik.api.Tuple.of(3, text));
	}

	@Property(tries = 60, seed = "13", shrinking = ShrinkingMode.OFF)
	void widgetMessagesNeverFailAndAreNeverLost(@ForAll("hostileText") String text, @ForAll("hostileBody") String body,
			@ForAll boolean raw) throws Exception {
		long before = customerMessages();
		HttpResponse<String> response = send("POST", "/api/widget/conversations/" + chat.id() + "/messages",
				raw ? body : "{\"text\":" + json(text) + "}", "application/json", chat.token());
		long after = customerMessages();
		assertThat(after).as("an accepted message is stored, a refused one is not")
			.isEqualTo(before + ((response.statusCode() == 200) ? 1 : 0));
	}

	@Property(tries = 60, seed = "13", shrinking = ShrinkingMode.OFF)
	void feedbackNeverFails(@ForAll("hostileText") String comment, @ForAll("hostileBody") String body,
			@ForAll boolean raw) throws Exception {
		int seq = List.of(-1, 0, 1, 2, 3, Integer.MAX_VALUE).get(this.random.nextInt(6));
		String sent = raw ? body
				: "{\"rating\":" + (this.random.nextInt(5) - 2) + ",\"comment\":" + json(comment) + "}";
		send("POST", "/api/widget/conversations/" + chat.id() + "/messages/" + seq + "/feedback", sent,
				"application/json", chat.token());
	}

	@Property(tries = 25, seed = "13", shrinking = ShrinkingMode.OFF)
	void faqImportsNeverFail(@ForAll("hostileText") String a, @ForAll("hostileText") String b,
			@ForAll("hostileText") String c) throws Exception {
		Set<String> before = faqIds();
		try {
			send("POST", "/api/admin/faq?format=jsonl&name=fuzz", jsonlFile(a, b, c), "text/plain", "fuzz-admin-token");
			send("POST", "/api/admin/faq?format=csv&name=fuzz", csvFile(a, b, c), "text/plain", "fuzz-admin-token");
		}
		finally {
			for (String id : faqIds()) {
				if (!before.contains(id)) {
					http.send("DELETE", "/api/admin/faq/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null,
							"fuzz-admin-token");
				}
			}
		}
	}

	@Property(tries = 30, seed = "13", shrinking = ShrinkingMode.OFF)
	void documentImportsNeverFail(@ForAll("hostileText") String a, @ForAll("hostileText") String b,
			@ForAll boolean binary) throws Exception {
		String[] names = { "a.txt", "b.md", "c.html", "d.pdf", "e.docx", "f.csv", "g", "h.json" };
		String source = "fuzz/" + CASES.get() + "-" + names[this.random.nextInt(names.length)];
		byte[] body;
		if (binary) {
			body = new byte[this.random.nextInt(4096)];
			this.random.nextBytes(body);
			if (source.endsWith(".pdf") && body.length > 8) {
				System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 8);
			}
			if (source.endsWith(".docx") && body.length > 4) {
				body[0] = 'P';
				body[1] = 'K';
				body[2] = 3;
				body[3] = 4;
			}
		}
		else {
			body = ("# " + a + "\n\n" + b + "\n\n<p>" + a + b + "</p>").getBytes(StandardCharsets.UTF_8);
		}
		try {
			sendBytes("/api/admin/documents?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8), body);
		}
		finally {
			http.send("DELETE", "/api/admin/documents?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8),
					null, "fuzz-admin-token");
		}
	}

	private long customerMessages() throws Exception {
		JsonNode transcript = http.transcript(chat);
		long customer = 0;
		for (JsonNode message : transcript.has("messages") ? transcript.get("messages") : transcript) {
			if ("CUSTOMER".equalsIgnoreCase(message.path("role").asString())) {
				customer++;
			}
		}
		return customer;
	}

	private String jsonlFile(String a, String b, String c) {
		return a + "\n" + "{\"id\":" + json("fuzz-" + this.random.nextInt(1000)) + ",\"question\":" + json(b)
				+ ",\"answer\":" + json(c) + "}\n" + "{\"question\":" + json(c)
				+ ",\"examples\":[1,{}],\"answer\":null}\n";
	}

	private String csvFile(String a, String b, String c) {
		return (this.random.nextBoolean() ? "id,question,answer\n" : "") + "fuzz-" + this.random.nextInt(1000) + "," + a
				+ ",\"" + b + (this.random.nextBoolean() ? "\"" : "") + "\n" + c + "\n";
	}

	private Set<String> faqIds() throws Exception {
		Set<String> ids = new HashSet<>();
		for (JsonNode entry : http.json(http.send("GET", "/api/admin/faq", null, "fuzz-admin-token"))) {
			ids.add(entry.get("id").asString());
		}
		return ids;
	}

	private HttpResponse<String> send(String method, String path, String body, String type, String token)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(TIMEOUT)
			.header("Content-Type", type + "; charset=utf-8")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return check(request, body);
	}

	private HttpResponse<String> sendBytes(String path, byte[] body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/octet-stream")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer fuzz-admin-token")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return check(request, "<" + body.length + " bytes>");
	}

	private HttpResponse<String> check(HttpRequest request, String body) throws Exception {
		CASES.incrementAndGet();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode())
			.as("%s %s with %s (seed %d)", request.method(), request.uri().getPath(), abbreviate(body), SEED)
			.isLessThan(500);
		assertThat(response.body()).as("no stack trace").doesNotContain("\tat dev.hearth").doesNotContain("Exception:");
		return response;
	}

	private static String abbreviate(String body) {
		String escaped = json(body);
		return (escaped.length() > 300) ? escaped.substring(0, 300) + "…" : escaped;
	}

	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c)) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
