package dev.hearth.crypto;

/** The encryption keys are missing or wrong: Hearth does not start. */
class EncryptionKeyException extends IllegalStateException {

	EncryptionKeyException(String message) {
		super(message);
	}

}
