package dev.hearth.crypto;

import java.util.Set;

/** A value was sealed with a key this replica does not have. */
public class UnknownKeyException extends IllegalStateException {

	UnknownKeyException(String id, Set<String> known) {
		super("A stored value is sealed with encryption key '" + id + "', which is not configured (configured: " + known
				+ "). Keep every key that rows still use in hearth.crypto.keys or the key file until the "
				+ "key rotation reports none left.");
	}

}
