package dev.hearth.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart request to the API ({@code /api/**}) that the servlet container refuses
 * while reading it, before any controller and so out of {@link ApiExceptionHandler}'s
 * reach, gets a problem detail that names the limit: 413 over
 * {@code spring.servlet.multipart.max-request-size}, 400 for a body it cannot read (more
 * parts than {@code server.tomcat.max-part-count}, a broken body), instead of an empty
 * 413 or a 500. Other paths (the console's uploads) are left to the default handling.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MultipartLimitResolver implements HandlerExceptionResolver {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!(ex instanceof MultipartException) || !path.startsWith("/api/") || response.isCommitted()) {
			return null;
		}
		ProblemDetail problem;
		if (tooManyParts(ex)) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request has more parts than the server reads in one upload (server.tomcat.max-part-count): "
							+ "send fewer files per request.");
		}
		else if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			long limit = tooLarge.getMaxUploadSize();
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The request is larger than the server reads in one upload ("
							+ ((limit > 0) ? limit + " bytes, " : "")
							+ "spring.servlet.multipart.max-request-size): send fewer or smaller files per request.");
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The multipart body could not be read (" + rootMessage(ex) + "): check its boundary and parts.");
		}
		try {
			response.resetBuffer();
			response.setHeader("Connection", "close");
			ProblemResponses.write(response, problem);
			return new ModelAndView();
		}
		catch (IOException | RuntimeException writeFailed) {
			return null;
		}
	}

	/** Tomcat's part count limit, which Spring reports as an upload size exceeded. */
	private static boolean tooManyParts(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
	}

}
