package dev.hearth.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code hearth.identity}.
 *
 * @param adminToken an admin API token to accept (seeded, hashed, at start-up); empty for
 * none
 * @param initialAdminPassword the password of the first local console account
 * ({@code admin}) when no account exists yet; empty to generate one and print it once
 * @param oidc Keycloak (or another OpenID Connect provider) for console sign-in and for
 * service clients of the admin API; off while its issuer is empty
 */
@ConfigurationProperties("hearth.identity")
record IdentityProperties(String adminToken, String initialAdminPassword, Oidc oidc) {

	IdentityProperties {
		oidc = (oidc != null) ? oidc : new Oidc(null, null, null);
	}

	/**
	 * @param issuerUri the realm's issuer, e.g.
	 * {@code https://sso.example.com/realms/hearth}
	 * @param clientId the console's client
	 * @param clientSecret its secret (from the environment, never from a file in the
	 * repository)
	 */
	record Oidc(String issuerUri, String clientId, String clientSecret) {

		boolean enabled() {
			return this.issuerUri != null && !this.issuerUri.isBlank();
		}

	}

}
