package dev.hearth.kbimport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Renders the general help and each command's help. */
final class Help {

	private static final String EXIT_CODES = """
			Exit codes:
			  0  ok
			  1  something failed (for example some files could not be imported)
			  2  usage error
			  3  cannot reach the server, or the server refused the token
			""";

	private final List<CommandSpec> commands;

	Help(List<CommandSpec> commands) {
		this.commands = List.copyOf(commands);
	}

	void printGeneral(PrintStream out) {
		out.println("kb-import — load documents and FAQ entries into Hearth's knowledge base");
		out.println();
		out.println("Usage: kb-import [--server URL] [--token TOKEN] COMMAND [OPTIONS] [ARGUMENTS]");
		out.println();
		out.println("Commands:");
		int width = this.commands.stream().mapToInt((spec) -> spec.name().length()).max().orElse(0);
		for (CommandSpec spec : this.commands) {
			out.println("  " + pad(spec.name(), width) + "  " + spec.summary());
		}
		out.println();
		out.println("Global options (before or after the command):");
		printOptions(out, ArgumentParser.GLOBAL_OPTIONS);
		out.println();
		out.print(EXIT_CODES);
		out.println();
		out.println("Run kb-import COMMAND --help for a command's options and examples.");
	}

	void printCommand(PrintStream out, CommandSpec spec) {
		out.println("Usage: kb-import " + usageLine(spec));
		out.println();
		out.print(spec.description().endsWith("\n") ? spec.description() : spec.description() + "\n");
		if (!spec.options().isEmpty()) {
			out.println();
			out.println("Options:");
			printOptions(out, spec.options());
		}
		out.println();
		out.println("Global options: --server URL, --token TOKEN, --debug (see kb-import --help)");
	}

	static String usageLine(CommandSpec spec) {
		List<String> parts = new ArrayList<>();
		parts.add(spec.name());
		if (!spec.arguments().isEmpty()) {
			parts.add(spec.arguments());
		}
		for (Option option : spec.options()) {
			parts.add("[" + option.synopsis() + "]" + (option.repeatable() ? "..." : ""));
		}
		return String.join(" ", parts);
	}

	private static void printOptions(PrintStream out, List<Option> options) {
		int width = options.stream().mapToInt((option) -> option.synopsis().length()).max().orElse(0);
		for (Option option : options) {
			String repeat = option.repeatable() ? " (repeatable)" : "";
			out.println("  " + pad(option.synopsis(), width) + "  " + option.help() + repeat);
		}
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

}
