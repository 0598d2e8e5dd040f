package dev.hearth.assistant.router;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The bundled out-of-domain questions ({@code router/out-of-domain.txt}: weather, sports,
 * cooking, other companies' products, advice, chit-chat...) with their embeddings
 * ({@code router/out-of-domain.vectors}, all-MiniLM-L6-v2 quantized, stored as 8-bit
 * integers with one scale per vector). The vectors file records the SHA-256 of the text
 * file it was made from; after editing the questions, regenerate it with
 * {@code mvn -o test -Dtest=OutOfDomainVectorsGenerator -Dsurefire.failIfNoSpecifiedTests=false}.
 */
final class OutOfDomainCorpus {

	static final String TEXT_RESOURCE = "router/out-of-domain.txt";

	static final String VECTORS_RESOURCE = "router/out-of-domain.vectors";

	static final String MODEL = "all-MiniLM-L6-v2 (quantized)";

	private static final int MAGIC = 0x484f4f44; // "HOOD"

	private static final int VERSION = 1;

	record Corpus(List<String> questions, float[][] vectors) {

		int dimensions() {
			return this.vectors[0].length;
		}

	}

	private static final class Holder {

		static final Corpus CORPUS = read();

	}

	private OutOfDomainCorpus() {
	}

	/**
	 * The corpus embedded by another model, for benchmarks that compare models (the
	 * bundled vectors are MiniLM's); {@code null} for the bundled one.
	 */
	static volatile Corpus override;

	static Corpus get() {
		Corpus other = override;
		return (other != null) ? other : Holder.CORPUS;
	}

	static byte[] textBytes() {
		return resource(TEXT_RESOURCE);
	}

	static List<String> questions(byte[] text) {
		return new String(text, StandardCharsets.UTF_8).lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
	}

	/** The vectors file for the given text file and the embeddings of its questions. */
	static byte[] encodeVectors(byte[] text, List<float[]> vectors) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.write(sha256(text));
			out.writeUTF(MODEL);
			out.writeInt(vectors.size());
			out.writeInt(vectors.get(0).length);
			for (float[] vector : vectors) {
				float max = 0;
				for (float v : vector) {
					max = Math.max(max, Math.abs(v));
				}
				float scale = (max == 0) ? 1 : max / 127;
				out.writeFloat(scale);
				for (float v : vector) {
					out.writeByte(Math.round(v / scale));
				}
			}
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Corpus read() {
		byte[] text = textBytes();
		List<String> questions = questions(text);
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(resource(VECTORS_RESOURCE)))) {
			if (in.readInt() != MAGIC || in.readInt() != VERSION) {
				throw new IllegalStateException(VECTORS_RESOURCE + " is not an out-of-domain vectors file of version "
						+ VERSION + "; regenerate it");
			}
			byte[] digest = in.readNBytes(32);
			String model = in.readUTF();
			int count = in.readInt();
			int dimensions = in.readInt();
			if (!Arrays.equals(digest, sha256(text)) || count != questions.size()) {
				throw new IllegalStateException(VECTORS_RESOURCE + " was made from another version of " + TEXT_RESOURCE
						+ "; regenerate it with mvn -o test -Dtest=OutOfDomainVectorsGenerator"
						+ " -Dsurefire.failIfNoSpecifiedTests=false");
			}
			if (!MODEL.equals(model)) {
				throw new IllegalStateException(VECTORS_RESOURCE + " holds vectors of " + model + ", not " + MODEL);
			}
			float[][] vectors = new float[count][dimensions];
			byte[] row = new byte[dimensions];
			for (float[] vector : vectors) {
				float scale = in.readFloat();
				in.readFully(row);
				for (int d = 0; d < dimensions; d++) {
					vector[d] = row[d] * scale;
				}
				VectorMath.normalize(vector);
			}
			return new Corpus(questions, vectors);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + VECTORS_RESOURCE + " from the class path", ex);
		}
	}

	private static byte[] resource(String name) {
		try (InputStream in = OutOfDomainCorpus.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
