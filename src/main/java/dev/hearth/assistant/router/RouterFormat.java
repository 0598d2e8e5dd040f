package dev.hearth.assistant.router;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The binary format of a {@link TrainedRouter}, version 2: the magic "HRTR", the version,
 * the labels, calibration, checks, vocabulary and weights (big-endian; the two weight
 * blocks at half precision), and a CRC-32 of everything before it. A reader refuses any
 * other version rather than guess.
 */
final class RouterFormat {

	static final int MAGIC = 0x48525452; // "HRTR"

	/**
	 * 1: float weights (never released beyond development databases); 2: half-precision
	 * weights.
	 */
	static final int VERSION = 2;

	private RouterFormat() {
	}

	static byte[] write(TrainedRouter router) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeInt(router.labels().size());
			for (String label : router.labels()) {
				writeString(out, label);
			}
			out.writeBoolean(router.hasBackground());
			out.writeDouble(router.temperature());
			out.writeDouble(router.suggestedThreshold());
			out.writeInt(router.checks().size());
			for (Map.Entry<String, Double> check : router.checks().entrySet()) {
				writeString(out, check.getKey());
				out.writeDouble(check.getValue());
			}
			Featurizer featurizer = router.featurizer();
			out.writeInt(featurizer.dimensions);
			out.writeFloat(featurizer.embeddingWeight);
			out.writeFloat(featurizer.lexicalWeight);
			out.writeInt(featurizer.charMin);
			out.writeInt(featurizer.charMax);
			writeInts(out, featurizer.hashes);
			writeFloats(out, featurizer.idf);
			LinearModel model = router.model();
			out.writeInt(model.classes);
			out.writeInt(model.denseSize);
			out.writeInt(model.sparseSize);
			writeHalves(out, model.dense);
			writeHalves(out, model.sparse);
			writeFloats(out, model.bias);
			writeFloats(out, model.centroids);
			out.writeFloat(model.centroidScale[0]);
			out.flush();
			CRC32 crc = new CRC32();
			crc.update(bytes.toByteArray());
			out.writeLong(crc.getValue());
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static TrainedRouter read(byte[] bytes) {
		if (bytes.length < 16) {
			throw new IllegalArgumentException("not a Hearth FAQ router: " + bytes.length + " bytes is too short");
		}
		ByteBuffer header = ByteBuffer.wrap(bytes);
		if (header.getInt() != MAGIC) {
			throw new IllegalArgumentException("not a Hearth FAQ router: the data does not start with HRTR");
		}
		int version = header.getInt();
		if (version != VERSION) {
			throw new IllegalArgumentException("unsupported FAQ router format version " + version
					+ "; this version of Hearth reads version " + VERSION + ": retrain the router");
		}
		CRC32 crc = new CRC32();
		crc.update(bytes, 0, bytes.length - 8);
		if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
			throw new IllegalArgumentException(
					"the FAQ router data is damaged (checksum mismatch): retrain the router");
		}
		try {
			DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 16));
			int labelCount = in.readInt();
			List<String> labels = new ArrayList<>(labelCount);
			for (int i = 0; i < labelCount; i++) {
				labels.add(readString(in));
			}
			boolean background = in.readBoolean();
			double temperature = in.readDouble();
			double threshold = in.readDouble();
			int checkCount = in.readInt();
			Map<String, Double> checks = new LinkedHashMap<>();
			for (int i = 0; i < checkCount; i++) {
				checks.put(readString(in), in.readDouble());
			}
			int dimensions = in.readInt();
			float embeddingWeight = in.readFloat();
			float lexicalWeight = in.readFloat();
			int charMin = in.readInt();
			int charMax = in.readInt();
			int[] hashes = readInts(in);
			float[] idf = readFloats(in);
			Featurizer featurizer = new Featurizer(dimensions, embeddingWeight, lexicalWeight, charMin, charMax, hashes,
					idf);
			int classes = in.readInt();
			int denseSize = in.readInt();
			int sparseSize = in.readInt();
			float[] dense = readHalves(in);
			float[] sparse = readHalves(in);
			float[] bias = readFloats(in);
			float[] centroids = readFloats(in);
			float centroidScale = in.readFloat();
			if (in.available() != 0 || classes != labels.size() + (background ? 1 : 0) || bias.length != classes
					|| dense.length != denseSize * classes || sparse.length != sparseSize * classes
					|| denseSize != featurizer.denseSize() || sparseSize != hashes.length
					|| (centroids.length != 0 && centroids.length != dimensions * classes)) {
				throw new IllegalArgumentException("the FAQ router data is inconsistent: retrain the router");
			}
			return new TrainedRouter(labels, background, featurizer, new LinearModel(classes, denseSize, sparseSize,
					dense, sparse, bias, centroids, new float[] { centroidScale }), temperature, threshold, checks);
		}
		catch (EOFException ex) {
			throw new IllegalArgumentException("the FAQ router data is truncated: retrain the router", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeString(DataOutputStream out, String value) throws IOException {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static String readString(DataInputStream in) throws IOException {
		return new String(readFully(in, length(in)), StandardCharsets.UTF_8);
	}

	private static void writeInts(DataOutputStream out, int[] values) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
		buffer.asIntBuffer().put(values);
		out.writeInt(values.length);
		out.write(buffer.array());
	}

	private static int[] readInts(DataInputStream in) throws IOException {
		int[] values = new int[length(in)];
		ByteBuffer.wrap(readFully(in, values.length * 4)).asIntBuffer().get(values);
		return values;
	}

	private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
		buffer.asFloatBuffer().put(values);
		out.writeInt(values.length);
		out.write(buffer.array());
	}

	private static float[] readFloats(DataInputStream in) throws IOException {
		float[] values = new float[length(in)];
		ByteBuffer.wrap(readFully(in, values.length * 4)).asFloatBuffer().get(values);
		return values;
	}

	private static byte[] readFully(DataInputStream in, int length) throws IOException {
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return bytes;
	}

	/**
	 * Weights at half precision: {@link LinearModelTrainer} rounds them so, nothing is
	 * lost.
	 */
	private static void writeHalves(DataOutputStream out, float[] values) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 2);
		for (float value : values) {
			buffer.putShort(Float.floatToFloat16(value));
		}
		out.writeInt(values.length);
		out.write(buffer.array());
	}

	private static float[] readHalves(DataInputStream in) throws IOException {
		float[] values = new float[length(in)];
		ByteBuffer buffer = ByteBuffer.wrap(readFully(in, values.length * 2));
		for (int i = 0; i < values.length; i++) {
			values[i] = Float.float16ToFloat(buffer.getShort());
		}
		return values;
	}

	private static int length(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new EOFException();
		}
		return length;
	}

}
