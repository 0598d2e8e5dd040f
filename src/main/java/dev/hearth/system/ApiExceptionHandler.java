package dev.hearth.system;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem detail that says what was wrong; an unexpected
 * failure says only that it happened and which incident id to find in the server log,
 * never a stack trace.
 */
@RestControllerAdvice(basePackages = "dev.hearth")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * A body that could not be read: the validation message of the value that refused it
	 * (e.g. an edited policy rule), else what the JSON parser said, first line only.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.header(HttpHeaders.CONNECTION, "close")
					.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
			}
			if (detail == null && cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
				detail = invalid.getMessage();
			}
		}
		if (detail == null) {
			detail = "The request body is not valid JSON of the expected shape: " + parserMessage(ex);
		}
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
	}

	/**
	 * What the JSON parser said, first line only, with the field it was reading when
	 * Jackson knows it (e.g. {@code "at 'text'"} for a number where text belongs).
	 */
	private static String parserMessage(HttpMessageNotReadableException ex) {
		Throwable specific = ex.getMostSpecificCause();
		String message = String
			.valueOf((specific instanceof JacksonException jackson) ? jackson.getOriginalMessage()
					: specific.getMessage())
			.lines()
			.findFirst()
			.orElse("");
		if (specific instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(java.util.stream.Collectors.joining("."));
			message = message + " (at '" + field + "')";
		}
		return message;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseOutage.causedBy(ex)) {
			log.warn("The database is unavailable: {}", ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL));
		}
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected error, incident {}", incident, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Hearth could not complete this request. The server log has the details under incident " + incident
						+ ".");
		problem.setProperty("incident", incident);
		return ResponseEntity.internalServerError().body(problem);
	}

}
