package dev.hearth.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak realm roles map to Hearth roles by name; anything else grants nothing. */
class HearthRoleTest {

	@Test
	void realmRolesMapByNameIgnoringCase() {
		var authorities = HearthRole.fromKeycloakClaims(
				Map.of("realm_access", Map.of("roles", List.of("agent", "SUPERVISOR", "offline_access", "uma"))));
		assertThat(authorities).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_AGENT", "ROLE_SUPERVISOR");
	}

	@Test
	void missingOrMalformedClaimsGrantNothing() {
		assertThat(HearthRole.fromKeycloakClaims(Map.of())).isEmpty();
		assertThat(HearthRole.fromKeycloakClaims(null)).isEmpty();
		assertThat(HearthRole.fromKeycloakClaims(Map.of("realm_access", "ADMIN"))).isEmpty();
		assertThat(HearthRole.fromKeycloakClaims(Map.of("roles", List.of("ADMIN")))).isEmpty();
	}

}
