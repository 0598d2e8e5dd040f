package dev.hearth.identity;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * One security filter chain per audience. {@code /api/admin/**}: API clients with an
 * ADMIN token, stateless, no CSRF (no cookies are involved). Everything else: public for
 * now (customer pages and the citation pages), with Spring Security's default security
 * headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain adminApi(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/admin/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.addFilterBefore(new ApiTokenFilter(tokens), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
			.exceptionHandling(
					(errors) -> errors.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain agentApi(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/agent/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.addFilterBefore(new ApiTokenFilter(tokens), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAnyRole("AGENT", "SUPERVISOR", "ADMIN"))
			.exceptionHandling(
					(errors) -> errors.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()));
		return http.build();
	}

	@Bean
	@Order(100)
	SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
		return http.build();
	}

	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
				"This endpoint needs an API token: send Authorization: Bearer <token> (kb-import: --token or HEARTH_TOKEN).");
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
				"This token is not allowed to use this API.");
	}

	private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
			throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
				+ status.value() + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

}
