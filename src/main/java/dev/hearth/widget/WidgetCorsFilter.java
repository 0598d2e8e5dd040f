package dev.hearth.widget;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hearth.system.ProblemResponses;

/**
 * CORS per site key for {@code /api/widget/**}: the site key comes from the {@code site}
 * query parameter (a preflight carries no custom headers), and a browser request whose
 * {@code Origin} is neither Hearth's own nor one of that site's allowed origins is
 * refused with a 403 problem detail, before it reaches any controller. Requests without
 * an {@code Origin} (curl, servers) pass: CORS protects browsers' users, the conversation
 * token protects the conversation. Thread-safe.
 */
final class WidgetCorsFilter extends OncePerRequestFilter {

	static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Last-Event-ID";

	private final WidgetSites sites;

	WidgetCorsFilter(WidgetSites sites) {
		this.sites = sites;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		boolean preflight = "OPTIONS".equals(request.getMethod())
				&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
		if (origin == null || (!preflight && sameOrigin(request, origin))) {
			chain.doFilter(request, response);
			return;
		}
		WidgetProperties.Site site;
		try {
			site = this.sites.site(request.getParameter("site"));
		}
		catch (IllegalArgumentException ex) {
			ProblemResponses.write(response, HttpStatus.BAD_REQUEST, ex.getMessage());
			return;
		}
		if (!sameOrigin(request, origin) && !this.sites.allows(site, origin)) {
			ProblemResponses.write(response, HttpStatus.FORBIDDEN,
					"Pages from " + origin + " may not use the chat widget of site '" + site.key()
							+ "': add the origin to hearth.widget.sites[].allowed-origins of that site.");
			return;
		}
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After");
		if (preflight) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
			response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether the page is one of Hearth's own (the demo page, the widget's frame): its
	 * origin names the host the request was sent to. The {@code Host} header is compared
	 * too, so this holds behind a TLS-terminating proxy that forwards it.
	 */
	static boolean sameOrigin(HttpServletRequest request, String origin) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		String own = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
		String normalized = WidgetSites.normalize(origin);
		if (WidgetSites.normalize(own).equals(normalized)) {
			return true;
		}
		String host = request.getHeader(HttpHeaders.HOST);
		int separator = normalized.indexOf("://");
		return host != null && separator > 0
				&& normalized.substring(separator + 3).equals(host.strip().toLowerCase(java.util.Locale.ROOT));
	}

}
