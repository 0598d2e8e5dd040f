package dev.hearth.assistant.model;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a language model that cannot be set up into Spring Boot's short "APPLICATION
 * FAILED TO START" report (what is wrong, with which file or server, and what to do)
 * instead of a stack trace.
 * <p>
 * Spring Boot asks every analyzer about every failed start, so this is also where a
 * failed start is noted for {@link NativeThreadGuard}'s exit status.
 */
class ModelFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		NativeThreadGuard.applicationFailed();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ModelUnavailableException unavailable) {
				return new FailureAnalysis(unavailable.getMessage(), unavailable.action(), unavailable);
			}
		}
		return null;
	}

}
