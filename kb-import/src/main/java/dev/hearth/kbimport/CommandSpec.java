package dev.hearth.kbimport;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a command is called, what it accepts and how it is described in help.
 *
 * @param name the command's name, e.g. {@code import}
 * @param summary one line for the general help's command list
 * @param arguments the positional arguments as shown in the usage line, e.g.
 * {@code PATH...}, or the empty string
 * @param minArguments the fewest positional arguments accepted
 * @param maxArguments the most positional arguments accepted
 * @param description paragraphs shown by {@code kb-import NAME --help}
 * @param options the options the command accepts besides the global ones
 * @param command creates the command
 */
record CommandSpec(String name, String summary, String arguments, int minArguments, int maxArguments,
		String description, List<Option> options, Supplier<Command> command) {

	static final int UNLIMITED = Integer.MAX_VALUE;

	CommandSpec {
		options = List.copyOf(options);
	}

	Optional<Option> option(String name) {
		return this.options.stream().filter((option) -> option.name().equals(name)).findFirst();
	}

}
