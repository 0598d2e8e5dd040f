package dev.hearth.kbimport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the CLI in-process from tests in other packages, against a given server and token.
 */
public final class KbImportRunner {

	private KbImportRunner() {
	}

	public static int run(String server, String token, PrintStream out, PrintStream err, String... args) {
		Environment environment = new Environment(Map.of("HEARTH_URL", server, "HEARTH_TOKEN", token),
				Path.of(System.getProperty("java.io.tmpdir")), false, 100);
		return KbImport.run(args, out, err, environment);
	}

}
