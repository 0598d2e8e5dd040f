package dev.hearth.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Runs a browser test script of {@code ui/test} with Node (playwright-core driving
 * Debian's headless Chromium) against a server a test started, and fails with the
 * script's output when a step fails or it takes longer than five minutes. Outside CI a
 * machine without {@code /usr/bin/chromium} skips it; {@code ui/node_modules} must exist
 * ({@code npm ci} in {@code ui/}, which {@code .ci/run} does).
 */
public final class NodeBrowserTests {

	private NodeBrowserTests() {
	}

	/**
	 * @param script the file under {@code ui/test}
	 * @param environment what the script reads (HEARTH_URL and its own settings)
	 * @param screenshots the system property (or, upper-cased with '_', environment
	 * variable) that names a folder for screenshots; unset: none are taken
	 * @return the script's output
	 */
	public static String run(String script, Map<String, String> environment, String screenshots) throws Exception {
		Path ui = Path.of("ui").toAbsolutePath();
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		boolean chromium = Files.isExecutable(Path.of("/usr/bin/chromium"));
		if (!ci && !chromium) {
			assumeThat(chromium).as("Browser tests skipped: /usr/bin/chromium is missing (apt-get install chromium)")
				.isTrue();
		}
		assertThat(Files.isDirectory(ui.resolve("node_modules/playwright-core"))
				&& Files.isDirectory(ui.resolve("node_modules/axe-core")))
			.as("ui/node_modules is missing: run npm ci in ui/ (.ci/run does)")
			.isTrue();
		Path log = Files.createTempFile(script.replace(".test.mjs", "") + "-browser", ".log");
		ProcessBuilder node = new ProcessBuilder("node", "test/" + script).directory(ui.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		node.environment().putAll(environment);
		String shots = System.getProperty(screenshots,
				System.getenv(screenshots.toUpperCase(java.util.Locale.ROOT).replace('.', '_')));
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
		return output;
	}

}
