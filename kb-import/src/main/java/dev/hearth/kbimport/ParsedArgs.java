package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A command's positional arguments and option values, with typed accessors that reject
 * bad values with exact messages.
 */
final class ParsedArgs {

	private final String command;

	private final List<String> positional;

	private final Map<String, List<String>> values;

	ParsedArgs(String command, List<String> positional, Map<String, List<String>> values) {
		this.command = command;
		this.positional = List.copyOf(positional);
		Map<String, List<String>> copy = new LinkedHashMap<>();
		values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
		this.values = copy;
	}

	/** For tests and commands built by hand. */
	static ParsedArgs of(String command, List<String> positional, Map<String, List<String>> values) {
		return new ParsedArgs(command, positional, values);
	}

	String command() {
		return this.command;
	}

	List<String> positional() {
		return this.positional;
	}

	boolean flag(String name) {
		return this.values.containsKey(name);
	}

	/** The option's value, or {@code null} when it was not given. */
	String value(String name) {
		List<String> list = this.values.get(name);
		return (list == null) ? null : list.get(list.size() - 1);
	}

	/** All values of a repeatable option, in the order given. */
	List<String> values(String name) {
		return this.values.getOrDefault(name, List.of());
	}

	int intValue(String name, int defaultValue, int min, int max) {
		String value = value(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed >= min && parsed <= max) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException(name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'",
				this.command);
	}

	/** The option's value, which must be one of {@code allowed}; lower-cased. */
	String choice(String name, List<String> allowed) {
		String value = value(name);
		if (value == null) {
			return null;
		}
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		if (!allowed.contains(normalized)) {
			throw new UsageException(name + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'",
					this.command);
		}
		return normalized;
	}

	/** Names of the options that were given, for checks such as "not together". */
	Set<String> given() {
		return this.values.keySet();
	}

	static Map<String, List<String>> newValues() {
		return new LinkedHashMap<>();
	}

	static void add(Map<String, List<String>> values, String name, String value) {
		values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
	}

}
