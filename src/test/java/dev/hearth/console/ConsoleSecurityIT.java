package dev.hearth.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.hearth.identity.HearthRole;
import dev.hearth.identity.LocalAccounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's security chain: sign-in with a local account, roles checked on the server
 * for local and Keycloak users alike, CSRF, security headers, and no way in with a
 * customer's token or an API token.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConsoleSecurityIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	LocalAccounts accounts;

	@BeforeEach
	void accounts() {
		this.accounts.save("carla", "Carla", "Agent", HearthRole.AGENT, "correct horse battery");
	}

	@Test
	void signsInWithALocalAccountAndOutAgain() throws Exception {
		this.mvc.perform(formLogin("/console/login").user("carla").password("correct horse battery"))
			.andExpect(authenticated().withUsername("carla").withRoles("AGENT"))
			.andExpect(redirectedUrl("/console"));
		this.mvc.perform(formLogin("/console/login").user("carla").password("wrong password!!"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/console/login?error"));
		this.mvc.perform(post("/console/logout").with(ConsoleUsers.agent("carla")).with(csrf()))
			.andExpect(redirectedUrl("/console/login?logout"));
	}

	@Test
	void theLoginPageIsPublicAndSendsSecurityHeaders() throws Exception {
		this.mvc.perform(get("/console/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void strangersAndCustomerOrApiTokensAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/console/inbox")).andExpect(redirectedUrl("/console/login"));
		this.mvc.perform(get("/console/inbox").header("Authorization", "Bearer some-customer-conversation-token"))
			.andExpect(redirectedUrl("/console/login"));
	}

	@Test
	void rolesAreCheckedOnTheServer() throws Exception {
		this.mvc.perform(get("/console/admin/knowledge").with(ConsoleUsers.agent("carla")))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/console/denied"));
		this.mvc.perform(get("/console/analytics").with(ConsoleUsers.keycloak("kim", HearthRole.AGENT)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/denied").with(ConsoleUsers.keycloak("kim", HearthRole.AGENT)))
			.andExpect(status().isOk());
	}

	@Test
	void formsNeedACsrfToken() throws Exception {
		this.mvc.perform(post("/console/logout").with(ConsoleUsers.agent("carla"))).andExpect(status().isForbidden());
	}

}
