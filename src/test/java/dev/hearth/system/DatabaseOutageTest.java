package dev.hearth.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

	@Test
	void anUnreachableOrRestartingDatabaseIsAnOutage() {
		assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("pool timed out",
				new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms"))))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(DatabaseOutage.causedBy(new UncategorizedSQLException("insert", "insert ...",
				new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new RuntimeException("wrapped",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
			.isTrue();
		// what JdbcTransactionManager throws when the rollback after a failed commit
		// fails
		// too (the commit's own exception is only logged)
		TransactionSystemException rollbackAfterCutCommit = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		assertThat(DatabaseOutage.causedBy(rollbackAfterCutCommit)).isTrue();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void anOutageIsAnswered503WithRetryAfterAndAnythingElse500() {
		ApiExceptionHandler handler = new ApiExceptionHandler();
		ResponseEntity<ProblemDetail> outage = handler
			.unexpected(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
		assertThat(outage.getStatusCode().value()).isEqualTo(503);
		assertThat(outage.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo(Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
		assertThat(outage.getBody().getDetail()).contains("cannot reach its database").contains("try again");

		ResponseEntity<ProblemDetail> bug = handler.unexpected(new IllegalStateException("bug"));
		assertThat(bug.getStatusCode().value()).isEqualTo(500);
		assertThat(bug.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
	}

}
