package dev.hearth.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * The agents a conversation can be transferred or assigned to: enabled local console
 * accounts, agent API tokens (role AGENT or SUPERVISOR, not revoked; ADMIN tokens are
 * service accounts such as the CLI's) and the people who signed in to the console through
 * Keycloak (recorded by {@link #seen}; Hearth cannot list a realm's users without an
 * admin client, so someone who never signed in is not offered yet). Thread-safe.
 */
@Service
public class Agents {

	/** Every known agent with a display name, possibly more than once. */
	private static final String SOURCES = """
			select username, trim(first_name || ' ' || last_name) as display_name from local_account
			where disabled_at is null
			union all
			select name, name from api_token where role in ('AGENT', 'SUPERVISOR') and revoked_at is null
			union all
			select username, display_name from keycloak_agent
			""";

	private final JdbcClient jdbc;

	/** Keycloak people recorded since this start, with the display name recorded. */
	private final Map<String, String> recorded = new ConcurrentHashMap<>();

	Agents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An agent.
	 *
	 * @param username the name assignments are recorded under
	 * @param displayName the name colleagues see
	 */
	public record Agent(String username, String displayName) {
	}

	/** Every known agent, by display name. */
	public List<Agent> all() {
		return this.jdbc
			.sql("select username, min(display_name) from (" + SOURCES
					+ ") agents group by username order by lower(min(display_name)), username")
			.query((rs, row) -> new Agent(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * The name customers and colleagues see for this username, if the agent is known and
	 * has one (never the username of a local account whose name is set).
	 */
	public java.util.Optional<String> displayName(String username) {
		if (username == null || username.isBlank()) {
			return java.util.Optional.empty();
		}
		return this.jdbc
			.sql("select min(display_name) from (" + SOURCES + ") agents where username = ? and display_name <> ''")
			.param(username)
			.query(String.class)
			.optional();
	}

	/** Whether a conversation can go to this username (exact, case-sensitive). */
	public boolean exists(String username) {
		return username != null && !username.isBlank()
				&& this.jdbc.sql("select exists (select 1 from (" + SOURCES + ") agents where username = ?)")
					.param(username)
					.query(Boolean.class)
					.single();
	}

	/**
	 * Records a person signed in through Keycloak with a Hearth role (any other
	 * authentication is ignored); writes only the first time per start of Hearth or when
	 * the display name changed.
	 */
	public void seen(Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser)) {
			return;
		}
		SignedInUser user = SignedInUser.of(authentication);
		if (!user.agent() || user.displayName().equals(this.recorded.get(user.username()))) {
			return;
		}
		this.jdbc.sql("""
				insert into keycloak_agent (username, display_name) values (?, ?)
				on conflict (username) do update set display_name = excluded.display_name, seen_at = now()
				""").param(user.username()).param(user.displayName()).update();
		this.recorded.put(user.username(), user.displayName());
	}

}
