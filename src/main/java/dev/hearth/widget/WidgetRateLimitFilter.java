package dev.hearth.widget;

import java.io.IOException;
import java.util.Locale;
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
 * Rate limits for {@code /api/widget/**} ({@link RateLimits}, Bucket4j): all requests per
 * client address (each replica on its own), and POSTs per client address, per
 * conversation and per site key (shared by every replica through PostgreSQL unless
 * {@code hearth.widget.rate-limit.shared=false}). Over a limit the answer is 429 with
 * {@code Retry-After} and a problem detail that says which limit and when to try again;
 * the widget shows it as a friendly notice. Thread-safe.
 */
final class WidgetRateLimitFilter extends OncePerRequestFilter {

	private static final Pattern CONVERSATION = Pattern.compile("^/api/widget/conversations/([0-9a-fA-F-]{36})(/.*)?$");

	private final WidgetProperties.RateLimit limits;

	private final WidgetSites sites;

	private final RateLimits buckets;

	WidgetRateLimitFilter(WidgetProperties.RateLimit limits, WidgetSites sites, RateLimits buckets) {
		this.limits = limits;
		this.sites = sites;
		this.buckets = buckets;
	}

	private record Refusal(long seconds, String what, int limit) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("OPTIONS".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		Refusal refusal = refusal(request);
		if (refusal != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.seconds()));
			Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many " + refusal.what() + ": at most "
					+ refusal.limit() + " a minute are allowed. Try again in " + refusal.seconds() + " seconds.");
			return;
		}
		chain.doFilter(request, response);
	}

	private Refusal refusal(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		Refusal refused = take("all:" + address, this.limits.requestsPerMinutePerAddress(), false, "requests");
		if (refused != null || !"POST".equals(request.getMethod())) {
			return refused;
		}
		refused = take("post:" + address, this.limits.postsPerMinutePerAddress(), true, "messages and actions");
		if (refused != null) {
			return refused;
		}
		Matcher matcher = CONVERSATION.matcher(request.getRequestURI());
		if (matcher.matches()) {
			refused = take("conversation:" + matcher.group(1).toLowerCase(Locale.ROOT),
					this.limits.messagesPerMinutePerConversation(), true, "messages and actions in one conversation");
			if (refused != null) {
				return refused;
			}
		}
		String site = site(request.getParameter("site"));
		return (site != null) ? take("site:" + site, this.limits.postsPerMinutePerSite(), true,
				"messages and actions on this site (all visitors together)") : null;
	}

	private Refusal take(String key, int limit, boolean shared, String what) {
		long wait = this.buckets.acquire(key, limit, shared && this.limits.shared());
		return (wait > 0) ? new Refusal(wait, what, limit) : null;
	}

	private String site(String parameter) {
		try {
			return this.sites.site(parameter).key();
		}
		catch (RuntimeException ex) {
			return null; // an unknown site key: the CORS filter in front refuses it with
							// its reason
		}
	}

}
