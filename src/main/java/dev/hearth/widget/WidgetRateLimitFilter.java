package dev.hearth.widget;

import java.io.IOException;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits for {@code /api/widget/**}: all requests and POSTs per client address, and
 * POSTs per conversation. Over a limit the answer is 429 with {@code Retry-After} and a
 * problem detail that says when to try again; the widget shows it as a friendly notice.
 * Thread-safe.
 */
final class WidgetRateLimitFilter extends OncePerRequestFilter {

	private static final Pattern CONVERSATION = Pattern.compile("^/api/widget/conversations/([0-9a-fA-F-]{36})(/.*)?$");

	private final WidgetProperties.RateLimit limits;

	private final RateLimiter limiter;

	WidgetRateLimitFilter(WidgetProperties.RateLimit limits, Clock clock) {
		this.limits = limits;
		this.limiter = new RateLimiter(clock);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("OPTIONS".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		long wait = this.limiter.acquire("all:" + address, this.limits.requestsPerMinutePerAddress());
		String what = "requests";
		int limit = this.limits.requestsPerMinutePerAddress();
		if (wait == 0 && "POST".equals(request.getMethod())) {
			wait = this.limiter.acquire("post:" + address, this.limits.postsPerMinutePerAddress());
			what = "messages and actions";
			limit = this.limits.postsPerMinutePerAddress();
			Matcher matcher = CONVERSATION.matcher(request.getRequestURI());
			if (wait == 0 && matcher.matches()) {
				wait = this.limiter.acquire("conversation:" + matcher.group(1).toLowerCase(java.util.Locale.ROOT),
						this.limits.messagesPerMinutePerConversation());
				what = "messages and actions in one conversation";
				limit = this.limits.messagesPerMinutePerConversation();
			}
		}
		if (wait > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
			Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many " + what + ": at most " + limit
					+ " a minute are allowed. Try again in " + wait + " seconds.");
			return;
		}
		chain.doFilter(request, response);
	}

}
