package dev.hearth.system;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a correlation id for the request ({@value #REQUEST_ID}) and, when the path names
 * one, the conversation's id ({@value #CONVERSATION_ID}) in the logging MDC for as long
 * as the request runs (its async dispatches included), so every log line of a request and
 * of a conversation can be found together; JSON logs carry both as fields. At DEBUG it
 * logs one line per request: method, path (never the query string), status and duration.
 * The request id is the caller's {@value #HEADER} when it is a short token (a proxy's or
 * a load balancer's), else a new UUID, and is echoed in the response's {@value #HEADER}.
 * Only identifiers go into the MDC, never a header's free text, a query string or a body.
 */
final class CorrelationFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(CorrelationFilter.class);

	/** The MDC key of the request's correlation id. */
	static final String REQUEST_ID = "request.id";

	/** The MDC key of the conversation a request is about. */
	static final String CONVERSATION_ID = "conversation.id";

	/** The header a request id is taken from and returned in. */
	static final String HEADER = "X-Request-Id";

	private static final Pattern CONVERSATION = Pattern
		.compile("/conversations/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/|$)");

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = requestId(request.getHeader(HEADER));
		String conversation = conversation(request.getRequestURI());
		MDC.put(REQUEST_ID, requestId);
		if (conversation != null) {
			MDC.put(CONVERSATION_ID, conversation);
		}
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, requestId);
		}
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (log.isDebugEnabled() && !isAsyncStarted(request)) {
				log.debug("{} {} answered {} in {} ms", request.getMethod(), request.getRequestURI(),
						response.getStatus(), (System.nanoTime() - started) / 1_000_000);
			}
			MDC.remove(REQUEST_ID);
			MDC.remove(CONVERSATION_ID);
		}
	}

	static String requestId(String header) {
		return (header != null && TOKEN.matcher(header).matches()) ? header : UUID.randomUUID().toString();
	}

	/** The conversation id in {@code path}, lower case, or {@code null}. */
	static String conversation(String path) {
		if (path == null) {
			return null;
		}
		Matcher matcher = CONVERSATION.matcher(path);
		return matcher.find() ? matcher.group(1).toLowerCase(java.util.Locale.ROOT) : null;
	}

}
