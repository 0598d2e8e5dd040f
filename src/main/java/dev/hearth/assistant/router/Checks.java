package dev.hearth.assistant.router;

/**
 * Argument checks shared by the types of this package. Every message names the argument,
 * so a caller can tell which input was wrong; tests assert the exact wording.
 */
final class Checks {

	private Checks() {
	}

	static <T> T requireNonNull(T value, String name) {
		if (value == null) {
			throw new NullPointerException(name + " must not be null");
		}
		return value;
	}

	static String requireNonBlank(String value, String name) {
		requireNonNull(value, name);
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	static float[] requireVector(float[] vector, String name) {
		requireNonNull(vector, name);
		if (vector.length == 0) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
		for (float value : vector) {
			if (!Float.isFinite(value)) {
				throw new IllegalArgumentException(name + " must contain only finite numbers");
			}
		}
		return vector;
	}

}
