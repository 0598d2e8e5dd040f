package dev.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.hearth.privacy.AuditTrail;
import dev.hearth.system.ProblemResponses;

/**
 * One security filter chain per audience.
 * <ul>
 * <li>{@code /api/admin/**}: API clients with an ADMIN token, or (with Keycloak) an
 * access token whose realm roles include ADMIN, e.g. the CLI's client-credentials token;
 * stateless, no CSRF (no cookies are involved).</li>
 * <li>{@code /api/agent/**}: the same for AGENT, SUPERVISOR or ADMIN.</li>
 * <li>{@code /console/**}: people, signed in with a local account (form login) or through
 * Keycloak (authorization code with PKCE); session cookie, CSRF protection, a content
 * security policy; {@code /console/admin/**} and {@code /console/analytics/**} need
 * SUPERVISOR or ADMIN, the rest any Hearth role. Controllers check finer rules themselves
 * ({@code @PreAuthorize} is enabled). Local sign-ins are throttled and locked after
 * repeated failures ({@link SignInGuard}); every sign-in is audited.</li>
 * <li>Everything else: public (customer pages and the citation pages), with Spring
 * Security's default security headers.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	/**
	 * Spring Security observes, by default, each request's filter chain, every filter in
	 * it (before and after), every authentication and every authorization decision: about
	 * a tenth of an admin import request's CPU (docs/benchmarks.md, issue 14, branch
	 * ingest), paid by every widget request too. Nothing reads those metrics or spans;
	 * the request's own observation ({@code http.server.requests}, its trace id in the
	 * logs) stays. Sign-ins are audited by Hearth itself ({@link SignInGuard}).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain adminApi(HttpSecurity http, ApiTokens tokens, ObjectProvider<JwtDecoder> jwt) throws Exception {
		apiChain(http, "/api/admin/**", tokens, jwt);
		http.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain agentApi(HttpSecurity http, ApiTokens tokens, ObjectProvider<JwtDecoder> jwt) throws Exception {
		apiChain(http, "/api/agent/**", tokens, jwt);
		http.authorizeHttpRequests((requests) -> requests.anyRequest().hasAnyRole("AGENT", "SUPERVISOR", "ADMIN"));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain console(HttpSecurity http, LocalAccounts accounts,
			ObjectProvider<ClientRegistrationRepository> registrations,
			ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers, SignInThrottle throttle,
			AuditTrail audit) throws Exception {
		DaoAuthenticationProvider local = new DaoAuthenticationProvider(accounts::loadUser);
		local.setPasswordEncoder(accounts.encoder());
		SignInGuard guard = new SignInGuard(throttle, audit);
		http.securityMatcher("/console/**")
			.authenticationProvider(local)
			.addFilterBefore(guard, UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/console/login", "/console/denied", "/console/*.css", "/console/*.js",
						"/console/vendor/**")
				.permitAll()
				.requestMatchers("/console/admin/**", "/console/analytics/**")
				.hasAnyRole("SUPERVISOR", "ADMIN")
				.anyRequest()
				.hasAnyRole("AGENT", "SUPERVISOR", "ADMIN"))
			.formLogin((form) -> form.loginPage("/console/login")
				.loginProcessingUrl("/console/login")
				.successHandler(guard.success("local"))
				.failureHandler(guard.failure()))
			.exceptionHandling((errors) -> errors.accessDeniedPage("/console/denied"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
		ClientRegistrationRepository keycloak = registrations.getIfAvailable();
		if (keycloak != null) {
			DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(keycloak,
					"/console/oauth2/authorization");
			resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
			OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(keycloak);
			logout.setPostLogoutRedirectUri("{baseUrl}/console/login?logout");
			logout.setDefaultTargetUrl("/console/login?logout");
			http.oauth2Login((login) -> login.loginPage("/console/login")
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver))
				.redirectionEndpoint((endpoint) -> endpoint.baseUri("/console/login/oauth2/code/*"))
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(oidcUsers.getObject()))
				.successHandler(guard.success("keycloak"))
				.failureHandler(guard.keycloakFailure()))
				.logout((out) -> out.logoutUrl("/console/logout").logoutSuccessHandler(logout));
		}
		else {
			http.logout((out) -> out.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"));
		}
		return http.build();
	}

	@Bean
	@Order(100)
	SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
		return http.build();
	}

	private static void apiChain(HttpSecurity http, String path, ApiTokens tokens, ObjectProvider<JwtDecoder> jwt)
			throws Exception {
		http.securityMatcher(path)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.addFilterBefore(new ApiTokenFilter(tokens), AuthorizationFilter.class)
			.exceptionHandling(
					(errors) -> errors.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()));
		JwtDecoder decoder = jwt.getIfAvailable();
		if (decoder != null) {
			JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
			converter.setJwtGrantedAuthoritiesConverter(
					(token) -> java.util.List.copyOf(HearthRole.fromKeycloakClaims(token.getClaims())));
			converter.setPrincipalClaimName("preferred_username");
			http.oauth2ResourceServer((server) -> server.bearerTokenResolver(jwtsOnly())
				.authenticationEntryPoint(unauthorized())
				.jwt((jwtConfig) -> jwtConfig.decoder(decoder).jwtAuthenticationConverter(converter)));
		}
	}

	/**
	 * Bearer tokens that look like JWTs (three dot-separated parts) go to the JWT
	 * decoder; Hearth's own API tokens are left to {@link ApiTokenFilter}.
	 */
	private static BearerTokenResolver jwtsOnly() {
		DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
		return (HttpServletRequest request) -> {
			String token = bearer.resolve(request);
			return (token != null && token.chars().filter((c) -> c == '.').count() == 2) ? token : null;
		};
	}

	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
				"This endpoint needs an API token: send Authorization: Bearer <token> (kb-import: --token or HEARTH_TOKEN).");
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
				"This token is not allowed to use this API.");
	}

}
