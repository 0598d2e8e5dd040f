package dev.hearth.console;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hearth.identity.HearthRole;

/**
 * Mocked console users for MockMvc tests: a local-account user, or a Keycloak (OIDC) user
 * whose ID token carries the realm roles as Keycloak sends them. Use with
 * {@code mvc.perform(get("/console/inbox").with(ConsoleUsers.agent("alice")))}; add
 * {@code .with(csrf())} to POSTs.
 */
public final class ConsoleUsers {

	private ConsoleUsers() {
	}

	public static RequestPostProcessor agent(String username) {
		return local(username, HearthRole.AGENT);
	}

	public static RequestPostProcessor supervisor(String username) {
		return local(username, HearthRole.SUPERVISOR);
	}

	public static RequestPostProcessor admin(String username) {
		return local(username, HearthRole.ADMIN);
	}

	/** A user signed in with a local account and this role. */
	public static RequestPostProcessor local(String username, HearthRole role) {
		return SecurityMockMvcRequestPostProcessors.user(username)
			.authorities(new SimpleGrantedAuthority(role.authority()));
	}

	/**
	 * A user signed in through Keycloak, with these realm roles mapped as Hearth maps
	 * them; named {@code username} as Hearth names Keycloak users (subject and
	 * {@code preferred_username}).
	 */
	public static RequestPostProcessor keycloak(String username, HearthRole... roles) {
		List<String> names = java.util.Arrays.stream(roles).map(Enum::name).toList();
		return SecurityMockMvcRequestPostProcessors.oidcLogin()
			.idToken((token) -> token.subject(username)
				.claim("preferred_username", username)
				.claim("given_name", username)
				.claim("family_name", "Tester")
				.claim("realm_access", Map.of("roles", names)))
			.userInfoToken((info) -> info.subject(username).claim("preferred_username", username))
			.authorities(java.util.Arrays.stream(roles)
				.map((r) -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
				.toList());
	}

}
