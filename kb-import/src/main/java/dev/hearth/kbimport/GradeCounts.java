package dev.hearth.kbimport;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many questions of each group were answered right, answered wrong or escalated; the
 * group "all" counts every question. Groups are listed by name. Not thread-safe.
 */
final class GradeCounts {

	static final String ALL = "all";

	private final Map<String, int[]> groups = new TreeMap<>();

	/** Counts one graded question in its group and in "all". */
	void add(String group, Grade grade) {
		this.groups.computeIfAbsent(group, (g) -> new int[Grade.values().length])[grade.ordinal()]++;
		this.groups.computeIfAbsent(ALL, (g) -> new int[Grade.values().length])[grade.ordinal()]++;
	}

	/** The count of {@code grade} in {@code group}; 0 for an unknown group. */
	int count(String group, Grade grade) {
		int[] counts = this.groups.get(group);
		return (counts != null) ? counts[grade.ordinal()] : 0;
	}

	void print(PrintStream out) {
		Table table = new Table("group", "n", "right", "wrong", "escalated").alignRight(1)
			.alignRight(2)
			.alignRight(3)
			.alignRight(4);
		this.groups.forEach((group, c) -> table.row(group, c[0] + c[1] + c[2], c[0], c[1], c[2]));
		table.print(out);
	}

	/** Per group: {@code {"n", "right", "wrong", "escalated"}}. */
	Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		this.groups.forEach((group, c) -> {
			Map<String, Integer> counts = new LinkedHashMap<>();
			counts.put("n", c[0] + c[1] + c[2]);
			counts.put("right", c[Grade.RIGHT.ordinal()]);
			counts.put("wrong", c[Grade.WRONG.ordinal()]);
			counts.put("escalated", c[Grade.ESCALATED.ordinal()]);
			json.put(group, counts);
		});
		return json;
	}

}
