package dev.hearth.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing database into Spring Boot's short "APPLICATION FAILED TO START" report
 * instead of a stack trace.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
