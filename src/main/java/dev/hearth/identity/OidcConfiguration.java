package dev.hearth.identity;

import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Keycloak, when {@code hearth.identity.oidc.issuer-uri} is set: the console's client
 * registration (authorization code with PKCE, scopes {@code openid profile email}), the
 * mapping of realm roles to {@link HearthRole}s, and the decoder of access tokens that
 * service clients (the CLI with client credentials) send to the admin API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${hearth.identity.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

	static final String REGISTRATION = "keycloak";

	@Bean
	ClientRegistrationRepository clientRegistrations(IdentityProperties properties) {
		IdentityProperties.Oidc oidc = properties.oidc();
		if (oidc.clientId() == null || oidc.clientId().isBlank()) {
			throw new IllegalStateException("hearth.identity.oidc.issuer-uri is set but not the console's client: "
					+ "set HEARTH_OIDC_CLIENT_ID (and HEARTH_OIDC_CLIENT_SECRET), see docs/console.md");
		}
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
			.registrationId(REGISTRATION)
			.clientId(oidc.clientId())
			.clientSecret(oidc.clientSecret())
			.scope("openid", "profile", "email")
			.userNameAttributeName("preferred_username")
			.redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	/** Signs in with the ID token and user info, and maps realm roles to Hearth roles. */
	@Bean
	OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
		OidcUserService delegate = new OidcUserService();
		return (request) -> {
			OidcUser user = delegate.loadUser(request);
			Set<GrantedAuthority> authorities = new HashSet<>(HearthRole.fromKeycloakClaims(user.getClaims()));
			return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
		};
	}

	/** Access tokens for the admin and agent APIs, checked against the realm's keys. */
	@Bean
	JwtDecoder jwtDecoder(IdentityProperties properties) {
		return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(properties.oidc().issuerUri()));
	}

}
