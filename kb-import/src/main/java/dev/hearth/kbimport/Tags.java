package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * A document's tags: keys with one or more values, compared without regard to order.
 * Given on the command line as {@code --tag key=value} (repeat a key for several values),
 * sent to the server as {@code tag=key:value}, received as {@code {"key":["value"]}}.
 */
final class Tags {

	static final Tags NONE = new Tags(new TreeMap<>());

	private final SortedMap<String, SortedSet<String>> values;

	private Tags(SortedMap<String, SortedSet<String>> values) {
		this.values = values;
	}

	/**
	 * Parses {@code key=value} arguments.
	 * @throws UsageException when one is not of that form
	 */
	static Tags parse(List<String> arguments, String command) {
		SortedMap<String, SortedSet<String>> values = new TreeMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			String key = (equals > 0) ? argument.substring(0, equals).strip() : "";
			String value = (equals > 0) ? argument.substring(equals + 1).strip() : "";
			if (key.isEmpty() || value.isEmpty() || key.contains(":")) {
				throw new UsageException("--tag must look like key=value (key without ':'), got '" + argument + "'",
						command);
			}
			values.computeIfAbsent(key, (k) -> new TreeSet<>()).add(value);
		}
		return new Tags(values);
	}

	/**
	 * Reads the server's {@code {"key":["value", ...]}} (a single string value is
	 * accepted too).
	 */
	static Tags fromJson(JsonNode node) {
		SortedMap<String, SortedSet<String>> values = new TreeMap<>();
		if (node != null && node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				SortedSet<String> set = new TreeSet<>();
				if (entry.getValue().isArray()) {
					entry.getValue().values().forEach((value) -> set.add(value.asString("")));
				}
				else if (!entry.getValue().isNull()) {
					set.add(entry.getValue().asString(""));
				}
				if (!set.isEmpty()) {
					values.put(entry.getKey(), set);
				}
			}
		}
		return new Tags(values);
	}

	boolean isEmpty() {
		return this.values.isEmpty();
	}

	/** The query parameter values: {@code key:value}, one per value. */
	List<String> asQueryValues() {
		List<String> result = new ArrayList<>();
		this.values.forEach((key, set) -> set.forEach((value) -> result.add(key + ":" + value)));
		return Collections.unmodifiableList(result);
	}

	/** For display: {@code product=a,b region=eu}. */
	@Override
	public String toString() {
		List<String> parts = new ArrayList<>();
		this.values.forEach((key, set) -> parts.add(key + "=" + String.join(",", set)));
		return String.join(" ", parts);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Tags tags) && this.values.equals(tags.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

}
