package dev.hearth.conversation;

import org.springframework.stereotype.Component;

import dev.hearth.crypto.FieldCipher;

/**
 * How {@code conversation.summary} and {@code conversation.draft} are sealed: the JSON of
 * each is sealed with the key in {@code conversation.enc_key}, bound to column and
 * conversation, and stored as a JSON string; read them as {@code summary #>> '{}'}, which
 * gives the sealed text or, for a row from before encryption, the JSON itself.
 * Thread-safe.
 */
@Component
class SummarySeal {

	private final FieldCipher cipher;

	SummarySeal(FieldCipher cipher) {
		this.cipher = cipher;
	}

	String activeKey() {
		return this.cipher.activeKey();
	}

	String seal(String keyId, String column, java.util.UUID conversation, String json) {
		return this.cipher.seal(keyId, json, "conversation." + column + "/" + conversation);
	}

	String open(String keyId, String column, java.util.UUID conversation, String stored) {
		return this.cipher.open(keyId, stored, "conversation." + column + "/" + conversation);
	}

}
