package dev.hearth.kbimport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CLI's client-credentials grant against a stand-in token endpoint on loopback: the
 * token it returns becomes the bearer token; a refusal or half a configuration is a usage
 * error that says what to set.
 */
class ClientCredentialsTest {

	@TempDir
	Path home;

	private HttpServer server;

	private final List<String> requests = new ArrayList<>();

	private int status = 200;

	@BeforeEach
	void tokenEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/token", (exchange) -> {
			this.requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = ((this.status == 200) ? "{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\"}"
					: "{\"error\":\"unauthorized_client\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void fetchesAnAccessTokenWithTheClientsCredentials() {
		Connection connection = Connection.resolve("https://hearth.example.com", null,
				environment("hearth-cli", "s3cret"));
		assertThat(connection.token()).isEqualTo("a.b.c");
		assertThat(this.requests).containsExactly("Basic aGVhcnRoLWNsaTpzM2NyZXQ= grant_type=client_credentials");
	}

	@Test
	void anExplicitTokenWins() {
		Connection connection = Connection.resolve("https://hearth.example.com", "given-token",
				environment("hearth-cli", "s3cret"));
		assertThat(connection.token()).isEqualTo("given-token");
		assertThat(this.requests).isEmpty();
	}

	@Test
	void refusalsAndIncompleteSettingsSayWhatToFix() {
		this.status = 401;
		assertThatThrownBy(() -> Connection.resolve(null, null, environment("hearth-cli", "wrong")))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("refused client hearth-cli (HTTP 401)")
			.hasMessageContaining("HEARTH_CLIENT_SECRET");
		assertThatThrownBy(() -> Connection.resolve(null, null,
				new Environment(Map.of("HEARTH_CLIENT_ID", "hearth-cli"), this.home, false, 80)))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("HEARTH_TOKEN_URL");
	}

	private Environment environment(String client, String secret) {
		return new Environment(
				Map.of("HEARTH_TOKEN_URL", "http://127.0.0.1:" + this.server.getAddress().getPort() + "/token",
						"HEARTH_CLIENT_ID", client, "HEARTH_CLIENT_SECRET", secret),
				this.home, false, 80);
	}

}
