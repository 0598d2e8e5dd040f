package dev.hearth.identity;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Console accounts kept in PostgreSQL, for installations without Keycloak: bcrypt
 * password hashes, one {@link HearthRole} each. Thread-safe.
 */
@Service
public class LocalAccounts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder = new BCryptPasswordEncoder();

	LocalAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A console account.
	 *
	 * @param username how they sign in, lower case
	 * @param firstName first name
	 * @param lastName last name
	 * @param role their role
	 * @param enabled whether they may sign in
	 */
	public record Account(String username, String firstName, String lastName, HearthRole role, boolean enabled) {

		public String displayName() {
			return (this.firstName + " " + this.lastName).strip();
		}

	}

	/**
	 * Creates an account, or replaces the password, names and role of an existing one.
	 * @throws IllegalArgumentException for a username other than 2 to 63 lower-case
	 * letters, digits, dots, dashes or underscores, a password shorter than 12
	 * characters, or missing names
	 */
	public Account save(String username, String firstName, String lastName, HearthRole role, String password) {
		if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,62}")) {
			throw new IllegalArgumentException("username must be 2 to 63 lower-case letters, digits, '.', '-' or '_', "
					+ "starting with a letter or digit; got '" + username + "'");
		}
		if (password == null || password.length() < 12) {
			throw new IllegalArgumentException("the password of " + username + " must have at least 12 characters");
		}
		if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
			throw new IllegalArgumentException("an account needs a first and a last name (customers see them)");
		}
		if (role == null) {
			throw new IllegalArgumentException("an account needs a role: AGENT, SUPERVISOR or ADMIN");
		}
		this.jdbc.sql("""
				insert into local_account (username, password_hash, first_name, last_name, role) values (?, ?, ?, ?, ?)
				on conflict (username) do update set password_hash = excluded.password_hash,
				    first_name = excluded.first_name, last_name = excluded.last_name, role = excluded.role,
				    disabled_at = null
				""")
			.param(username)
			.param(this.encoder.encode(password))
			.param(firstName.strip())
			.param(lastName.strip())
			.param(role.name())
			.update();
		return new Account(username, firstName.strip(), lastName.strip(), role, true);
	}

	public Optional<Account> find(String username) {
		return this.jdbc
			.sql("select username, first_name, last_name, role, disabled_at is null as enabled "
					+ "from local_account where username = ?")
			.param(username)
			.query((rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
					HearthRole.valueOf(rs.getString(4)), rs.getBoolean(5)))
			.optional();
	}

	/** Every enabled account, by username. */
	public List<Account> list() {
		return this.jdbc
			.sql("select username, first_name, last_name, role, true from local_account "
					+ "where disabled_at is null order by username")
			.query((rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
					HearthRole.valueOf(rs.getString(4)), rs.getBoolean(5)))
			.list();
	}

	public boolean any() {
		return this.jdbc.sql("select count(*) from local_account").query(Long.class).single() > 0;
	}

	/** A random password of 20 letters and digits (no look-alikes). */
	public static String generatePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	UserDetails loadUser(String username) {
		String lower = (username != null) ? username.strip().toLowerCase(java.util.Locale.ROOT) : "";
		return this.jdbc
			.sql("select username, first_name, last_name, role, disabled_at is null as enabled, "
					+ "password_hash from local_account where username = ?")
			.param(lower)
			.query((rs,
					row) -> new LocalUser(new Account(rs.getString(1), rs.getString(2), rs.getString(3),
							HearthRole.valueOf(rs.getString(4)), rs.getBoolean(5)), rs.getString(6)))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no local account " + lower));
	}

	PasswordEncoder encoder() {
		return this.encoder;
	}

}
