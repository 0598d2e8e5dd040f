package dev.hearth.widget;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

import dev.hearth.system.DatabaseOutage;
import dev.hearth.system.ProblemResponses;

/**
 * Rate limits for {@code /api/widget/**} ({@link RateLimits}, Bucket4j): all requests per
 * client address (each replica on its own), and POSTs per client address, per
 * conversation and per site key (shared by every replica through PostgreSQL unless
 * {@code hearth.widget.rate-limit.shared=false}, all three in one round trip). Over a
 * limit the answer is 429 with {@code Retry-After} and a problem detail that says which
 * limit and when to try again; the widget shows it as a friendly notice. Thread-safe.
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
		Refusal refusal;
		try {
			refusal = refusal(request);
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.causedBy(ex)) {
				throw ex;
			}
			// the shared limits live in PostgreSQL: no connection (an outage, or a pool
			// exhausted under overload) is a 503 to retry, as in the controllers, not a
			// 500
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
			ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL);
			return;
		}
		if (refusal != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.seconds()));
			ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many " + refusal.what() + ": at most "
					+ refusal.limit() + " a minute are allowed. Try again in " + refusal.seconds() + " seconds.");
			return;
		}
		chain.doFilter(request, response);
	}

	private Refusal refusal(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		long wait = this.buckets.acquire("all:" + address, this.limits.requestsPerMinutePerAddress(), false);
		if (wait > 0) {
			return new Refusal(wait, "requests", this.limits.requestsPerMinutePerAddress());
		}
		if (!"POST".equals(request.getMethod())) {
			return null;
		}
		// the POST limits in this order (address, conversation, site), shared ones in one
		// round trip
		List<RateLimits.Limit> limits = new ArrayList<>(3);
		List<String> what = new ArrayList<>(3);
		limits.add(new RateLimits.Limit("post:" + address, this.limits.postsPerMinutePerAddress()));
		what.add("messages and actions");
		Matcher matcher = CONVERSATION.matcher(request.getRequestURI());
		if (matcher.matches()) {
			limits.add(new RateLimits.Limit("conversation:" + matcher.group(1).toLowerCase(Locale.ROOT),
					this.limits.messagesPerMinutePerConversation()));
			what.add("messages and actions in one conversation");
		}
		String site = site(request.getParameter("site"));
		if (site != null) {
			limits.add(new RateLimits.Limit("site:" + site, this.limits.postsPerMinutePerSite()));
			what.add("messages and actions on this site (all visitors together)");
		}
		RateLimits.Refusal refused = this.buckets.acquire(limits, this.limits.shared());
		return (refused != null)
				? new Refusal(refused.seconds(), what.get(refused.index()), limits.get(refused.index()).perMinute())
				: null;
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
