package dev.hearth.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes an RFC 9457 problem detail straight to a servlet response, for the places that
 * answer before Spring MVC's exception handling can (servlet filters, Spring Security's
 * entry points, a multipart request the container refused). Everything else throws and
 * lets {@link ApiExceptionHandler} answer.
 */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/** Writes {@code status} with {@code detail}; the body is encoded as UTF-8 JSON. */
	public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		write(response, ProblemDetail.forStatusAndDetail(status, detail));
	}

	/**
	 * Writes {@code problem} with its status: type, title, status and detail, as
	 * {@link ApiExceptionHandler}'s problem details have them.
	 */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(JSON.writeValueAsBytes(body));
	}

}
