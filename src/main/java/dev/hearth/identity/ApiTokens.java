package dev.hearth.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The API tokens Hearth accepts. Only SHA-256 hashes are stored; a plaintext token exists
 * only when it is created. A token's last use is recorded to the minute: a client that
 * sends many requests (the CLI imports a file per request) does not write the token's row
 * on each. Thread-safe.
 */
@Component
class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How stale a token's recorded last use may be. */
	static final Duration USE_RECORDED_WITHIN = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	/** When this replica last recorded each token holder's use. */
	private final ConcurrentMap<String, Instant> recorded = new ConcurrentHashMap<>();

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The role of the active token with this plaintext, if any; records its use (unless
	 * this replica recorded it less than {@link #USE_RECORDED_WITHIN} ago).
	 */
	Optional<TokenHolder> authenticate(String token) {
		Optional<TokenHolder> holder = this.jdbc
			.sql("select name, role from api_token where token_sha256 = ? and revoked_at is null")
			.param(sha256(token))
			.query((rs, row) -> new TokenHolder(rs.getString("name"), rs.getString("role")))
			.optional();
		holder.ifPresent(this::recordUse);
		return holder;
	}

	private void recordUse(TokenHolder holder) {
		Instant now = Instant.now();
		Instant last = this.recorded.get(holder.name());
		if (last != null && last.isAfter(now.minus(USE_RECORDED_WITHIN))) {
			return;
		}
		this.recorded.put(holder.name(), now);
		this.jdbc.sql("update api_token set last_used_at = ? where name = ?")
			.param(java.sql.Timestamp.from(now))
			.param(holder.name())
			.update();
	}

	boolean anyActive() {
		return this.jdbc.sql("select count(*) from api_token where revoked_at is null").query(Long.class).single() > 0;
	}

	/** Creates a token with a new random secret and returns the plaintext. */
	String create(String name, String role) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "hearth_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		register(name, role, token);
		return token;
	}

	/**
	 * Accepts the given plaintext token under this name (replacing the name's previous
	 * token).
	 */
	void register(String name, String role, String token) {
		this.jdbc.sql("""
				insert into api_token (id, name, token_sha256, role) values (?, ?, ?, ?)
				on conflict (name) do update set token_sha256 = excluded.token_sha256, role = excluded.role,
				    revoked_at = null
				""").param(UUID.randomUUID()).param(name).param(sha256(token)).param(role).update();
	}

	static String sha256(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	record TokenHolder(String name, String role) {
	}

}
