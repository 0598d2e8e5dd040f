package dev.hearth.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hearth.privacy.AuditTrail;

/**
 * Guards the console's sign-in: refuses a local sign-in from a locked account or address
 * before the password is checked ({@link SignInThrottle}), and records every sign-in in
 * the audit trail: {@code SIGN_IN} (local or Keycloak), {@code SIGN_IN_FAILED} and
 * {@code SIGN_IN_LOCKED}, with the client address, never the password.
 */
final class SignInGuard extends OncePerRequestFilter {

	static final String LOGIN = "/console/login";

	private final SignInThrottle throttle;

	private final AuditTrail audit;

	SignInGuard(SignInThrottle throttle, AuditTrail audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& LOGIN.equals(request.getRequestURI().substring(request.getContextPath().length())));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = username(request);
		Optional<Duration> wait = this.throttle.attempt(username, request.getRemoteAddr());
		if (wait.isPresent()) {
			this.audit.record("SIGN_IN_LOCKED", username, username,
					details(request, "waitSeconds", wait.get().toSeconds()));
			response.sendRedirect(request.getContextPath() + LOGIN + "?locked=" + minutes(wait.get()));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Records a successful sign-in ({@code local} or {@code keycloak}), then goes to the
	 * console.
	 */
	AuthenticationSuccessHandler success(String method) {
		SimpleUrlAuthenticationSuccessHandler next = new SimpleUrlAuthenticationSuccessHandler("/console");
		next.setAlwaysUseDefaultTargetUrl(true);
		return (request, response, authentication) -> {
			String name = name(authentication);
			if ("local".equals(method)) {
				this.throttle.succeeded(name);
			}
			this.audit.record("SIGN_IN", name, name, details(request, "method", method));
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Records a failed local sign-in; when it locks the account or address, says so on
	 * the sign-in page.
	 */
	AuthenticationFailureHandler failure() {
		SimpleUrlAuthenticationFailureHandler next = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
		return (request, response, exception) -> {
			String username = username(request);
			Optional<Duration> locked = this.throttle.failed(username, request.getRemoteAddr());
			this.audit.record("SIGN_IN_FAILED", username, username,
					details(request, "reason", exception.getClass().getSimpleName()));
			if (locked.isPresent()) {
				this.audit.record("SIGN_IN_LOCKED", username, username,
						details(request, "waitSeconds", locked.get().toSeconds()));
				response.sendRedirect(request.getContextPath() + LOGIN + "?locked=" + minutes(locked.get()));
				return;
			}
			next.onAuthenticationFailure(request, response, exception);
		};
	}

	/** Records a failed Keycloak sign-in (Keycloak locks its own accounts). */
	AuthenticationFailureHandler keycloakFailure() {
		SimpleUrlAuthenticationFailureHandler next = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
		return (request, response, exception) -> {
			this.audit.record("SIGN_IN_FAILED", "keycloak", "keycloak",
					details(request, "reason", exception.getClass().getSimpleName()));
			next.onAuthenticationFailure(request, response, exception);
		};
	}

	private static Map<String, Object> details(HttpServletRequest request, String key, Object value) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("address", request.getRemoteAddr());
		details.put(key, value);
		return details;
	}

	private static String name(Authentication authentication) {
		return SignedInUser.of(authentication).username();
	}

	private static String username(HttpServletRequest request) {
		String username = request.getParameter("username");
		if (username == null || username.isBlank()) {
			return "(none)";
		}
		String stripped = username.strip().toLowerCase(java.util.Locale.ROOT);
		return (stripped.length() > 64) ? stripped.substring(0, 64) : stripped;
	}

	private static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

}
