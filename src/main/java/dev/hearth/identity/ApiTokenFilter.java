package dev.hearth.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against {@link ApiTokens}. A
 * request without a valid token stays anonymous, and the chain's authorization rules
 * refuse it.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	ApiTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).strip();
			if (!token.isEmpty()) {
				this.tokens.authenticate(token).ifPresent((holder) -> {
					var authentication = UsernamePasswordAuthenticationToken.authenticated(holder.name(), null,
							List.of(new SimpleGrantedAuthority("ROLE_" + holder.role())));
					SecurityContextHolder.getContext().setAuthentication(authentication);
				});
			}
		}
		chain.doFilter(request, response);
	}

}
