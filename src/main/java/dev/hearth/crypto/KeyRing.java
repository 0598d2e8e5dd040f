package dev.hearth.crypto;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data keys Hearth can read with, and the one it seals with. Each AES key also gives
 * a separate HMAC key for search tokens (HMAC-SHA256 of a fixed label under the data
 * key), so rotating the data key rotates the token key too. Immutable and thread-safe.
 */
final class KeyRing {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

	static final String DEV_KEY_FILE = "dev-encryption.keys";

	private static final byte[] TOKEN_LABEL = "hearth search tokens v1".getBytes(StandardCharsets.US_ASCII);

	private final Map<String, SecretKey> keys;

	private final Map<String, SecretKey> tokenKeys;

	private final String active;

	private final String origin;

	KeyRing(Map<String, String> encoded, String active, String origin) {
		if (encoded.isEmpty()) {
			throw new EncryptionKeyException("No encryption key is configured (" + origin + ")");
		}
		Map<String, SecretKey> keys = new TreeMap<>();
		Map<String, SecretKey> tokenKeys = new TreeMap<>();
		encoded.forEach((id, value) -> {
			if (!KEY_ID.matcher(id).matches()) {
				throw new EncryptionKeyException("Encryption key id '" + id
						+ "' is not valid: use 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit");
			}
			byte[] raw;
			try {
				raw = Base64.getDecoder().decode(value.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new EncryptionKeyException("Encryption key '" + id + "' (" + origin
						+ ") is not Base64; make one with: openssl rand -base64 32");
			}
			if (raw.length != 32) {
				throw new EncryptionKeyException("Encryption key '" + id + "' (" + origin + ") has " + raw.length
						+ " bytes; AES-256 needs 32: make one with: openssl rand -base64 32");
			}
			keys.put(id, new SecretKeySpec(raw, "AES"));
			tokenKeys.put(id, new SecretKeySpec(hmac(raw, TOKEN_LABEL), "HmacSHA256"));
		});
		if (active == null) {
			if (keys.size() != 1) {
				throw new EncryptionKeyException("Several encryption keys are configured " + keys.keySet() + " ("
						+ origin + "): set hearth.crypto.active-key to the one new values are sealed with");
			}
			active = keys.keySet().iterator().next();
		}
		if (!keys.containsKey(active)) {
			throw new EncryptionKeyException("hearth.crypto.active-key is '" + active + "' but the configured keys are "
					+ keys.keySet() + " (" + origin + ")");
		}
		this.keys = java.util.Collections.unmodifiableSortedMap((TreeMap<String, SecretKey>) keys);
		this.tokenKeys = Map.copyOf(tokenKeys);
		this.active = active;
		this.origin = origin;
	}

	/**
	 * Loads the keys: {@code hearth.crypto.keys} and the key file together; with neither,
	 * a development key under {@code dataDir} unless {@code production}.
	 * @throws IllegalStateException with what to configure, when no usable key is found
	 */
	static KeyRing load(CryptoProperties properties, Path dataDir, boolean production) {
		Map<String, String> encoded = new LinkedHashMap<>(properties.keys());
		String active = properties.activeKey();
		String origin = "hearth.crypto.keys";
		if (properties.keyFile() != null) {
			Properties file = read(properties.keyFile());
			for (String name : file.stringPropertyNames()) {
				if (name.equals("active-key")) {
					active = (active != null) ? active : file.getProperty(name).strip();
				}
				else if (encoded.putIfAbsent(name, file.getProperty(name)) != null) {
					throw new EncryptionKeyException("Encryption key '" + name + "' is configured twice: in "
							+ "hearth.crypto.keys and in " + properties.keyFile());
				}
			}
			origin = "hearth.crypto.keys and " + properties.keyFile();
		}
		if (!encoded.isEmpty()) {
			return new KeyRing(encoded, active, origin);
		}
		if (production) {
			throw new EncryptionKeyException("No encryption key is configured and the 'prod' profile is active: set "
					+ "hearth.crypto.key-file to a mounted secret of 'id=<32 bytes in Base64>' lines (or "
					+ "hearth.crypto.keys.<id>); make a key with: openssl rand -base64 32");
		}
		Path file = dataDir.resolve(DEV_KEY_FILE);
		if (!Files.exists(file)) {
			create(file);
		}
		log.warn("ENCRYPTION AT REST USES A DEVELOPMENT KEY from {}: it sits next to the data it protects. Configure "
				+ "hearth.crypto.key-file (a mounted secret) or hearth.crypto.keys before real customers write.", file);
		Properties dev = read(file);
		Map<String, String> devKeys = new LinkedHashMap<>();
		dev.stringPropertyNames().forEach((name) -> devKeys.put(name, dev.getProperty(name)));
		return new KeyRing(devKeys, null, file.toString());
	}

	private static void create(Path file) {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, "# Development key generated by Hearth: do not use in production\ndev-1="
					+ Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's permissions apply
			}
		}
		catch (IOException ex) {
			throw new EncryptionKeyException("Cannot create the development encryption key " + file + ": " + ex);
		}
	}

	private static Properties read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new EncryptionKeyException(
					"Cannot read the encryption key file " + file + " (hearth.crypto.key-file): " + ex.getMessage());
		}
		return properties;
	}

	static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JDK", ex);
		}
	}

	String active() {
		return this.active;
	}

	Set<String> ids() {
		return this.keys.keySet();
	}

	/**
	 * @throws UnknownKeyException if the key is not configured
	 */
	SecretKey key(String id) {
		SecretKey key = this.keys.get(id);
		if (key == null) {
			throw new UnknownKeyException(id, this.keys.keySet());
		}
		return key;
	}

	SecretKey tokenKey(String id) {
		SecretKey key = this.tokenKeys.get(id);
		if (key == null) {
			throw new UnknownKeyException(id, this.keys.keySet());
		}
		return key;
	}

	String origin() {
		return this.origin;
	}

}
