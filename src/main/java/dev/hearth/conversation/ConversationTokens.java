package dev.hearth.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.hearth.system.SystemProperties;

/**
 * Signs and checks conversation tokens:
 * {@code base64url(conversation id, expiry) "." base64url(HMAC-SHA256)}. A token proves
 * its holder started that conversation; nothing else identifies an anonymous customer.
 * Thread-safe.
 */
@Component
class ConversationTokens {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final byte[] key;

	private final ConversationProperties properties;

	private final Clock clock;

	@Autowired
	ConversationTokens(ConversationProperties properties, SystemProperties system) {
		this(properties, secret(properties, system.dataDir()), Clock.systemUTC());
	}

	ConversationTokens(ConversationProperties properties, byte[] key, Clock clock) {
		this.properties = properties;
		this.key = key;
		this.clock = clock;
	}

	/**
	 * @param token the signed token
	 * @param expiresAt when it stops being valid
	 */
	record Issued(String token, Instant expiresAt) {
	}

	Issued issue(UUID conversationId) {
		Instant expires = this.clock.instant().plus(this.properties.tokenTtl());
		ByteBuffer payload = ByteBuffer.allocate(24);
		payload.putLong(conversationId.getMostSignificantBits())
			.putLong(conversationId.getLeastSignificantBits())
			.putLong(expires.getEpochSecond());
		byte[] body = payload.array();
		return new Issued(ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(mac(body)), expires);
	}

	/** The conversation the token is valid for, if it is genuine and not expired. */
	Optional<UUID> verify(String token) {
		return read(token, false);
	}

	/**
	 * The conversation a genuine token was issued for, even if it has expired (a data
	 * subject request names a customer by an old token).
	 */
	Optional<UUID> issuedFor(String token) {
		return read(token, true);
	}

	private Optional<UUID> read(String token, boolean expiredToo) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			byte[] body = DECODER.decode(token.substring(0, dot));
			byte[] signature = DECODER.decode(token.substring(dot + 1));
			if (body.length != 24 || !MessageDigest.isEqual(mac(body), signature)) {
				return Optional.empty();
			}
			ByteBuffer payload = ByteBuffer.wrap(body);
			UUID id = new UUID(payload.getLong(), payload.getLong());
			if (!expiredToo && Instant.ofEpochSecond(payload.getLong()).isBefore(this.clock.instant())) {
				return Optional.empty();
			}
			return Optional.of(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] secret(ConversationProperties properties, Path dataDir) {
		if (StringUtils.hasText(properties.tokenSecret())) {
			return properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
		}
		Path file = dataDir.resolve("conversation-secret");
		try {
			if (Files.isReadable(file)) {
				return DECODER.decode(Files.readString(file).strip());
			}
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			Files.createDirectories(dataDir);
			Files.writeString(file, ENCODER.encodeToString(secret) + "\n");
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the conversation token secret in " + file, ex);
		}
	}

}
