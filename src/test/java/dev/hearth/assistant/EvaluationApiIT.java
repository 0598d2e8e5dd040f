package dev.hearth.assistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The evaluation metrics through the admin API, as {@code kb-import eval} uses them: real
 * HTTP, the admin token, JSON in and out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EvaluationApiIT {

	private static final String OUTCOMES = """
			{"outcomes": [
			  {"expected": "bill", "predicted": "bill", "ranked": ["bill", "pay"], "confidence": 0.9, "latencyMillis": 10},
			  {"expected": "pay", "predicted": null, "ranked": ["pay"], "confidence": 0.6, "latencyMillis": 20},
			  {"expected": null, "predicted": "document", "ranked": ["pay"], "confidence": 0.5, "latencyMillis": 30},
			  {"expected": null, "predicted": null, "ranked": ["bill"], "confidence": 0.3, "latencyMillis": 40}
			]}
			""";

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void metricsOfTheOutcomesTheClientSends() throws Exception {
		HttpResponse<String> response = post("/api/admin/eval/metrics", OUTCOMES, true);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode metrics = this.json.readTree(response.body());
		assertThat(metrics.path("n").asInt()).isEqualTo(4);
		assertThat(metrics.path("accuracy").asDouble()).isEqualTo(0.5);
		assertThat(metrics.path("inScopeAccuracy").asDouble()).isEqualTo(0.5);
		assertThat(metrics.path("outOfScopeRecall").asDouble()).isEqualTo(0.5);
		assertThat(metrics.path("mrr").asDouble()).isEqualTo(1.0);
		assertThat(metrics.path("latencyP95Millis").asLong()).isEqualTo(40);
	}

	@Test
	void calibrationChoosesTheThresholdOnTheOutcomes() throws Exception {
		HttpResponse<String> response = post("/api/admin/eval/calibration", OUTCOMES, true);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode choice = this.json.readTree(response.body());
		assertThat(choice.path("threshold").asDouble()).isCloseTo(0.55, within(1e-9));
		assertThat(choice.path("summary").path("accuracy").asDouble()).isEqualTo(1.0);
	}

	@Test
	void badRequestsSayWhatToSendAndStrangersAreRefused() throws Exception {
		HttpResponse<String> empty = post("/api/admin/eval/metrics", "{\"outcomes\": []}", true);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("send {\\\"outcomes\\\"");
		HttpResponse<String> bad = post("/api/admin/eval/metrics",
				"{\"outcomes\": [{\"expected\": \"a\", \"confidence\": 7}]}", true);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("outcome 0: confidence must be in [0, 1], was 7.0");
		assertThat(post("/api/admin/eval/metrics", "{\"outcomes\": [{\"expected\": \"a\"}]}", true).body())
			.contains("outcome 0 has no confidence");
		assertThat(post("/api/admin/eval/metrics", OUTCOMES, false).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> post(String path, String body, boolean admin) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (admin) {
			String token = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
