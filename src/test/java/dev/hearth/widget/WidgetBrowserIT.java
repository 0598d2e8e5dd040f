package dev.hearth.widget;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hearth.testing.NodeBrowserTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat widget in real headless Chromium: starts Hearth on a random port with a small
 * knowledge base, then runs the browser tests in {@code ui/test/widget.test.mjs} with
 * Node (playwright-core drives Debian's /usr/bin/chromium) and fails with their output
 * when any fails. In CI ({@code CI=true}) or wherever /usr/bin/chromium exists it must
 * run; elsewhere, without Chromium or without {@code npm ci} in ui/, it is skipped with a
 * message that says what is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class WidgetBrowserIT {

	/**
	 * Configured, so that this context (with its own site keys) leaves the local-admin
	 * token of the other tests' cached context alone.
	 */
	private static final String ADMIN_TOKEN = "widget-browser-admin-token";

	private static final String AGENT_TOKEN = "widget-browser-agent-token";

	private static final int PARTNER_PORT = freePort();

	private static final int OTHER_PORT = freePort();

	private static final String FAQ = """
			{"id": "refund-time", "question": "How long does a refund take?", "examples": ["when will I get my money back", "refund duration", "how many days until my refund arrives", "how fast are refunds paid"], "answer": "Refunds reach your account within **5 working days**."}
			{"id": "reset-router", "question": "How do I restart my router?", "examples": ["router reboot", "turn my router off and on", "my internet is stuck, how do I reset the box", "power cycle the modem"], "answer": "Unplug the router for 30 seconds, then plug it back in."}
			{"id": "opening-hours", "question": "When are you open?", "examples": ["opening hours", "what time can I call you", "are you open on Saturday", "customer service hours"], "answer": "We are open Monday to Friday 8:00-20:00 and Saturday 9:00-17:00."}
			{"id": "bill-higher", "question": "Why is my bill higher than usual?", "examples": ["my invoice went up this month", "unexpected charges on my bill", "why did my bill increase", "the bill is more expensive than last month"], "answer": "A bill is higher after the end of a discount, for calls outside your plan, or for a one-off fee. Your bill in the app lists every charge."}
			{"id": "pay-bill", "question": "How can I pay my bill?", "examples": ["payment methods", "can I pay by card", "pay invoice by bank transfer", "set up direct debit"], "answer": "You can pay by direct debit, card or bank transfer."}
			{"id": "installation-visit", "question": "What happens on the installation day?", "examples": ["engineer appointment", "what does the technician do when he comes", "installation visit", "how long does the installation take"], "answer": "An engineer visits between 8:00 and 13:00 or between 13:00 and 18:00, as you chose when ordering. Someone aged 18 or over must be at home for the whole visit.\\n\\nThe engineer connects the fibre line to the socket in your home, installs the optical network terminal next to a power socket, sets up the router and checks the speed on one of your devices. The visit usually takes two to three hours; drilling one small hole through an outside wall may be needed.\\n\\nIf you cannot be at home, move the appointment in the app under Account > Appointments at least 48 hours before, free of charge."}
			""";

	private static final String MOVING = """
			# Moving house

			## Telling us about your move
			Tell Northwind Fibre about your move at least four weeks before your moving date, so an engineer can connect your new home on the day you arrive. You can tell us in the app under Account > Moving.
			""";

	/** A passage with markup in it: the widget must show it as text. */
	private static final String PARENTAL = """
			Parental control PIN

			The parental control PIN of your TV box is set in the TV menu under Settings > Parental control; if the screen shows <img src=x onerror="window.__xss=1"> or [click](javascript:window.__xss=3) instead of the menu, restart the TV box.
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.hearth.crypto.FieldCipher cipher;

	private final HttpClient http = HttpClient.newHttpClient();

	private String adminToken;

	@DynamicPropertySource
	static void sites(DynamicPropertyRegistry registry) {
		registry.add("hearth.widget.sites[0].key", () -> "partner");
		registry.add("hearth.widget.sites[0].allowed-origins[0]", () -> "http://127.0.0.1:" + PARTNER_PORT);
		registry.add("hearth.widget.sites[0].name", () -> "Partner Shop");
		registry.add("hearth.widget.sites[0].color", () -> "#7a1f5c");
		registry.add("hearth.widget.sites[0].greeting.de", () -> "Willkommen! Wie können wir helfen?");
		registry.add("hearth.widget.sites[0].suggestions.de[0]", () -> "Wie lange dauert eine Rückerstattung?");
		registry.add("hearth.widget.sites[0].suggestions.de[1]", () -> "Wann haben Sie geöffnet?");
		// count the most asked questions on every page load, not every 5 minutes
		registry.add("hearth.widget.suggestions-refresh", () -> "0s");
		registry.add("hearth.widget.event-poll", () -> "300ms");
		registry.add("hearth.identity.admin-token", () -> ADMIN_TOKEN);
		// until an agent has used the agent API, nobody is online: a handoff becomes a
		// ticket
		registry.add("hearth.escalation.business-hours.require-agent-online", () -> "true");
	}

	@BeforeAll
	void knowledgeBase() throws Exception {
		this.jdbc.sql(
				"truncate kb_document, faq_entry, kb_import_event, conversation, router_model, assistant_setting, escalation_policy cascade")
			.update();
		this.jdbc.sql("""
				insert into api_token (id, name, token_sha256, role) values (?, 'alice', ?, 'AGENT')
				on conflict (name) do update set token_sha256 = excluded.token_sha256
				""").param(UUID.randomUUID()).param(sha256(AGENT_TOKEN)).update();
		this.adminToken = ADMIN_TOKEN;
		assertThat(admin("POST", "/api/admin/index/rebuild", null).statusCode()).isEqualTo(200);
		assertThat(admin("POST", "/api/admin/faq?format=jsonl", FAQ).statusCode()).isEqualTo(200);
		assertThat(
				admin("PUT", "/api/admin/documents?source=docs/moving.md&tag=audience:customer", MOVING).statusCode())
			.isEqualTo(200);
		assertThat(admin("PUT", "/api/admin/documents?source=docs/parental.txt&tag=audience:customer", PARENTAL)
			.statusCode()).isEqualTo(200);
		assertThat(admin("POST", "/api/admin/router/train?wait=true", null).statusCode()).isEqualTo(200);
	}

	@Test
	void theWidgetWorksInARealBrowser() throws Exception {
		NodeBrowserTests.run("widget.test.mjs",
				Map.of("HEARTH_URL", "http://localhost:" + this.port, "AGENT_TOKEN", AGENT_TOKEN, "AGENT_NAME", "alice",
						"PARTNER_PORT", Integer.toString(PARTNER_PORT), "OTHER_PORT", Integer.toString(OTHER_PORT)),
				"widget.screenshots");

		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, this.cipher, "answer_feedback", "enc_key", "comment",
				"conversation_id::text || '/' || message_seq", "rating = 1 and comment is not null"))
			.filteredOn("clear and quick"::equals)
			.hasSize(1);
		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, this.cipher, "conversation", "csat_enc_key",
				"csat_comment", "id::text", "csat = 5 and csat_comment is not null"))
			.filteredOn("very helpful"::equals)
			.hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from conversation_message where role = 'AGENT' and author = 'alice'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from conversation where site_key = 'partner'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private HttpResponse<String> admin(String method, String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + this.adminToken)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no free port", ex);
		}
	}

}
