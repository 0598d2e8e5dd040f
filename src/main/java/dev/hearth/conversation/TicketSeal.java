package dev.hearth.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.hearth.crypto.FieldCipher;

/**
 * How {@code support_ticket} is sealed: {@code email} and {@code name} with the key in
 * {@code enc_key}, bound to column and ticket id; {@code email_token} is the keyed hash
 * of the lower-cased address, so a data subject request finds a customer's tickets by
 * email without storing the address in clear. Thread-safe.
 */
@Component
class TicketSeal {

	private final FieldCipher cipher;

	TicketSeal(FieldCipher cipher) {
		this.cipher = cipher;
	}

	String activeKey() {
		return this.cipher.activeKey();
	}

	String seal(String keyId, String column, long id, String value) {
		return this.cipher.seal(keyId, value, "support_ticket." + column + "/" + id);
	}

	String open(String keyId, String column, long id, String stored) {
		return this.cipher.open(keyId, stored, "support_ticket." + column + "/" + id);
	}

	long emailToken(String keyId, String email) {
		return this.cipher.token(keyId, "email:" + normalised(email));
	}

	/** The address's token under every key this replica holds, for a lookup. */
	long[] emailTokens(String email) {
		List<Long> tokens = new ArrayList<>();
		this.cipher.keyIds().forEach((key) -> tokens.add(emailToken(key, email)));
		return tokens.stream().mapToLong(Long::longValue).toArray();
	}

	static String normalised(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
