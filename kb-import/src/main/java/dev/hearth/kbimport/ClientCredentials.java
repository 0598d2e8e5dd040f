package dev.hearth.kbimport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;

/**
 * The CLI's service account with Keycloak: when HEARTH_TOKEN_URL, HEARTH_CLIENT_ID and
 * HEARTH_CLIENT_SECRET are set (and no token is given), an access token is fetched with
 * the OAuth 2 client-credentials grant and sent to the admin API instead of an API token.
 * The client's service account needs the realm role ADMIN.
 */
final class ClientCredentials {

	private ClientCredentials() {
	}

	/** Whether the environment names a client to authenticate as. */
	static boolean configured(Environment environment) {
		return environment.variable("HEARTH_TOKEN_URL") != null || environment.variable("HEARTH_CLIENT_ID") != null;
	}

	/** Fetches an access token for the configured client. */
	static String accessToken(Environment environment) {
		String tokenUrl = environment.variable("HEARTH_TOKEN_URL");
		String clientId = environment.variable("HEARTH_CLIENT_ID");
		String secret = environment.variable("HEARTH_CLIENT_SECRET");
		if (tokenUrl == null || clientId == null || secret == null) {
			throw new UsageException("client credentials need all three of HEARTH_TOKEN_URL (e.g. "
					+ "https://sso.example.com/realms/hearth/protocol/openid-connect/token), HEARTH_CLIENT_ID and "
					+ "HEARTH_CLIENT_SECRET");
		}
		String basic = Base64.getEncoder()
			.encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(secret, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8));
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(tokenUrl))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("HEARTH_TOKEN_URL is not a URL: '" + tokenUrl + "'");
		}
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new UsageException("the identity provider at " + tokenUrl + " refused client " + clientId
						+ " (HTTP " + response.statusCode() + "): check HEARTH_CLIENT_ID and HEARTH_CLIENT_SECRET, and "
						+ "that the client has service accounts enabled");
			}
			JsonNode body = Json.MAPPER.readTree(response.body());
			String token = Json.text(body, "access_token");
			if (token == null || token.isBlank()) {
				throw new UsageException("the identity provider at " + tokenUrl + " sent no access_token");
			}
			return token;
		}
		catch (IOException ex) {
			throw new UsageException("cannot reach the identity provider at " + tokenUrl + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UsageException("interrupted while fetching an access token from " + tokenUrl);
		}
	}

}
