package dev.hearth.assistant.model;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.hearth.assistant.ScriptedModelServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes Kubernetes calls, on the real server: liveness is the process alone;
 * readiness is PostgreSQL, the knowledge index, the model and the FAQ router, and a model
 * server that stops answering degrades readiness (still HTTP 200, status DEGRADED)
 * instead of taking every replica out of service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.assistant.model.provider=openai", "hearth.assistant.model.openai.model=test",
				"management.endpoint.health.group.readiness.show-components=always",
				"management.endpoint.health.group.liveness.show-components=always" })
@ActiveProfiles("test")
class HealthGroupsIT {

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

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void livenessIsTheProcessAndReadinessTheDatabaseIndexAndModel() throws Exception {
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"livenessState\"").doesNotContain("\"db\"");

		// an FAQ left in the test database by another test may train a first router
		// here, which readiness waits for
		HttpResponse<String> ready = get("/actuator/health/readiness");
		for (int i = 0; i < 600 && ready.statusCode() != 200; i++) {
			Thread.sleep(100);
			ready = get("/actuator/health/readiness");
		}
		assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
		assertThat(ready.body()).endsWith(",\"status\":\"UP\"}")
			.contains("\"db\":{\"status\":\"UP\"")
			.contains("\"index\":{\"status\":\"UP\"")
			.contains("\"model\":{\"status\":\"UP\"")
			.contains("\"router\":{\"status\":\"UP\"")
			.contains("\"readinessState\":{\"status\":\"UP\"");

		server.failWith = 503;
		Thread.sleep(ModelServerProbe.CACHE.plus(Duration.ofMillis(500)));
		HttpResponse<String> degraded = get("/actuator/health/readiness");
		assertThat(degraded.statusCode()).as(degraded.body()).isEqualTo(200);
		assertThat(degraded.body()).endsWith(",\"status\":\"DEGRADED\"}")
			.contains("\"model\":{\"description\":\"The language model server does not answer")
			.contains("\"db\":{\"status\":\"UP\"");
		server.failWith = 0;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
