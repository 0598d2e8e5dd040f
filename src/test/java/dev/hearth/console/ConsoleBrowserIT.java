package dev.hearth.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.identity.HearthRole;
import dev.hearth.identity.LocalAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
		Path ui = Path.of("ui").toAbsolutePath();
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		boolean chromium = Files.isExecutable(Path.of("/usr/bin/chromium"));
		if (!ci && !chromium) {
			assumeThat(chromium).as("Browser tests skipped: /usr/bin/chromium is missing (apt-get install chromium)")
				.isTrue();
		}
		assertThat(Files.isDirectory(ui.resolve("node_modules/playwright-core")))
			.as("ui/node_modules is missing: run npm ci in ui/ (.ci/run does)")
			.isTrue();
		this.accounts.save("carla", "Carla", "Agent", HearthRole.AGENT, PASSWORD);
		this.accounts.save("sven", "Sven", "Supervisor", HearthRole.SUPERVISOR, PASSWORD);

		Path log = Files.createTempFile("console-browser", ".log");
		ProcessBuilder node = new ProcessBuilder("node", "test/console.test.mjs").directory(ui.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		node.environment().put("HEARTH_URL", "http://localhost:" + this.port);
		node.environment().put("AGENT_USER", "carla");
		node.environment().put("AGENT_PASSWORD", PASSWORD);
		node.environment().put("AGENT_DISPLAY", "Carla Agent");
		node.environment().put("SUPERVISOR_USER", "sven");
		node.environment().put("SUPERVISOR_PASSWORD", PASSWORD);
		String shots = System.getProperty("console.screenshots", System.getenv("CONSOLE_SCREENSHOTS"));
		if (shots != null && !shots.isBlank()) {
			node.environment().put("SCREENSHOTS", Path.of(shots).toAbsolutePath().toString());
		}
		Process process = node.start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String output = Files.readString(log);
		System.out.println(output);
		assertThat(finished).as("the browser tests did not finish within 5 minutes:%n%s", output).isTrue();
		assertThat(process.exitValue()).as("the browser tests failed:%n%s", output).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from conversation_message where role = 'AGENT' and author = 'Carla Agent'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
	}

}
