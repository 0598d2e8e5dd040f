package dev.hearth.assistant;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Milliseconds per pipeline step, and in total; the total includes the question's
 * embedding, which happens once per turn before the pipeline ({@link Queries}). Not
 * thread-safe: one per question.
 */
final class Timings {

	private final long started;

	private long last = System.nanoTime();

	private final Map<String, Long> laps = new LinkedHashMap<>();

	/** Timings that start now. */
	Timings() {
		this(0);
	}

	/**
	 * @param embedMillis how long the question's embedding took before the pipeline
	 */
	Timings(long embedMillis) {
		this.started = this.last - embedMillis * 1_000_000;
		this.laps.put("embed", embedMillis);
	}

	/** Records the time since the previous lap (or the start) under the step's name. */
	void lap(String step) {
		long now = System.nanoTime();
		this.laps.put(step, (now - this.last) / 1_000_000);
		this.last = now;
	}

	/** The laps and the total so far. */
	Map<String, Long> done() {
		this.laps.put("total", (System.nanoTime() - this.started) / 1_000_000);
		return Map.copyOf(this.laps);
	}

}
