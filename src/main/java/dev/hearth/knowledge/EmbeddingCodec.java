package dev.hearth.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Stores vectors in PostgreSQL {@code bytea} as little-endian float32.
 */
final class EmbeddingCodec {

	private EmbeddingCodec() {
	}

	static byte[] encode(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	static float[] decode(byte[] bytes) {
		if (bytes.length % Float.BYTES != 0) {
			throw new IllegalArgumentException("an embedding has a multiple of 4 bytes, got " + bytes.length);
		}
		float[] vector = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
		return vector;
	}

}
