package dev.hearth.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Role checks on the service APIs with mocked Keycloak access tokens: the realm roles in
 * {@code realm_access.roles} become Hearth's roles exactly as for a real token, and each
 * API lets in only its audience.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiRolesIT {

	@Autowired
	MockMvc mvc;

	private static JwtRequestPostProcessor keycloakToken(String... realmRoles) {
		Map<String, Object> realmAccess = Map.of("roles", List.of(realmRoles));
		return jwt().jwt((token) -> token.subject("user-1").claim("realm_access", realmAccess))
			.authorities(HearthRole.fromKeycloakClaims(Map.of("realm_access", realmAccess)));
	}

	@Test
	void anAgentTokenReachesTheAgentApiButNotTheAdminApi() throws Exception {
		this.mvc.perform(get("/api/agent/conversations").with(keycloakToken("AGENT"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/admin/status").with(keycloakToken("AGENT"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/admin/escalation/policy").with(keycloakToken("AGENT", "offline_access")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdminTokenReachesBothAndSupervisorsTheAgentApi() throws Exception {
		this.mvc.perform(get("/api/admin/status").with(keycloakToken("ADMIN"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/agent/conversations").with(keycloakToken("admin"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/agent/conversations").with(keycloakToken("SUPERVISOR"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/admin/status").with(keycloakToken("SUPERVISOR"))).andExpect(status().isForbidden());
	}

	@Test
	void aTokenWithoutHearthRolesReachesNeither() throws Exception {
		this.mvc.perform(get("/api/agent/conversations").with(keycloakToken("offline_access", "uma_authorization")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/admin/status").with(keycloakToken())).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/admin/status")).andExpect(status().isUnauthorized());
	}

}
