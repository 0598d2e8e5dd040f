package dev.hearth.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Console pages show errors as console pages (the API's problem details are for API
 * clients): what was wrong, with the status code, never a stack trace.
 */
@ControllerAdvice(basePackages = "dev.hearth.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleExceptionHandler {

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView denied() {
		ModelAndView page = new ModelAndView("console/denied");
		page.setStatus(HttpStatus.FORBIDDEN);
		return page;
	}

	@ExceptionHandler(ErrorResponseException.class)
	ModelAndView problem(ErrorResponseException ex) {
		return page(HttpStatus.valueOf(ex.getStatusCode().value()), ex.getBody().getDetail());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ModelAndView badRequest(IllegalArgumentException ex) {
		return page(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private static ModelAndView page(HttpStatus status, String detail) {
		ModelAndView page = new ModelAndView("console/problem");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		return page;
	}

}
