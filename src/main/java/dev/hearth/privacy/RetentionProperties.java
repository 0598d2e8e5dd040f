package dev.hearth.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.retention}: how long each data class is kept (unset or
 * {@code 0} keeps it for ever) and how the purge runs.
 *
 * @param transcripts conversations (messages, notes, ratings, tickets) by last activity;
 * conversations waiting for or with an agent are never purged
 * @param audit audit events by when they were written
 * @param trainingExamples training examples by when they were kept
 * @param uploadedFiles knowledge-base documents by when they were last imported (kept for
 * ever by default: they are the answers)
 * @param batchSize items deleted per transaction
 * @param maxBatches batches per data class and run (the rest waits for the next run)
 * @param enabled whether the scheduled job runs ({@code POST /api/admin/retention/run}
 * runs it in any case)
 * @param interval time between runs
 */
@ConfigurationProperties("hearth.retention")
record RetentionProperties(@DefaultValue("365d") Duration transcripts, @DefaultValue("2555d") Duration audit,
		@DefaultValue("730d") Duration trainingExamples, Duration uploadedFiles, @DefaultValue("500") int batchSize,
		@DefaultValue("200") int maxBatches, @DefaultValue("true") boolean enabled,
		@DefaultValue("6h") Duration interval) {

	RetentionProperties {
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException("hearth.retention.batch-size must be 1 to 10000, got " + batchSize);
		}
		if (maxBatches < 1) {
			throw new IllegalArgumentException("hearth.retention.max-batches must be at least 1, got " + maxBatches);
		}
	}

	/** Each data class and how long it is kept ({@code null}: for ever). */
	Map<String, Duration> policy() {
		Map<String, Duration> policy = new LinkedHashMap<>();
		policy.put("transcripts", kept(this.transcripts));
		policy.put("audit", kept(this.audit));
		policy.put("training-examples", kept(this.trainingExamples));
		policy.put("uploaded-files", kept(this.uploadedFiles));
		return policy;
	}

	private static Duration kept(Duration duration) {
		return (duration == null || duration.isZero() || duration.isNegative()) ? null : duration;
	}

}
