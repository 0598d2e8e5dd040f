package dev.hearth.conversation;

import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.hearth.console.ConsoleUsers;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every endpoint refuses whoever may not use it (issue 13: IDOR, forged, expired and
 * replayed tokens). The endpoint list comes from the application's request mappings, so a
 * new endpoint is checked without being added here — and one under a path prefix this
 * test does not know fails until its audience is stated. Per audience:
 * <ul>
 * <li>{@code /api/widget/conversations/{id}/**}: no token, a forged token, a token with a
 * changed payload, another customer's genuine token (replayed on this conversation) and
 * this conversation's own token past its expiry are all refused;</li>
 * <li>{@code /api/agent/**}: no token, a forged one and a customer's token are refused;
 * an agent cannot reach another agent's conversation;</li>
 * <li>{@code /api/admin/**}: no token, a forged one, a customer's and an agent's token
 * are refused;</li>
 * <li>{@code /console/**}: anonymous visitors are sent to sign in; agents are refused the
 * admin and analytics pages, and another agent's conversation pages.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EndpointAccessIT {

	/** Endpoints anyone may use, by design. */
	private static final Set<String> PUBLIC = Set.of("GET /", "GET /widget/frame", "POST /api/widget/conversations",
			"GET /console/login", "GET /console/denied", "POST /console/denied", "GET /kb/documents/{id}",
			"GET /kb/faq/{id}", "GET /console", "GET /console/");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	ConversationTokens tokens;

	@Autowired
	ConversationProperties conversationProperties;

	HearthHttp http;

	HearthHttp.Chat alices;

	HearthHttp.Chat other;

	String expired;

	@BeforeEach
	void setUp() throws Exception {
		this.http = new HearthHttp(this.port);
		HearthHttp.token(this.jdbc, "access-alice", "access-alice-token", "AGENT");
		HearthHttp.token(this.jdbc, "access-bob", "access-bob-token", "AGENT");
		this.alices = this.http.start();
		this.http.ask(this.alices, "I want to talk to a real person please");
		assertThat(this.http
			.send("POST", "/api/agent/conversations/" + this.alices.id() + "/claim", null, "access-alice-token")
			.statusCode()).isEqualTo(200);
		this.other = this.http.start();
		Field key = ConversationTokens.class.getDeclaredField("key");
		key.setAccessible(true);
		ConversationTokens past = new ConversationTokens(this.conversationProperties, (byte[]) key.get(this.tokens),
				Clock.fixed(Instant.now().minus(this.conversationProperties.tokenTtl()).minusSeconds(60),
						ZoneOffset.UTC));
		this.expired = past.issue(UUID.fromString(this.alices.id())).token();
	}

	record Endpoint(String method, String pattern) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	List<Endpoint> endpoints() {
		Set<String> seen = new TreeSet<>();
		List<Endpoint> endpoints = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
						: methods) {
					if (seen.add(method + " " + pattern) && !pattern.startsWith("/error")) {
						endpoints.add(new Endpoint(method.name(), pattern));
					}
				}
			}
		});
		return endpoints;
	}

	@Test
	void theListCoversTheKnownAudiences() {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).hasSizeGreaterThan(80);
		assertThat(endpoints.stream().map(Endpoint::toString)).contains("GET /api/agent/conversations/{id}/messages",
				"GET /api/widget/conversations/{id}/messages", "GET /api/admin/retention", "GET /console/search");
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointRefusesWhoeverMayNotUseIt() {
		return endpoints().stream()
			.map((endpoint) -> DynamicTest.dynamicTest(endpoint.toString(), () -> check(endpoint)));
	}

	private void check(Endpoint endpoint) throws Exception {
		String pattern = endpoint.pattern();
		if (PUBLIC.contains(endpoint.toString())) {
			return;
		}
		if (pattern.startsWith("/api/widget/conversations/{id}")) {
			String path = path(pattern, this.alices.id());
			refused(endpoint, path, null, "no token");
			refused(endpoint, path, "forged." + UUID.randomUUID(), "a forged token");
			refused(endpoint, path, tampered(this.alices.token()), "a token with a changed payload");
			refused(endpoint, path, this.other.token(), "another customer's token");
			refused(endpoint, path, this.expired, "an expired token");
			refused(endpoint, path, "access-alice-token", "an agent's API token");
		}
		else if (pattern.startsWith("/api/agent/")) {
			String path = path(pattern, this.alices.id());
			refused(endpoint, path, null, "no token");
			refused(endpoint, path, "forged-token-" + UUID.randomUUID(), "a forged token");
			refused(endpoint, path, this.alices.token(), "a customer's conversation token");
			if (pattern.contains("{id}")) {
				refused(endpoint, path, "access-bob-token", "another agent");
			}
		}
		else if (pattern.startsWith("/api/admin/")) {
			String path = path(pattern, this.alices.id());
			refused(endpoint, path, null, "no token");
			refused(endpoint, path, "forged-token-" + UUID.randomUUID(), "a forged token");
			refused(endpoint, path, this.alices.token(), "a customer's conversation token");
			refused(endpoint, path, "access-bob-token", "an agent's token");
		}
		else if (pattern.startsWith("/console")) {
			String path = path(pattern, this.alices.id());
			MockHttpServletResponse anonymous = console(endpoint, path, null);
			assertThat(anonymous.getStatus()).as(endpoint + " anonymous").isIn(302, 401, 403);
			if (anonymous.getStatus() == 302) {
				assertThat(anonymous.getRedirectedUrl()).as(endpoint + " anonymous").contains("/console/login");
			}
			if (pattern.startsWith("/console/admin") || pattern.startsWith("/console/analytics")) {
				denied(endpoint, console(endpoint, path, ConsoleUsers.agent("access-bob")));
			}
			if (pattern.startsWith("/console/conversations/{id}") && endpoint.method().equals("GET")) {
				denied(endpoint, console(endpoint, path, ConsoleUsers.agent("access-bob")));
			}
		}
		else if (!pattern.startsWith("/api/widget/")) {
			throw new AssertionError(endpoint + " has no stated audience: add it to PUBLIC or to a rule of "
					+ "EndpointAccessIT (and make sure it refuses whoever may not use it)");
		}
	}

	private void refused(Endpoint endpoint, String path, String token, String who) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(java.time.Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("Accept", "*/*")
			.method(endpoint.method(),
					endpoint.method().equals("GET") || endpoint.method().equals("DELETE")
							? java.net.http.HttpRequest.BodyPublishers.noBody()
							: java.net.http.HttpRequest.BodyPublishers.ofString(body(endpoint.pattern())));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		// 409: the conversation belongs to another agent (claim, resolve)
		assertThat(response.statusCode()).as("%s with %s: %s", endpoint, who, response.body()).isIn(401, 403, 404, 409);
		assertThat(response.body()).as(endpoint + " with " + who).doesNotContain("real person");
	}

	/**
	 * A body the endpoint would accept from someone allowed, so that only access can
	 * refuse it.
	 */
	private static String body(String pattern) {
		if (pattern.endsWith("/messages")) {
			return "{\"text\":\"ping from someone else\"}";
		}
		if (pattern.endsWith("/transfer")) {
			return "{\"to\":\"access-bob\"}";
		}
		if (pattern.endsWith("/resolve")) {
			return "{\"outcome\":\"answered\"}";
		}
		if (pattern.endsWith("/feedback")) {
			return "{\"rating\":1}";
		}
		if (pattern.endsWith("/csat")) {
			return "{\"rating\":5}";
		}
		return "{}";
	}

	private void denied(Endpoint endpoint, MockHttpServletResponse response) {
		boolean refused = response.getStatus() == 403 || response.getStatus() == 404
				|| "/console/denied".equals(response.getForwardedUrl());
		assertThat(refused)
			.as("%s for agent access-bob: %d %s", endpoint, response.getStatus(), response.getForwardedUrl())
			.isTrue();
	}

	private MockHttpServletResponse console(Endpoint endpoint, String path, RequestPostProcessor user)
			throws Exception {
		var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method()), path).with(csrf());
		if (user != null) {
			request = request.with(user);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static String path(String pattern, String conversation) {
		return pattern.replace("{id}", conversation).replace("{seq}", "1").replaceAll("\\{[^}]+}", "1");
	}

	/** The same token with the conversation id in its payload changed, signature kept. */
	private static String tampered(String token) {
		int dot = token.indexOf('.');
		char[] body = token.substring(0, dot).toCharArray();
		body[2] = (body[2] == 'A') ? 'B' : 'A';
		return new String(body) + token.substring(dot);
	}

}
