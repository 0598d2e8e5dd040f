package dev.hearth.kbimport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as picocli parses it, and the help, version and completion it gives.
 */
class CommandLineTest {

	@TempDir
	Path temp;

	private final PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

	@Test
	void globalOptionsBeforeOrAfterTheCommand() {
		ParseResult before = parse("--server", "http://h:1", "--token=t", "status", "--json");
		ParseResult after = parse("status", "--json", "--server=http://h:1", "--token", "t", "--debug");
		assertThat(before.matchedOptionValue("--server", "")).isEqualTo("http://h:1");
		assertThat(before.matchedOptionValue("--token", "")).isEqualTo("t");
		assertThat(((StatusCommand) before.subcommand().commandSpec().userObject()).json).isTrue();
		assertThat(after.subcommand().matchedOptionValue("--server", "")).isEqualTo("http://h:1");
		assertThat(after.subcommand().matchedOptionValue("--debug", false)).isTrue();
	}

	@Test
	void repeatableOptionsKeepTheirOrderAndValuesGoAfterEqualsOrSpace() {
		ImportCommand command = (ImportCommand) parse("import", "docs", "--include", "**/*.md", "--include=*.pdf",
				"--tag", "product=router", "manuals", "--dry-run", "--parallel=4")
			.subcommand()
			.commandSpec()
			.userObject();
		assertThat(command.paths).containsExactly("docs", "manuals");
		assertThat(command.includes).containsExactly("**/*.md", "*.pdf");
		assertThat(command.tags).containsExactly("product=router");
		assertThat(command.dryRun).isTrue();
		assertThat(command.prune).isFalse();
		assertThat(command.parallel).isEqualTo(4);
	}

	@Test
	void doubleDashEndsOptions() {
		DeleteCommand command = (DeleteCommand) parse("delete", "--", "--weird-source.md").subcommand()
			.commandSpec()
			.userObject();
		assertThat(command.targets).containsExactly("--weird-source.md");
	}

	@Test
	void helpPerCommandInEveryFormAndHelpWinsOverMissingArguments() {
		for (List<String> args : List.of(List.of("faq", "--help"), List.of("faq", "-h"), List.of("help", "faq"))) {
			Cli.Result result = cli().run(args.toArray(String[]::new));
			assertThat(result.exitCode()).as(args.toString()).isZero();
			assertThat(result.out()).as(args.toString())
				.contains("Usage: kb-import faq")
				.contains("--format=FORMAT")
				.contains("Examples:");
		}
		assertThat(cli().run("account", "create", "--help").out()).contains("Usage: kb-import account create");
	}

	@Test
	void versionIsTheBuildsAndTheJavas() {
		Cli.Result result = cli().run("--version");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("kb-import ").contains("Java " + System.getProperty("java.version"));
		assertThat(result.out()).doesNotContain("@project.version@");
	}

	@Test
	void generatesABashAndZshCompletionScriptThatKnowsTheCommandsAndOptions() {
		Cli.Result result = cli().run("generate-completion");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("#!/usr/bin/env bash")
			.contains("complete -F _complete_kb-import")
			.contains("import", "faq", "account", "--include", "--format");
	}

	@Test
	void usageErrorsExitWith2AndNameTheInputAndTheHelpToRead() {
		assertUsage(List.of("frobnicate"), "kb-import: Unmatched argument at index 0: 'frobnicate'", "kb-import");
		assertUsage(List.of("--json", "list"), "kb-import: Unknown option: '--json'", "kb-import");
		assertUsage(List.of("import", "docs", "--frob"), "kb-import: Unknown option: '--frob'", "kb-import import");
		assertUsage(List.of("import", "docs", "--parallel"), "kb-import: Missing required parameter for option",
				"kb-import import");
		assertUsage(List.of("import", "docs", "--parallel", "many"),
				"kb-import: Invalid value for option '--parallel': 'many' is not an int", "kb-import import");
		assertUsage(List.of("import", "docs", "--parallel", "40"),
				"kb-import: --parallel must be a whole number from 1 to 32, got 40", "kb-import import");
		assertUsage(List.of("import"), "kb-import: Missing required parameter: 'PATH'", "kb-import import");
		assertUsage(List.of("status", "extra"), "kb-import: Unmatched argument at index 1: 'extra'",
				"kb-import status");
		assertUsage(List.of("faq", "f.csv", "--format", "xml"),
				"kb-import: Invalid value for option '--format': expected one of [JSONL, CSV]", "kb-import faq");
		assertUsage(List.of("eval"), "kb-import: Missing required option: '--set=FILE'", "kb-import eval");
		assertUsage(List.of("account"), "kb-import: missing command for account: one of create, list",
				"kb-import account");
		assertUsage(List.of("status", "--server", "a", "--server", "b"), "kb-import: option '--server'",
				"kb-import status");
	}

	@Test
	void noCommandShowsTheGeneralHelpOnStderr() {
		Cli.Result result = cli().run();
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("Usage: kb-import", "Commands:", "Exit codes:");
	}

	private void assertUsage(List<String> args, String start, String help) {
		Cli.Result result = cli().run(args.toArray(String[]::new));
		assertThat(result.exitCode()).as(args.toString()).isEqualTo(2);
		assertThat(result.err()).as(args.toString()).startsWith(start).endsWith("(see " + help + " --help)\n");
		assertThat(result.err().lines()).as(args.toString()).hasSize(1);
	}

	private ParseResult parse(String... args) {
		CommandLine cli = KbImport.commandLine(this.sink, this.sink);
		return cli.parseArgs(args);
	}

	private Cli cli() {
		return new Cli(this.temp).env("HEARTH_URL", "http://127.0.0.1:1").env("HEARTH_TOKEN", "t");
	}

}
