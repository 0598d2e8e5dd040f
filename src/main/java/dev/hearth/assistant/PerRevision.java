package dev.hearth.assistant;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value derived from the FAQ entries, computed again only when the FAQ's revision has
 * changed since it was last computed (the words of all answers, the values of all tags).
 * Thread-safe: the value and its revision are swapped in together; two threads that find
 * it stale at once may both compute it, and either result is right.
 *
 * @param <T> the derived value, immutable
 */
final class PerRevision<T> {

	private final LongSupplier revision;

	private final Supplier<T> compute;

	private volatile Snapshot<T> snapshot;

	/**
	 * @param revision the FAQ's revision, which changes when an entry does
	 * @param compute derives the value from the current entries
	 */
	PerRevision(LongSupplier revision, Supplier<T> compute) {
		this.revision = revision;
		this.compute = compute;
	}

	/** The value for the FAQ's current revision. */
	T get() {
		long now = this.revision.getAsLong();
		Snapshot<T> known = this.snapshot;
		if (known != null && known.revision() == now) {
			return known.value();
		}
		T value = this.compute.get();
		this.snapshot = new Snapshot<>(now, value);
		return value;
	}

	private record Snapshot<T>(long revision, T value) {
	}

}
