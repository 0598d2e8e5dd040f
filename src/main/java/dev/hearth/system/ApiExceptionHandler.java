package dev.hearth.system;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
		for (Throwable cause = ex; cause != null && detail == null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
				detail = invalid.getMessage();
			}
		}
		if (detail == null) {
			String parser = String.valueOf(ex.getMostSpecificCause().getMessage()).lines().findFirst().orElse("");
			detail = "The request body is not valid JSON of the expected shape: " + parser;
		}
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected error, incident {}", incident, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Hearth could not complete this request. The server log has the details under incident " + incident
						+ ".");
		problem.setProperty("incident", incident);
		return problem;
	}

}
