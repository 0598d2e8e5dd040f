package dev.hearth.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens column values with AES-256-GCM (JDK {@code javax.crypto}). A sealed
 * value is a fresh random 96-bit nonce followed by the ciphertext and its 128-bit tag;
 * text columns hold it in Base64. The row stores the key's id beside it (a column
 * {@code enc_key}, {@code null} for a row written before encryption, whose values are
 * plaintext). The associated data is the value's {@code context}, such as
 * {@code conversation_message.text/<conversation>/<seq>}: a ciphertext moved to another
 * row or column fails to open. Thread-safe.
 */
public final class FieldCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final KeyRing keys;

	private final SecureRandom random = new SecureRandom();

	FieldCipher(KeyRing keys) {
		this.keys = keys;
	}

	/** The id of the key new values are sealed with. */
	public String activeKey() {
		return this.keys.active();
	}

	/** The ids of the keys this replica can open values with. */
	public Set<String> keyIds() {
		return this.keys.ids();
	}

	/** Seals a text with the key {@code keyId}; {@code null} stays {@code null}. */
	public String seal(String keyId, String plaintext, String context) {
		if (plaintext == null) {
			return null;
		}
		return Base64.getEncoder()
			.encodeToString(sealBytes(keyId, plaintext.getBytes(StandardCharsets.UTF_8), context));
	}

	/**
	 * Opens a text sealed with {@code keyId}; with {@code keyId} {@code null} the value
	 * was stored before encryption and is returned as it is.
	 * @throws UnknownKeyException if the key is not configured
	 * @throws IllegalStateException if the value does not open (altered, or not this
	 * row's)
	 */
	public String open(String keyId, String stored, String context) {
		if (keyId == null || stored == null) {
			return stored;
		}
		byte[] sealed;
		try {
			sealed = Base64.getDecoder().decode(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The sealed value of " + context + " is not Base64: it was altered");
		}
		return new String(openBytes(keyId, sealed, context), StandardCharsets.UTF_8);
	}

	/** Seals bytes: nonce, ciphertext, tag. */
	public byte[] sealBytes(String keyId, byte[] plaintext, String context) {
		if (plaintext == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM failed to seal " + context + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Opens bytes sealed by {@link #sealBytes}; {@code keyId} {@code null}: plaintext.
	 */
	public byte[] openBytes(String keyId, byte[] sealed, String context) {
		if (keyId == null || sealed == null) {
			return sealed;
		}
		javax.crypto.SecretKey key = this.keys.key(keyId);
		if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new IllegalStateException("The sealed value of " + context + " is too short: it was altered");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.keys.key(keyId),
					new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new IllegalStateException("The sealed value of " + context + " does not open with key '" + keyId
					+ "': it was altered or belongs to another row");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM failed to open " + context + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A keyed hash of a normalised word or value under the token key of {@code keyId}:
	 * the first 8 bytes of HMAC-SHA256. Equal inputs give equal tokens under one key;
	 * without the key a token says nothing about its word beyond equality.
	 */
	public long token(String keyId, String normalised) {
		return tokens(keyId, java.util.List.of(normalised))[0];
	}

	/** The {@link #token tokens} of several words under one key, in their order. */
	public long[] tokens(String keyId, java.util.Collection<String> normalised) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.keys.tokenKey(keyId));
			long[] tokens = new long[normalised.size()];
			int i = 0;
			for (String word : normalised) {
				tokens[i++] = ByteBuffer.wrap(mac.doFinal(word.getBytes(StandardCharsets.UTF_8))).getLong();
			}
			return tokens;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 failed: " + ex.getMessage(), ex);
		}
	}

}
