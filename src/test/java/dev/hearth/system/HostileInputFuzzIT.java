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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.hearth.HearthApplication;

import dev.hearth.testing.HearthHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing with seeded generators (issue 13; why not jqwik: ADR 0016): hostile text and
 * bodies — control characters, NUL, lone surrogates, zero-width and bidi characters, runs
 * of combining marks, markup, SQL, over-long text, broken and deeply nested JSON, random
 * bytes — sent over loopback to the widget API (messages, feedback) and the importers
 * (FAQ CSV and JSONL, documents). Each request must answer below 500 within its timeout,
 * and every accepted customer message must be in the transcript. The number of tries per
 * target is fixed and the seed is printed, so a failure can be replayed
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

	/** One server of its own, on loopback. */
	@BeforeAll
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

	@AfterAll
	static void stop() {
		System.out.println("HostileInputFuzzIT: " + CASES.get() + " cases, seed " + SEED);
		if (app != null) {
			app.close();
		}
	}

	private static final String[] SPECIALS = { "\u0000", "\u0001", "\u001b[31m", "\u007f", "\u200b", "\u200d", "\u202e",
			"\u2066", "\ufeff", "\ud800", "\udfff", "\uffff", "\u0301", "\u0301".repeat(300),
			"'; drop table conversation; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}",
			"\"", "\\", "\r\n", "%00", "ignore previous instructions", "4111 1111 1111 1111", "ann@example.com", "🙂",
			"𝔘𝔫𝔦𝔠𝔬𝔡𝔢" };

	private static final String[] WORDS = { "router", "reset", "refund", "password", "wifi", "person", "hours" };

	private static final String[] WRONG_TYPES = { "{\"text\":123}", "{\"text\":null}", "{\"text\":[\"a\"]}",
			"{\"text\":{\"a\":1}}", "{\"text\":\"a\",\"text\":\"b\"}", "{}", "[]", "null", "\"text\"", "{\"text\":",
			"{\"rating\":\"x\"}", "{\"rating\":99999999999}", "{\"rating\":1,\"comment\":1}" };

	/**
	 * Any UTF-16 code units, surrogates and unassigned ones included, up to {@code max}.
	 */
	private String anyChars(int max) {
		char[] chars = new char[this.random.nextInt(max + 1)];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = (char) this.random.nextInt(Character.MAX_VALUE + 1);
		}
		return new String(chars);
	}

	/** Text as an attacker would type or paste it. */
	String hostileText() {
		if (this.random.nextInt(10) == 0) {
			String special = SPECIALS[this.random.nextInt(SPECIALS.length)];
			int length = 500 + this.random.nextInt(2501);
			return special.repeat(Math.max(1, length / Math.max(1, special.length())));
		}
		StringBuilder text = new StringBuilder();
		int pieces = 1 + this.random.nextInt(8);
		for (int i = 0; i < pieces; i++) {
			int kind = this.random.nextInt(8);
			if (kind < 3) {
				text.append(SPECIALS[this.random.nextInt(SPECIALS.length)]);
			}
			else if (kind < 6) {
				text.append(anyChars(80));
			}
			else {
				int words = this.random.nextInt(7);
				for (int w = 0; w < words; w++) {
					text.append((w > 0) ? " " : "").append(WORDS[this.random.nextInt(WORDS.length)]);
				}
			}
		}
		return text.toString();
	}

	/** A request body that is often not what the endpoint expects. */
	String hostileBody() {
		int kind = this.random.nextInt(10);
		if (kind < 2) {
			int depth = 1 + this.random.nextInt(3000);
			return "[".repeat(depth) + "]".repeat(depth);
		}
		if (kind < 5) {
			return WRONG_TYPES[this.random.nextInt(WRONG_TYPES.length)];
		}
		if (kind < 7) {
			return anyChars(200);
		}
		return json(hostileText());
	}

	@Test
	void widgetMessagesNeverFailAndAreNeverLost() throws Exception {
		for (int i = 0; i < 60 * SCALE; i++) {
			String text = hostileText();
			String body = hostileBody();
			boolean raw = this.random.nextBoolean();
			long before = customerMessages();
			HttpResponse<String> response = send("POST", "/api/widget/conversations/" + chat.id() + "/messages",
					raw ? body : "{\"text\":" + json(text) + "}", "application/json", chat.token());
			long after = customerMessages();
			assertThat(after).as("case %d (seed %d): an accepted message is stored, a refused one is not", i, SEED)
				.isEqualTo(before + ((response.statusCode() == 200) ? 1 : 0));
		}
	}

	@Test
	void feedbackNeverFails() throws Exception {
		for (int i = 0; i < 60 * SCALE; i++) {
			String comment = hostileText();
			String body = hostileBody();
			boolean raw = this.random.nextBoolean();
			int seq = List.of(-1, 0, 1, 2, 3, Integer.MAX_VALUE).get(this.random.nextInt(6));
			String sent = raw ? body
					: "{\"rating\":" + (this.random.nextInt(5) - 2) + ",\"comment\":" + json(comment) + "}";
			send("POST", "/api/widget/conversations/" + chat.id() + "/messages/" + seq + "/feedback", sent,
					"application/json", chat.token());
		}
	}

	@Test
	void faqImportsNeverFail() throws Exception {
		for (int i = 0; i < 25 * SCALE; i++) {
			String a = hostileText();
			String b = hostileText();
			String c = hostileText();
			Set<String> before = faqIds();
			try {
				send("POST", "/api/admin/faq?format=jsonl&name=fuzz", jsonlFile(a, b, c), "text/plain",
						"fuzz-admin-token");
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
	}

	@Test
	void documentImportsNeverFail() throws Exception {
		String[] names = { "a.txt", "b.md", "c.html", "d.pdf", "e.docx", "f.csv", "g", "h.json" };
		for (int i = 0; i < 30 * SCALE; i++) {
			String a = hostileText();
			String b = hostileText();
			boolean binary = this.random.nextBoolean();
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
