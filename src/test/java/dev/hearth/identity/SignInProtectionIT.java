package dev.hearth.identity;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Brute-force protection for local console accounts (issue 13: 40 wrong passwords, then
 * the right one signed in): the account is locked after five failures, even for the right
 * password, an address after twenty failures across accounts, and every sign-in, failure
 * and lock is in the audit trail.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SignInProtectionIT {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	LocalAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		this.accounts.save("brute-target", "Bea", "Target", HearthRole.AGENT, PASSWORD);
		this.accounts.save("brute-other", "Otto", "Other", HearthRole.AGENT, PASSWORD);
	}

	@Test
	void anAccountIsLockedAfterFiveWrongPasswordsEvenForTheRightOne() throws Exception {
		this.mvc.perform(signIn("brute-other", PASSWORD, "10.1.0.1")).andExpect(authenticated());
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(signIn("brute-target", "wrong password " + i, "10.1.0." + (10 + i)))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/console/login?error"));
		}
		this.mvc.perform(signIn("brute-target", "wrong password 5", "10.1.0.20"))
			.andExpect(redirectedUrl("/console/login?locked=15"));
		this.mvc.perform(signIn("brute-target", PASSWORD, "10.1.0.21"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/console/login?locked=15"));
		this.mvc.perform(signIn("brute-other", PASSWORD, "10.1.0.21")).andExpect(authenticated());
		this.mvc.perform(get("/console/login").param("locked", "15"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Try again in 15 minutes")));

		assertThat(kinds("brute-target")).contains("SIGN_IN_FAILED", "SIGN_IN_LOCKED").doesNotContain("SIGN_IN");
		assertThat(kinds("brute-other")).contains("SIGN_IN");
		assertThat(this.jdbc.sql("select details::text from audit_event where actor = 'brute-target'")
			.query(String.class)
			.list()).allSatisfy((details) -> assertThat(details).contains("10.1.0.").doesNotContain("wrong password"));
	}

	@Test
	void anAddressIsLockedAfterTwentyFailuresAcrossAccounts() throws Exception {
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(signIn("spray-" + i, "Winter2026!", "10.2.0.1")).andExpect(unauthenticated());
		}
		this.mvc.perform(signIn("brute-other", PASSWORD, "10.2.0.1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/console/login?locked=15"));
		this.mvc.perform(signIn("brute-other", PASSWORD, "10.2.0.2")).andExpect(authenticated());
	}

	private List<String> kinds(String actor) {
		return this.jdbc.sql("select kind from audit_event where actor = ?").param(actor).query(String.class).list();
	}

	private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
		return post("/console/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

}
