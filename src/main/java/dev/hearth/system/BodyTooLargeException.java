package dev.hearth.system;

import java.io.IOException;

/** A request body went past its limit while it was read (answered with 413). */
final class BodyTooLargeException extends IOException {

	BodyTooLargeException(String message) {
		super(message);
	}

}
