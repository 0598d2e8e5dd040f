package dev.hearth.assistant;

import java.time.Instant;
import java.util.Map;

/**
 * The FAQ router's state, as the admin API shows it.
 *
 * @param liveVersion the version answering questions, or {@code null} when none is
 * trained
 * @param liveKbRevision the knowledge base revision the live model was trained on, or -1
 * @param kbRevision the knowledge base's current revision
 * @param training whether a training run is under way
 * @param threshold the out-of-scope threshold in force
 * @param thresholdSource where it comes from: {@code configuration}, {@code calibration}
 * or {@code model}
 * @param labels FAQ entries the live model knows
 * @param examples phrasings it was trained on
 * @param checks held-out checks of the live model
 * @param liveAt when it went live
 * @param lastError the last training failure, if the latest run failed
 */
public record RouterStatus(Integer liveVersion, long liveKbRevision, long kbRevision, boolean training,
		double threshold, String thresholdSource, int labels, int examples, Map<String, Double> checks, Instant liveAt,
		String lastError) {
}
