package dev.hearth.privacy;

import java.util.List;

/**
 * Finds one or more kinds of personal data in a text. Implementations must be
 * thread-safe.
 */
public interface PiiDetector {

	List<PiiMatch> detect(String text);

}
