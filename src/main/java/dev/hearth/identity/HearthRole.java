package dev.hearth.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles of people and service clients, the same whether they sign in with a local
 * account, through Keycloak or with an API token. Keycloak realm roles of the same names
 * (case-insensitive) map to them; other realm roles are ignored.
 */
public enum HearthRole {

	/** Answers customers: the inbox, conversations, search. */
	AGENT,
	/** An agent who also runs the knowledge base and sees analytics. */
	SUPERVISOR,
	/** Runs Hearth: policy, audit, accounts, everything else. */
	ADMIN;

	/** The Spring Security authority, e.g. {@code ROLE_AGENT}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The authorities for the realm roles in a Keycloak token's or user info's claims
	 * ({@code realm_access.roles}).
	 */
	static Set<GrantedAuthority> fromKeycloakClaims(Map<String, Object> claims) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		if (claims != null && claims.get("realm_access") instanceof Map<?, ?> realmAccess
				&& realmAccess.get("roles") instanceof Collection<?> roles) {
			for (Object role : roles) {
				for (HearthRole known : values()) {
					if (known.name().equalsIgnoreCase(String.valueOf(role))) {
						authorities.add(new SimpleGrantedAuthority(known.authority()));
					}
				}
			}
		}
		return authorities;
	}

	/** The Hearth roles among these authorities. */
	static List<HearthRole> of(Collection<? extends GrantedAuthority> authorities) {
		return java.util.Arrays.stream(values())
			.filter((role) -> authorities.stream().anyMatch((a) -> role.authority().equals(a.getAuthority())))
			.toList();
	}

}
