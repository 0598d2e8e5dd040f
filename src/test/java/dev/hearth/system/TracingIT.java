package dev.hearth.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing switched on (sampling 1, an OTLP endpoint): a customer's turn is exported as
 * spans over OTLP/HTTP to a collector, here a local HTTP server that keeps what it
 * receives. The spans of the widget request, the embedding, the answer pipeline and the
 * handoff arrive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0" })
@ActiveProfiles("test")
class TracingIT {

	private static final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private static final HttpServer collector = collector();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void otlp(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
				() -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
	}

	@AfterAll
	static void stop() {
		collector.stop(0);
	}

	@Test
	void aTurnIsExportedAsSpans() throws Exception {
		HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/widget/conversations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"language\": \"en\"}")));
		assertThat(started.statusCode()).isEqualTo(201);
		JsonNode conversation = this.json.readTree(started.body());
		HttpResponse<String> asked = send(HttpRequest
			.newBuilder(uri("/api/widget/conversations/" + conversation.get("conversationId").asString() + "/messages"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + conversation.get("token").asString())
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Who won the football world cup in 1998?\"}")));
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
		// an off-topic question is declined (issue 12); the customer then asks for a
		// person
		HttpResponse<String> person = send(HttpRequest
			.newBuilder(uri("/api/widget/conversations/" + conversation.get("conversationId").asString() + "/messages"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + conversation.get("token").asString())
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"I want to talk to a person\"}")));
		assertThat(person.statusCode()).as(person.body()).isEqualTo(200);

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String spans = "";
		while (System.nanoTime() < deadline && !spans.contains("hand off")) {
			Thread.sleep(500);
			synchronized (received) {
				spans = received.toString(StandardCharsets.ISO_8859_1);
			}
		}
		assertThat(spans).contains("embed question", "answer question", "retrieve passages", "hand off",
				"http post /api/widget/conversations/{id}/messages");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpServer collector() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/traces", (exchange) -> {
				InputStream body = exchange.getRequestBody();
				if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
					body = new GZIPInputStream(body);
				}
				byte[] bytes = body.readAllBytes();
				synchronized (received) {
					received.writeBytes(bytes);
				}
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
