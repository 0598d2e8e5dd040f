package dev.hearth.identity;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.hearth.system.SharedBuckets;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

	@Autowired
	DataSource dataSource;

	@Autowired
	SignInProperties properties;

	@BeforeEach
	void accounts() {
		// the counts are shared through the database: start from none (earlier runs)
		this.jdbc.sql("delete from rate_limit_bucket where id like 'sign-in:%'").update();
		this.accounts.save("brute-target", "Bea", "Target", HearthRole.AGENT, PASSWORD);
		this.accounts.save("brute-other", "Otto", "Other", HearthRole.AGENT, PASSWORD);
		this.accounts.save("replica-target", "Rea", "Target", HearthRole.AGENT, PASSWORD);
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

	/**
	 * Two replicas (two throttles on the shared table, besides this application's own):
	 * failures on either count against one account and one address, the lock holds on
	 * every replica, and an admin's unlock lifts it everywhere, audited.
	 */
	@Test
	void failuresOnEveryReplicaCountAgainstOneSharedLockAndAnAdminCanLiftIt() throws Exception {
		assertThat(this.properties.shared()).as("shared by default").isTrue();
		SignInThrottle first = new SignInThrottle(this.properties, TimeMeter.SYSTEM_MILLISECONDS,
				new SharedBuckets(this.dataSource));
		SignInThrottle second = new SignInThrottle(this.properties, TimeMeter.SYSTEM_MILLISECONDS,
				new SharedBuckets(this.dataSource));
		for (int i = 0; i < 2; i++) {
			assertThat(first.failed("replica-target", "10.3.0." + i)).isEmpty();
			assertThat(second.failed("Replica-Target", "10.3.1." + i)).isEmpty();
		}
		assertThat(first.lockedFor("replica-target", null)).isEmpty();
		assertThat(second.failed("replica-target", "10.3.1.9"))
			.as("the fifth failure, 2 + 3 on two replicas, locks the account")
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15)));
		assertThat(first.lockedFor("replica-target", null)).isPresent();
		assertThat(
				this.jdbc.sql("select count(*) from rate_limit_bucket where id like 'sign-in:account:replica-target/%'")
					.query(Long.class)
					.single())
			.as("one shared row")
			.isEqualTo(1);
		this.mvc.perform(signIn("replica-target", PASSWORD, "10.3.2.1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/console/login?locked=15"));

		HearthHttp.token(this.jdbc, "locks-admin", "locks-admin-token", "ADMIN");
		HearthHttp.token(this.jdbc, "locks-agent", "locks-agent-token", "AGENT");
		this.mvc
			.perform(get("/api/admin/sign-in-locks").param("account", "replica-target")
				.header("Authorization", "Bearer locks-admin-token"))
			.andExpect(content().string(containsString("\"locked\":true")));
		this.mvc.perform(get("/api/admin/sign-in-locks").header("Authorization", "Bearer locks-admin-token"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("name an account")));
		this.mvc
			.perform(delete("/api/admin/sign-in-locks").param("account", "replica-target")
				.header("Authorization", "Bearer locks-agent-token"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(delete("/api/admin/sign-in-locks").param("account", "replica-target")
				.header("Authorization", "Bearer locks-admin-token"))
			.andExpect(status().isOk());
		assertThat(second.lockedFor("replica-target", null)).as("lifted for every replica").isEmpty();
		this.mvc.perform(signIn("replica-target", PASSWORD, "10.3.2.1")).andExpect(authenticated());
		assertThat(this.jdbc.sql("""
				select details::text from audit_event where kind = 'SIGN_IN_UNLOCKED' and actor = 'locks-admin'
				order by id desc limit 1
				""").query(String.class).single()).contains("replica-target", "\"wasLocked\": true");
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
