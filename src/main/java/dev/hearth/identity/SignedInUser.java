package dev.hearth.identity;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person using the console, whichever way they signed in.
 *
 * @param username the name Hearth records them under (assignments, audit trail)
 * @param displayName the name customers and colleagues see
 * @param roles their Hearth roles
 */
public record SignedInUser(String username, String displayName, List<HearthRole> roles) {

	/** The user behind a console request's authentication. */
	public static SignedInUser of(Authentication authentication) {
		List<HearthRole> roles = HearthRole.of(authentication.getAuthorities());
		Object principal = authentication.getPrincipal();
		if (principal instanceof LocalUser local) {
			return new SignedInUser(local.getUsername(), local.displayName(), roles);
		}
		if (principal instanceof OidcUser oidc) {
			String name = String.join(" ", nonBlank(oidc.getGivenName()), nonBlank(oidc.getFamilyName())).strip();
			return new SignedInUser(authentication.getName(), name.isEmpty() ? authentication.getName() : name, roles);
		}
		return new SignedInUser(authentication.getName(), authentication.getName(), roles);
	}

	public boolean agent() {
		return !this.roles.isEmpty();
	}

	public boolean supervisor() {
		return this.roles.contains(HearthRole.SUPERVISOR) || this.roles.contains(HearthRole.ADMIN);
	}

	public boolean admin() {
		return this.roles.contains(HearthRole.ADMIN);
	}

	private static String nonBlank(String text) {
		return (text != null) ? text : "";
	}

}
