package dev.hearth.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through a real Keycloak with the shipped realm: the console's authorization
 * code flow with PKCE, realm roles mapped to Hearth roles, logout that ends the Keycloak
 * session too, and the CLI's client-credentials token on the admin API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class KeycloakIT {

	private static int appPort;

	private static KeycloakServer keycloak;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/**
	 * Cookies by host:port and name (a test jar: no paths, no expiry, Secure ignored on
	 * loopback).
	 */
	private final Map<String, Map<String, String>> cookies = new HashMap<>();

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) throws IOException {
		appPort = KeycloakServer.freePort();
		keycloak = KeycloakServer.start("http://127.0.0.1:" + appPort);
		registry.add("server.port", () -> appPort);
		registry.add("hearth.identity.oidc.issuer-uri", keycloak::issuer);
		registry.add("hearth.identity.oidc.client-id", () -> "hearth-console");
		registry.add("hearth.identity.oidc.client-secret", () -> "demo-console-secret-CHANGE-ME");
	}

	@AfterAll
	static void stop() {
		if (keycloak != null) {
			keycloak.stop();
		}
	}

	@Test
	void agentSignsInWithPkceGetsTheAgentRoleAndSignsOutOfKeycloakToo() throws Exception {
		URI authorize = location(get(app("/console/oauth2/authorization/keycloak")));
		assertThat(authorize.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256");
		String loginForm = get(authorize).body();
		URI action = URI.create(formAction(loginForm));
		HttpResponse<String> signedIn = post(action,
				Map.of("username", "agent", "password", "demo-agent-password", "credentialId", ""));
		URI callback = location(signedIn);
		assertThat(callback.toString()).startsWith(app("/console/login/oauth2/code/keycloak").toString());
		assertThat(location(get(callback)).getPath()).isEqualTo("/console");

		HttpResponse<String> inbox = get(app("/console/inbox"));
		assertThat(inbox.statusCode()).isEqualTo(200);
		assertThat(inbox.body()).contains("Alex Agent").contains("AGENT");
		assertThat(get(app("/console/analytics")).statusCode()).as("an agent may not see analytics").isEqualTo(403);
		assertThat(get(app("/console/admin/knowledge")).statusCode()).isEqualTo(403);

		String csrf = meta(inbox.body(), "_csrf");
		URI endSession = location(post(app("/console/logout"), Map.of("_csrf", csrf)));
		assertThat(endSession.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout")
			.contains("id_token_hint=");
		URI back = location(get(endSession));
		assertThat(back.toString()).isEqualTo(app("/console/login?logout").toString());
		assertThat(location(get(app("/console/inbox"))).getPath()).isEqualTo("/console/login");

		URI again = location(get(app("/console/oauth2/authorization/keycloak")));
		HttpResponse<String> keycloakAgain = get(again);
		assertThat(keycloakAgain.statusCode()).as("the Keycloak session ended: it asks for the password again")
			.isEqualTo(200);
		assertThat(keycloakAgain.body()).contains("kc-form-login");
	}

	@Test
	void theCliUsesClientCredentialsOnTheAdminApi() throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString("hearth-cli:demo-cli-secret-CHANGE-ME".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> token = this.http
			.send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isEqualTo(200);
		String accessToken = JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();

		assertThat(bearer("/api/admin/status", accessToken).statusCode()).isEqualTo(200);
		assertThat(bearer("/api/admin/status", "not-a-token").statusCode()).isEqualTo(401);
		String[] parts = accessToken.split("\\.");
		String forged = parts[0] + "." + parts[1] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
		assertThat(bearer("/api/admin/status", forged).statusCode()).as("a token with a bad signature").isEqualTo(401);
	}

	private HttpResponse<String> bearer(String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(app(path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI app(String path) {
		return URI.create("http://127.0.0.1:" + appPort + path);
	}

	private HttpResponse<String> get(URI uri) throws Exception {
		return send(HttpRequest.newBuilder(uri).GET(), uri);
	}

	private HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())), uri);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, URI uri) throws Exception {
		String origin = uri.getHost() + ":" + uri.getPort();
		Map<String, String> jar = this.cookies.computeIfAbsent(origin, (key) -> new HashMap<>());
		if (!jar.isEmpty()) {
			request.header("Cookie",
					String.join("; ", jar.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList()));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String name = pair.substring(0, eq).strip();
			String value = pair.substring(eq + 1).strip();
			boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
			if (expired) {
				jar.remove(name);
			}
			else {
				jar.put(name, value);
			}
		}
		return response;
	}

	private static URI location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("a redirect, got: " + response.body()).isBetween(301, 303);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		return location.isAbsolute() ? location : response.request().uri().resolve(location);
	}

	private static String formAction(String html) {
		Matcher matcher = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL)
			.matcher(html);
		if (!matcher.find()) {
			matcher = Pattern.compile("action=\"([^\"]+login-actions/authenticate[^\"]*)\"").matcher(html);
			assertThat(matcher.find()).as("Keycloak's login form in: " + html).isTrue();
		}
		return matcher.group(1).replace("&amp;", "&");
	}

	private static String meta(String html, String name) {
		Matcher matcher = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as(name + " in the page").isTrue();
		return matcher.group(1);
	}

}
