package dev.hearth.knowledge;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Import throughput: documents by outcome ({@code hearth.import.documents}), the chunks
 * they produced ({@code hearth.import.chunks}) and the seconds each document took
 * ({@code hearth.import.duration}, a timer with a percentile histogram). Tags are
 * {@link ImportOutcome} names only, never a source path. Thread-safe.
 */
@Component
class ImportMetrics {

	private final MeterRegistry registry;

	private final Counter chunks;

	ImportMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.chunks = Counter.builder("hearth.import.chunks")
			.description("Chunks stored and indexed by document imports")
			.register(registry);
	}

	/**
	 * A document import ended with {@code outcome} after {@code nanos} ({@code 0} when
	 * unknown: then only counted).
	 */
	void document(ImportOutcome outcome, int chunks, long nanos) {
		String tag = outcome.name().toLowerCase(Locale.ROOT);
		Counter.builder("hearth.import.documents")
			.description("Documents imported, by outcome")
			.tag("outcome", tag)
			.register(this.registry)
			.increment();
		if (nanos > 0) {
			Timer.builder("hearth.import.duration")
				.description("Time to import one document: parse, chunk, embed, store and index")
				.tag("outcome", tag)
				.publishPercentileHistogram()
				.register(this.registry)
				.record(Duration.ofNanos(nanos));
		}
		if (outcome == ImportOutcome.ADDED || outcome == ImportOutcome.UPDATED) {
			this.chunks.increment(chunks);
		}
	}

}
