package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the command line into an {@link Invocation}. Global options ({@code --server},
 * {@code --token}, {@code --debug}, {@code --help}) may appear before or after the
 * command; options take their value as the next argument or after {@code =}; {@code --}
 * ends the options. Every mistake is a {@link UsageException} with an exact message.
 */
final class ArgumentParser {

	static final List<Option> GLOBAL_OPTIONS = List.of(
			Option.value("--server", "URL",
					"Hearth's address (env HEARTH_URL; default " + Connection.DEFAULT_SERVER + ")"),
			Option.value("--token", "TOKEN",
					"admin API token (env HEARTH_TOKEN; for a local server read from $HEARTH_DATA/admin-token, default ~/.hearth/admin-token)"),
			Option.flag("--debug", "show HTTP requests, and stack traces on errors"),
			Option.flag("--help", "show help; kb-import COMMAND --help shows a command's help"));

	private final List<CommandSpec> commands;

	ArgumentParser(List<CommandSpec> commands) {
		this.commands = List.copyOf(commands);
	}

	Invocation parse(String... args) {
		String server = null;
		String token = null;
		boolean debug = false;
		boolean help = false;
		CommandSpec command = null;
		List<String> positional = new ArrayList<>();
		Map<String, List<String>> values = ParsedArgs.newValues();
		boolean optionsEnded = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!optionsEnded && arg.equals("--")) {
				optionsEnded = true;
				continue;
			}
			boolean isOption = !optionsEnded && arg.startsWith("-") && arg.length() > 1;
			if (!isOption) {
				if (command == null) {
					if (arg.equals("help")) {
						help = true;
						continue;
					}
					command = command(arg);
				}
				else {
					positional.add(arg);
				}
				continue;
			}
			int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
			String name = (equals > 0) ? arg.substring(0, equals) : arg;
			String inlineValue = (equals > 0) ? arg.substring(equals + 1) : null;
			String commandName = (command != null) ? command.name() : null;
			if (name.equals("--help") || name.equals("-h")) {
				noValue(name, inlineValue, commandName);
				help = true;
				continue;
			}
			if (name.equals("--debug")) {
				noValue(name, inlineValue, commandName);
				debug = true;
				continue;
			}
			if (name.equals("--server") || name.equals("--token")) {
				if ((name.equals("--server") ? server : token) != null) {
					throw new UsageException(name + " given more than once", commandName);
				}
				String value = (inlineValue != null) ? inlineValue : nextValue(args, i++, name, commandName);
				if (name.equals("--server")) {
					server = value;
				}
				else {
					token = value;
				}
				continue;
			}
			if (command == null) {
				throw new UsageException("unknown option " + name + " before the command");
			}
			Option option = command.option(name)
				.orElseThrow(() -> new UsageException("unknown option " + name + " for " + commandName, commandName));
			if (!option.repeatable() && values.containsKey(name)) {
				throw new UsageException(name + " given more than once", commandName);
			}
			if (option.takesValue()) {
				String value = (inlineValue != null) ? inlineValue : nextValue(args, i++, name, commandName);
				ParsedArgs.add(values, name, value);
			}
			else {
				noValue(name, inlineValue, commandName);
				ParsedArgs.add(values, name, "");
			}
		}
		if (help) {
			return new Invocation(server, token, debug, true, command, null);
		}
		if (command == null) {
			throw new UsageException("missing command");
		}
		if (positional.size() < command.minArguments()) {
			throw new UsageException("missing " + command.arguments() + " for " + command.name(), command.name());
		}
		if (positional.size() > command.maxArguments()) {
			List<String> extra = positional.subList(command.maxArguments(), positional.size());
			throw new UsageException("too many arguments for " + command.name() + ": " + String.join(" ", extra),
					command.name());
		}
		return new Invocation(server, token, debug, false, command, new ParsedArgs(command.name(), positional, values));
	}

	private CommandSpec command(String name) {
		return this.commands.stream()
			.filter((spec) -> spec.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new UsageException("unknown command '" + name + "'"));
	}

	private static String nextValue(String[] args, int index, String name, String command) {
		if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
			throw new UsageException(name + " needs a value", command);
		}
		return args[index + 1];
	}

	private static void noValue(String name, String inlineValue, String command) {
		if (inlineValue != null) {
			throw new UsageException(name + " takes no value", command);
		}
	}

}
