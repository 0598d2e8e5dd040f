package dev.hearth.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.testing.NodeBrowserTests;
import dev.hearth.identity.HearthRole;
import dev.hearth.identity.LocalAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in real headless Chromium next to a customer in the chat widget: runs
 * {@code ui/test/console.test.mjs} with Node against Hearth on a random port (sign in, a
 * new escalation appearing live, claim, a reply arriving in the widget, resolve, search,
 * tablet width, role checks, the analytics charts). Uses the widget's browser harness
 * (playwright-core and axe-core from ui/, Debian's /usr/bin/chromium); in CI
 * ({@code CI=true}) or wherever Chromium exists it must run, elsewhere it is skipped with
 * a message that says what is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleBrowserIT {

	private static final String PASSWORD = "browser-test-password";

	@LocalServerPort
	int port;

	@Autowired
	LocalAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAgentsDayInARealBrowser() throws Exception {
		this.accounts.save("carla", "Carla", "Agent", HearthRole.AGENT, PASSWORD);
		this.accounts.save("sven", "Sven", "Supervisor", HearthRole.SUPERVISOR, PASSWORD);
		this.accounts.save("ada", "Ada", "Admin", HearthRole.ADMIN, PASSWORD);

		NodeBrowserTests.run("console.test.mjs",
				Map.of("HEARTH_URL", "http://localhost:" + this.port, "AGENT_USER", "carla", "AGENT_PASSWORD", PASSWORD,
						"AGENT_DISPLAY", "Carla Agent", "SUPERVISOR_USER", "sven", "SUPERVISOR_PASSWORD", PASSWORD,
						"ADMIN_USER", "ada", "ADMIN_PASSWORD", PASSWORD),
				"console.screenshots");
		assertThat(this.jdbc
			.sql("select count(*) from conversation_message where role = 'AGENT' and author = 'Carla Agent'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
	}

}
