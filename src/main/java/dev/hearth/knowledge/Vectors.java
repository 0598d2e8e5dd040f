package dev.hearth.knowledge;

/**
 * Sentence embeddings as Hearth keeps and compares them: one cosine similarity for every
 * module, and the {@code bytea} encoding (little-endian float32) every table that stores
 * a vector uses. Thread-safe: stateless.
 */
public final class Vectors {

	private Vectors() {
	}

	/**
	 * The cosine similarity of two vectors; 0 if either is missing, empty or all zeros,
	 * or if their lengths differ (vectors of different models say nothing of each other).
	 */
	public static double cosine(float[] a, float[] b) {
		if (a == null || b == null || a.length != b.length) {
			return 0;
		}
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return (na == 0 || nb == 0) ? 0 : dot / Math.sqrt(na * nb);
	}

	/** The vector as stored in a {@code bytea} column. */
	public static byte[] encode(float[] vector) {
		return EmbeddingCodec.encode(vector);
	}

	/**
	 * A vector read back from a {@code bytea} column.
	 * @throws IllegalArgumentException if the length is not a multiple of 4 bytes
	 */
	public static float[] decode(byte[] bytes) {
		return EmbeddingCodec.decode(bytes);
	}

}
