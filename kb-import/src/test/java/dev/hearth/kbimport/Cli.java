package dev.hearth.kbimport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link KbImport} in-process with captured output and a controlled environment. */
final class Cli {

	/**
	 * @param exitCode the exit code
	 * @param out what went to stdout
	 * @param err what went to stderr
	 */
	record Result(int exitCode, String out, String err) {
	}

	private final Map<String, String> variables = new HashMap<>();

	private final Path home;

	Cli(Path home) {
		this.home = home;
	}

	Cli env(String name, String value) {
		this.variables.put(name, value);
		return this;
	}

	Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Environment environment = new Environment(this.variables, this.home, false, 80);
		int exitCode = KbImport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment);
		return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
