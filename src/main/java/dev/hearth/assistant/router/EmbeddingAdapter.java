package dev.hearth.assistant.router;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

/**
 * A learned linear map of the embedding space for matching questions to FAQ entries:
 * {@code x -> x + U (V^T x)}, the identity plus a low-rank correction, trained
 * contrastively on pairs of utterances of the same intent so that paraphrases come closer
 * and different requests move apart ({@code EmbeddingAdapterTrainer} in the tests).
 * Cosine similarities are taken between adapted vectors, so the map must be applied to
 * both sides: the question and the phrasings, answers and corpus questions it is compared
 * with. Immutable and thread-safe.
 * <p>
 * Binary format: {@code HADP}, version 1, dimensions, rank, U and V row by row as 32-bit
 * floats, CRC-32 of everything before it.
 */
public final class EmbeddingAdapter {

	private static final int MAGIC = 0x48414450; // "HADP"

	private static final int VERSION = 1;

	private static final EmbeddingAdapter IDENTITY = new EmbeddingAdapter(0, 0, new float[0][], new float[0][]);

	private final int dimensions;

	/** {@code u[d][k]}. */
	private final float[][] u;

	/** {@code v[d][k]}. */
	private final float[][] v;

	private final int rank;

	private EmbeddingAdapter(int dimensions, int rank, float[][] u, float[][] v) {
		this.dimensions = dimensions;
		this.rank = rank;
		this.u = u;
		this.v = v;
	}

	/** The identity: vectors are only scaled to unit length. */
	public static EmbeddingAdapter identity() {
		return IDENTITY;
	}

	/**
	 * An adapter {@code x + U (V^T x)}.
	 * @param u {@code dimensions} rows of {@code rank} values
	 * @param v as {@code u}
	 * @throws IllegalArgumentException if the shapes differ, are empty or hold a value
	 * that is not finite
	 */
	public static EmbeddingAdapter of(float[][] u, float[][] v) {
		Checks.requireNonNull(u, "u");
		Checks.requireNonNull(v, "v");
		if (u.length == 0 || u.length != v.length) {
			throw new IllegalArgumentException(
					"u and v must have the same number of rows, at least 1, got " + u.length + " and " + v.length);
		}
		int rank = u[0].length;
		if (rank == 0) {
			throw new IllegalArgumentException("the rank must be at least 1");
		}
		float[][] uc = new float[u.length][];
		float[][] vc = new float[v.length][];
		for (int d = 0; d < u.length; d++) {
			if (u[d].length != rank || v[d].length != rank) {
				throw new IllegalArgumentException("row " + d + " of u or v does not have " + rank + " values");
			}
			uc[d] = Checks.requireVector(u[d].clone(), "u[" + d + "]");
			vc[d] = Checks.requireVector(v[d].clone(), "v[" + d + "]");
		}
		return new EmbeddingAdapter(u.length, rank, uc, vc);
	}

	/** Whether this is the identity (every vector only normalised). */
	public boolean isIdentity() {
		return this.rank == 0;
	}

	/** The dimension of the vectors it maps (0 for the identity, which takes any). */
	public int dimensions() {
		return this.dimensions;
	}

	/** The rank of the correction (0 for the identity). */
	public int rank() {
		return this.rank;
	}

	/**
	 * Whether it can map vectors of the given dimension: the identity maps every
	 * dimension, a learned adapter only that of the model it was trained for.
	 */
	public boolean fits(int dimensions) {
		return isIdentity() || this.dimensions == dimensions;
	}

	/**
	 * The adapted vector, scaled to unit length (a new array).
	 * @throws IllegalArgumentException if the vector has another dimension
	 */
	public float[] apply(float[] vector) {
		if (isIdentity()) {
			return VectorMath.normalize(vector.clone());
		}
		if (vector.length != this.dimensions) {
			throw new IllegalArgumentException("vector has " + vector.length + " dimensions; the adapter maps "
					+ this.dimensions + "-dimensional vectors");
		}
		float[] h = new float[this.rank];
		for (int d = 0; d < this.dimensions; d++) {
			VectorMath.axpy(vector[d], this.v[d], 0, h, 0, this.rank);
		}
		float[] out = vector.clone();
		for (int d = 0; d < this.dimensions; d++) {
			out[d] += VectorMath.dot(this.u[d], h);
		}
		return VectorMath.normalize(out);
	}

	/** The adapter in its binary format. */
	public byte[] serialize() {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeInt(this.dimensions);
			out.writeInt(this.rank);
			for (float[][] matrix : new float[][][] { this.u, this.v }) {
				for (float[] row : matrix) {
					for (float x : row) {
						out.writeFloat(x);
					}
				}
			}
			out.flush();
			CRC32 crc = new CRC32();
			crc.update(bytes.toByteArray());
			out.writeLong(crc.getValue());
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads an adapter written by {@link #serialize()}.
	 * @throws IllegalArgumentException if the data is not an adapter of this version or
	 * is damaged
	 */
	public static EmbeddingAdapter deserialize(byte[] data) {
		Checks.requireNonNull(data, "data");
		try {
			if (data.length < 24) {
				throw new IllegalArgumentException("not an embedding adapter: " + data.length + " bytes");
			}
			CRC32 crc = new CRC32();
			crc.update(data, 0, data.length - 8);
			DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
			if (in.readInt() != MAGIC) {
				throw new IllegalArgumentException("not an embedding adapter (no HADP header)");
			}
			int version = in.readInt();
			if (version != VERSION) {
				throw new IllegalArgumentException(
						"embedding adapter version " + version + " is not supported; this Hearth reads " + VERSION);
			}
			int dimensions = in.readInt();
			int rank = in.readInt();
			if (dimensions <= 0 || rank <= 0 || (long) dimensions * rank * 8 + 24 != data.length) {
				throw new IllegalArgumentException("embedding adapter is damaged: " + dimensions + " x " + rank
						+ " does not fit " + data.length + " bytes");
			}
			float[][][] matrices = new float[2][dimensions][rank];
			for (float[][] matrix : matrices) {
				for (float[] row : matrix) {
					for (int k = 0; k < rank; k++) {
						row[k] = in.readFloat();
					}
				}
			}
			if (in.readLong() != crc.getValue()) {
				throw new IllegalArgumentException("embedding adapter is damaged (CRC-32 mismatch)");
			}
			return of(matrices[0], matrices[1]);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("embedding adapter is damaged: " + ex.getMessage(), ex);
		}
	}

}
