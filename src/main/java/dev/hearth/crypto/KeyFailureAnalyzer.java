package dev.hearth.crypto;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns missing or wrong encryption keys into Spring Boot's short "APPLICATION FAILED TO
 * START" report (what is wrong and what to configure) instead of a stack trace.
 */
class KeyFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof EncryptionKeyException keys) {
				return new FailureAnalysis(keys.getMessage(),
						"Configure the keys under hearth.crypto (key-file, keys.<id>, active-key): see docs/security.md, "
								+ "\"Encryption at rest and key rotation\".",
						keys);
			}
		}
		return null;
	}

}
