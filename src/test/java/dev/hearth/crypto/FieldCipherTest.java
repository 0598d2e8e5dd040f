package dev.hearth.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-GCM sealing, key loading and the start-up checks of encryption at rest. */
class FieldCipherTest {

	static final String K1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	static final String K2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

	private static FieldCipher cipher(String active) {
		return new FieldCipher(new KeyRing(Map.of("k1", K1, "k2", K2), active, "test"));
	}

	@Test
	void sealsWithAFreshNonceAndOpensWithTheSameContext() {
		FieldCipher cipher = cipher("k1");
		String a = cipher.seal("k1", "My card is 4242 4242 4242 4242", "t.text/1");
		String b = cipher.seal("k1", "My card is 4242 4242 4242 4242", "t.text/1");
		assertThat(a).isNotEqualTo(b).doesNotContain("4242");
		assertThat(Base64.getDecoder().decode(a)).hasSize(12 + "My card is 4242 4242 4242 4242".length() + 16);
		assertThat(cipher.open("k1", a, "t.text/1")).isEqualTo("My card is 4242 4242 4242 4242");
		assertThat(cipher.open("k1", b, "t.text/1")).isEqualTo("My card is 4242 4242 4242 4242");
		assertThat(cipher.seal("k1", null, "t.text/1")).isNull();
	}

	@Test
	void aValueMovedToAnotherRowOrAlteredDoesNotOpen() {
		FieldCipher cipher = cipher("k1");
		String sealed = cipher.seal("k1", "hello", "t.text/1");
		assertThatThrownBy(() -> cipher.open("k1", sealed, "t.text/2")).hasMessage(
				"The sealed value of t.text/2 does not open with key 'k1': it was altered or belongs to another row");
		byte[] bytes = Base64.getDecoder().decode(sealed);
		bytes[bytes.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.open("k1", Base64.getEncoder().encodeToString(bytes), "t.text/1"))
			.hasMessageContaining("does not open");
		assertThatThrownBy(() -> cipher.open("k2", sealed, "t.text/1")).hasMessageContaining("does not open");
	}

	@Test
	void plaintextRowsFromBeforeEncryptionAreReadAsTheyAre() {
		assertThat(cipher("k1").open(null, "written before encryption", "t.text/1"))
			.isEqualTo("written before encryption");
		assertThat(cipher("k1").openBytes(null, new byte[] { 1, 2 }, "t.e/1")).containsExactly(1, 2);
	}

	@Test
	void anUnknownKeySaysWhatToConfigure() {
		assertThatThrownBy(() -> cipher("k1").open("k0", "AAAA", "t.text/1")).isInstanceOf(UnknownKeyException.class)
			.hasMessageContaining("sealed with encryption key 'k0', which is not configured (configured: [k1, k2])");
	}

	@Test
	void tokensAreKeyedAndDeterministic() {
		FieldCipher cipher = cipher("k1");
		assertThat(cipher.token("k1", "refund")).isEqualTo(cipher.token("k1", "refund"))
			.isNotEqualTo(cipher.token("k2", "refund"))
			.isNotEqualTo(cipher.token("k1", "refunds"));
	}

	@Test
	void keysAreCheckedAtStartUp() {
		assertThatThrownBy(() -> new KeyRing(Map.of("k1", K1, "k2", K2), null, "test"))
			.hasMessageContaining("set hearth.crypto.active-key");
		assertThatThrownBy(() -> new KeyRing(Map.of("k1", K1), "k9", "test"))
			.hasMessageContaining("hearth.crypto.active-key is 'k9' but the configured keys are [k1]");
		assertThatThrownBy(() -> new KeyRing(Map.of("k1", "c2hvcnQ="), null, "test"))
			.hasMessageContaining("has 5 bytes; AES-256 needs 32");
		assertThatThrownBy(() -> new KeyRing(Map.of("k1", "not base64!"), null, "test"))
			.hasMessageContaining("is not Base64");
		assertThatThrownBy(() -> new KeyRing(Map.of("bad id", K1), null, "test")).hasMessageContaining("is not valid");
	}

	@Test
	void productionWithoutAKeyRefusesToStart(@TempDir Path dir) {
		CryptoProperties none = properties(null, Map.of(), null);
		assertThatThrownBy(() -> KeyRing.load(none, dir, true))
			.hasMessageContaining("No encryption key is configured and the 'prod' profile is active")
			.hasMessageContaining("hearth.crypto.key-file");
		assertThat(dir.resolve(KeyRing.DEV_KEY_FILE)).doesNotExist();
	}

	@Test
	void theDevelopmentKeyIsGeneratedOnceUnderTheDataFolder(@TempDir Path dir) throws Exception {
		CryptoProperties none = properties(null, Map.of(), null);
		KeyRing first = KeyRing.load(none, dir, false);
		String file = Files.readString(dir.resolve(KeyRing.DEV_KEY_FILE));
		KeyRing again = KeyRing.load(none, dir, false);
		assertThat(first.active()).isEqualTo("dev-1").isEqualTo(again.active());
		assertThat(Files.readString(dir.resolve(KeyRing.DEV_KEY_FILE))).isEqualTo(file);
		String sealed = new FieldCipher(first).seal("dev-1", "x", "c");
		assertThat(new FieldCipher(again).open("dev-1", sealed, "c")).isEqualTo("x");
	}

	@Test
	void aMountedKeyFileNamesKeysAndTheActiveOne(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("keys");
		Files.writeString(file, "# rotated 2026-12\nk1=" + K1 + "\nk2=" + K2 + "\nactive-key=k2\n");
		KeyRing ring = KeyRing.load(properties(null, Map.of(), file), dir, true);
		assertThat(ring.active()).isEqualTo("k2");
		assertThat(ring.ids()).containsExactlyInAnyOrder("k1", "k2");
		assertThat(KeyRing.load(properties("k1", Map.of(), file), dir, true).active()).as("configuration wins")
			.isEqualTo("k1");
		assertThatThrownBy(() -> KeyRing.load(properties(null, Map.of(), dir.resolve("missing")), dir, true))
			.hasMessageContaining("Cannot read the encryption key file");
	}

	@Test
	void aStartWithoutUsableKeysIsReportedWithoutAStackTrace() {
		var analysis = new KeyFailureAnalyzer()
			.analyze(new RuntimeException("wrapped", new EncryptionKeyException("No encryption key is configured")));
		assertThat(analysis.getDescription()).isEqualTo("No encryption key is configured");
		assertThat(analysis.getAction()).contains("hearth.crypto");
		assertThat(new KeyFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

	private static CryptoProperties properties(String active, Map<String, String> keys, Path file) {
		return new CryptoProperties(active, keys, file,
				new CryptoProperties.Rotation(true, 500, 40, java.time.Duration.ofSeconds(30)));
	}

}
