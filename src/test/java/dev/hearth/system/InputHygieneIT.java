package dev.hearth.system;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input found by probing (issue 13) over real HTTP: NUL characters in every text
 * a customer, an agent or an admin sends are removed instead of failing in PostgreSQL
 * (500); wrong shapes, invisible-only text and duplicate keys are 400; oversized bodies
 * 413 before they are parsed; thousands of combining marks do not slow answering down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InputHygieneIT {

	private static final String NUL = "\\u0000";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.hearth.crypto.FieldCipher cipher;

	HearthHttp http;

	@BeforeEach
	void tokens() throws Exception {
		this.http = new HearthHttp(this.port);
		HearthHttp.token(this.jdbc, "hygiene-agent", "hygiene-agent-token", "AGENT");
		HearthHttp.token(this.jdbc, "hygiene-admin", "hygiene-admin-token", "ADMIN");
		// a transfer goes only to an agent who exists
		HearthHttp.token(this.jdbc, "hygiene-other", "hygiene-other-token", "AGENT");
	}

	@Test
	void nulInAWidgetMessageAndAFeedbackCommentIsRemoved() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		HttpResponse<String> sent = message(chat, "{\"text\":\"how long does a re" + NUL + "fund take?\"}");
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		JsonNode reply = this.http.json(sent);
		assertThat(reply.get("message").get("text").asString()).isEqualTo("how long does a refund take?");
		int seq = reply.get("answer").get("seq").asInt();
		HttpResponse<String> rated = this.http.send("POST",
				"/api/widget/conversations/" + chat.id() + "/messages/" + seq + "/feedback",
				"{\"rating\":-1,\"comment\":\"not" + NUL + " helpful\"}", chat.token());
		assertThat(rated.statusCode()).as(rated.body()).isEqualTo(204);
		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, this.cipher, "answer_feedback", "enc_key", "comment",
				"conversation_id::text || '/' || message_seq", "conversation_id = ?::uuid", chat.id()))
			.containsExactly("not helpful");
		HttpResponse<String> csat = this.http.send("POST", "/api/widget/conversations/" + chat.id() + "/csat",
				"{\"score\":2,\"comment\":\"" + NUL + NUL + "\"}", chat.token());
		assertThat(csat.statusCode()).as(csat.body()).isLessThan(500);
	}

	@Test
	void nulInAnAgentReplyAndATransferIsRemoved() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		this.http.ask(chat, "I want to talk to a real person please");
		String base = "/api/agent/conversations/" + chat.id();
		assertThat(this.http.send("POST", base + "/claim", null, "hygiene-agent-token").statusCode()).isEqualTo(200);
		HttpResponse<String> reply = this.http.send("POST", base + "/messages",
				"{\"text\":\"Hello" + NUL + ", I am here\"}", "hygiene-agent-token");
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
		assertThat(this.http.json(reply).get("text").asString()).isEqualTo("Hello, I am here");
		HttpResponse<String> empty = this.http.send("POST", base + "/messages", "{\"text\":\"" + NUL + "\u200b\"}",
				"hygiene-agent-token");
		assertThat(empty.statusCode()).isEqualTo(400);
		HttpResponse<String> transfer = this.http.send("POST", base + "/transfer",
				"{\"to\":\"hygiene" + NUL + "-other\"}", "hygiene-agent-token");
		assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(200);
		assertThat(this.http.json(transfer).get("assignedAgent").asString()).isEqualTo("hygiene-other");
	}

	@Test
	void nulInAnFaqImportIsRemoved() throws Exception {
		String line = "{\"id\":\"hygiene-nul\",\"question\":\"Do you sell gift" + NUL
				+ " cards?\",\"answer\":\"No, we do not sell gift cards.\"}";
		HttpResponse<String> imported = this.http.send("POST", "/api/admin/faq?format=jsonl&name=hygiene.jsonl", line,
				"hygiene-admin-token");
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(
				this.jdbc.sql("select question from faq_entry where id = 'hygiene-nul'").query(String.class).single())
			.isEqualTo("Do you sell gift cards?");
		HttpResponse<String> csv = this.http.send("POST", "/api/admin/faq?format=csv&name=hygiene.csv",
				"id,question,answer\nhygiene-nul-csv,Gift\u0000 vouchers?,We do not sell them.\n",
				"hygiene-admin-token");
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
	}

	@Test
	void wrongShapesInvisibleTextAndDuplicateKeysAre400WithTheReason() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		HttpResponse<String> number = message(chat, "{\"text\":123}");
		assertThat(number.statusCode()).isEqualTo(400);
		assertThat(number.body()).contains("'text'");
		assertThat(message(chat, "{\"text\":[\"a\"]}").statusCode()).isEqualTo(400);
		HttpResponse<String> invisible = message(chat, "{\"text\":\"\u200b\u200c\u200d\ufeff\u2060\"}");
		assertThat(invisible.statusCode()).isEqualTo(400);
		assertThat(invisible.body()).contains("the message is empty");
		HttpResponse<String> duplicate = message(chat, "{\"text\":\"hello\",\"text\":\"refund\"}");
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(duplicate.body()).contains("Duplicate");
		String deep = "[".repeat(5000) + "]".repeat(5000);
		assertThat(message(chat, deep).statusCode()).isEqualTo(400);
		assertThat(this.http.transcript(chat)).isEmpty();
	}

	@Test
	void oversizedBodiesAreRefusedBeforeParsing() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		String manyKeys = IntStream.range(0, 200_000)
			.mapToObj((i) -> "\"k" + i + "\":1")
			.collect(java.util.stream.Collectors.joining(",", "{\"text\":\"hi\",", "}"));
		long start = System.nanoTime();
		HttpResponse<String> keys = message(chat, manyKeys);
		assertThat(keys.statusCode()).isEqualTo(413);
		assertThat(keys.body()).contains("larger than");

		String chunked = sendChunked("/api/widget/conversations/" + chat.id() + "/messages", chat.token(),
				20 * 1024 * 1024);
		assertThat(chunked).startsWith("HTTP/1.1 413");
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for both").isLessThan(10_000);
		assertThat(this.http.transcript(chat)).isEmpty();
	}

	@Test
	void thousandsOfCombiningMarksAreCappedAndAnsweredQuickly() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		String zalgo = Stream.of("refund", "\u0301".repeat(2000), " how long")
			.collect(java.util.stream.Collectors.joining());
		long start = System.nanoTime();
		JsonNode reply = this.http.ask(chat, zalgo);
		long millis = (System.nanoTime() - start) / 1_000_000;
		String stored = reply.get("message").get("text").asString();
		assertThat(stored).hasSize("refund how long".length() + InputText.MAX_COMBINING_MARKS);
		assertThat(millis).as("milliseconds to answer").isLessThan(3_000);
	}

	private HttpResponse<String> message(HearthHttp.Chat chat, String body) throws Exception {
		return this.http.send("POST", "/api/widget/conversations/" + chat.id() + "/messages", body, chat.token());
	}

	/**
	 * Streams a JSON body of about {@code bytes} bytes without a length (chunked), as a
	 * client that hides the size would, and returns the start of the response. The server
	 * may close the connection while the body is still being sent.
	 */
	private String sendChunked(String path, String token, int bytes) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "Accept: application/json\r\nAuthorization: Bearer " + token
					+ "\r\nTransfer-Encoding: chunked\r\n\r\n";
			byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			try {
				out.write(head.getBytes(StandardCharsets.US_ASCII));
				out.write("9\r\n{\"text\":\"\r\n".getBytes(StandardCharsets.US_ASCII));
				for (int sent = 0; sent < bytes; sent += 0x10000) {
					out.write(chunk);
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (IOException closed) {
				// the server answered and closed the connection before the body ended
			}
			byte[] response = socket.getInputStream().readNBytes(64);
			return new String(response, StandardCharsets.US_ASCII);
		}
	}

}
