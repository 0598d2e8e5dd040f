package dev.hearth.assistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The first start on an empty database with the sample knowledge base: from the moment
 * the application is started (the sample imported), asks {@code how long does a refund
 * take?} and reads readiness every 200 ms until the first FAQ router is live, printing
 * each change of readiness and answer with its time. Not part of the build; run against
 * an empty database: {@code createdb hearth_bench_first_start} and
 * {@code SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/hearth_bench_first_start mvn test -pl src -am -Dtest=RouterFirstStartBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.knowledge.sample.enabled=true",
				"management.endpoint.health.group.readiness.show-components=always",
				"management.endpoint.health.group.readiness.show-details=always" })
@ActiveProfiles("test")
class RouterFirstStartBenchmark {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	dev.hearth.system.SystemProperties system;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void firstStart() throws Exception {
		long started = System.currentTimeMillis();
		String token = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		String last = "";
		while (System.currentTimeMillis() - started < 120_000) {
			HttpResponse<String> readiness = send(HttpRequest.newBuilder(url("/actuator/health/readiness")), null);
			JsonNode router = this.json.readTree(readiness.body()).path("components").path("router");
			JsonNode answer = this.json.readTree(send(
					HttpRequest.newBuilder(url("/api/admin/answer"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(
								this.json.writeValueAsString(Map.of("question", "how long does a refund take?")))),
					token)
				.body());
			JsonNode status = this.json.readTree(send(HttpRequest.newBuilder(url("/api/admin/router")), token).body());
			String state = "readiness " + readiness.statusCode() + " "
					+ router.path("details").path("reason").asString("") + " | " + answer.path("decision").asString()
					+ " " + answer.path("reason").asString("") + " " + answer.path("faqId").asString("")
					+ " | live router " + status.path("liveVersion").asString("none");
			if (!state.equals(last)) {
				System.out.println("+" + (System.currentTimeMillis() - started) + " ms: " + state);
				last = state;
			}
			if (!status.path("liveVersion").isNull() && readiness.statusCode() == 200) {
				return;
			}
			Thread.sleep(200);
		}
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
