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

	private static final int LINE_WIDTH = 80;

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
		String head = "Usage: kb-import " + spec.name() + " ";
		String indent = " ".repeat(head.length());
		List<String> parts = usageParts(spec);
		StringBuilder line = new StringBuilder(head);
		for (String part : parts.subList(1, parts.size())) {
			if (line.length() > head.length() && line.length() + 1 + part.length() > LINE_WIDTH) {
				out.println(line.toString().stripTrailing());
				line.setLength(0);
				line.append(indent);
			}
			line.append(part).append(' ');
		}
		out.println(line.toString().stripTrailing());
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

	/** The usage line's parts: the command's name, its arguments, each option. */
	static List<String> usageParts(CommandSpec spec) {
		List<String> parts = new ArrayList<>();
		parts.add(spec.name());
		if (!spec.arguments().isEmpty()) {
			parts.add(spec.arguments());
		}
		for (Option option : spec.options()) {
			parts.add("[" + option.synopsis() + "]" + (option.repeatable() ? "..." : ""));
		}
		return parts;
	}

	private static void printOptions(PrintStream out, List<Option> options) {
		int width = options.stream().mapToInt((option) -> option.synopsis().length()).max().orElse(0);
		String indent = " ".repeat(width + 4);
		for (Option option : options) {
			String repeat = option.repeatable() ? " (repeatable)" : "";
			List<String> lines = wrap(option.help() + repeat, Math.max(30, LINE_WIDTH - indent.length()));
			out.println("  " + pad(option.synopsis(), width) + "  " + lines.get(0));
			lines.subList(1, lines.size()).forEach((line) -> out.println(indent + line));
		}
	}

	/** Splits text into lines of at most {@code width} characters at spaces. */
	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		lines.add(line.toString());
		return lines;
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

}
