package dev.hearth.assistant;

import java.util.Map;
import java.util.TreeMap;

/**
 * Answered right / answered wrong / escalated, per group of an evaluation set and in
 * total. Not thread-safe.
 */
public final class GradeTally {

	private final Map<String, int[]> groups = new TreeMap<>();

	/** Counts one graded question. */
	public void add(String group, AnswerGrade grade) {
		this.groups.computeIfAbsent(group, (g) -> new int[3])[grade.ordinal()]++;
		this.groups.computeIfAbsent("all", (g) -> new int[3])[grade.ordinal()]++;
	}

	/** Per group (and {@code all}): counts and the share answered right. */
	public Map<String, Counts> counts() {
		Map<String, Counts> counts = new TreeMap<>();
		this.groups.forEach((group, c) -> counts.put(group, new Counts(c[0], c[1], c[2])));
		return counts;
	}

	/**
	 * @param right answered right (or rightly escalated)
	 * @param wrong answered wrong
	 * @param escalated escalated although answerable
	 */
	public record Counts(int right, int wrong, int escalated) {

		public int n() {
			return this.right + this.wrong + this.escalated;
		}

		public double rightShare() {
			return (n() == 0) ? 0 : (double) this.right / n();
		}

	}

}
