package dev.hearth.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.identity.HearthRole;
import dev.hearth.identity.LocalAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused console POSTs answer 403 on a real server (issue 13: they answered 405, because
 * Spring Security forwards the refused POST to the GET-only refusal page; MockMvc does
 * not follow forwards, so this needs a real server).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleRefusalIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"|"
			+ "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	@LocalServerPort
	int port;

	@Autowired
	LocalAccounts accounts;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * The session cookie, kept by hand (the JDK's cookie manager ignores it for
	 * 127.0.0.1).
	 */
	private final Map<String, String> cookies = new ConcurrentHashMap<>();

	@BeforeEach
	void account() {
		this.accounts.save("refused-agent", "Rita", "Agent", HearthRole.AGENT, "correct horse battery");
	}

	@Test
	void aPostWithoutOrWithAWrongCsrfTokenIs403() throws Exception {
		assertThat(post("/console/logout", "").statusCode()).isEqualTo(403);
		String token = csrf(get("/console/login").body());
		assertThat(post("/console/login", "username=refused-agent&password=x&_csrf=wrong-" + token).statusCode())
			.isEqualTo(403);
	}

	@Test
	void anAgentPostingToAnAdminPageIs403() throws Exception {
		String token = csrf(get("/console/login").body());
		HttpResponse<String> signedIn = post("/console/login", "username=refused-agent&password="
				+ URLEncoder.encode("correct horse battery", StandardCharsets.UTF_8) + "&_csrf=" + token);
		assertThat(signedIn.statusCode()).as(signedIn.headers().map() + signedIn.body()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/console");
		String inbox = get("/console/inbox").body();
		HttpResponse<String> refused = post("/console/admin/knowledge/faq", "question=q&answer=a&_csrf=" + csrf(inbox));
		assertThat(refused.statusCode()).isEqualTo(403);
		HttpResponse<String> noToken = post("/console/admin/knowledge/faq", "question=q&answer=a");
		assertThat(noToken.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)));
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", String.join("; ", this.cookies.values()));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			String pair = cookie.split(";", 2)[0];
			this.cookies.put(pair.substring(0, pair.indexOf('=')), pair);
		}
		return response;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		for (int group = 1; group <= matcher.groupCount(); group++) {
			if (matcher.group(group) != null) {
				return URLEncoder.encode(matcher.group(group), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no CSRF token");
	}

}
