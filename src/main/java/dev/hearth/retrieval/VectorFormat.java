package dev.hearth.retrieval;

import java.util.concurrent.ExecutorService;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The HNSW vector formats Lucene 10.6 offers, as candidates for the passage vector field.
 *
 * <p>
 * Every quantized format keeps the float vectors next to the quantized ones, so the
 * {@link VectorRetriever} can rescore its candidates exactly. {@link #DEFAULT} was chosen
 * by the recall measurement in {@code docs/adr/0002-quantized-hnsw.md}. All formats are
 * readable without configuration: Lucene records the format per field and finds it by
 * name.
 */
enum VectorFormat {

	/** Unquantized float32 HNSW; the recall baseline. */
	FLOAT32,

	/** 8-bit scalar quantization (Lucene's default quantized encoding). */
	INT8,

	/**
	 * 7-bit scalar quantization: a quarter of the float size, signed-byte SIMD friendly.
	 */
	INT7,

	/** 4-bit scalar quantization: an eighth of the float size. */
	INT4,

	/** 2-bit documents against 4-bit queries. */
	INT2,

	/** Better binary quantization: 1-bit documents against 4-bit queries. */
	BBQ;

	/** The format new indexes use. */
	static final VectorFormat DEFAULT = INT7;

	KnnVectorsFormat knnVectorsFormat() {
		return knnVectorsFormat(1, null);
	}

	/**
	 * This format, merging HNSW graphs with {@code mergeWorkers} threads of
	 * {@code executor} (one worker and no executor: on the merging thread alone).
	 */
	KnnVectorsFormat knnVectorsFormat(int mergeWorkers, ExecutorService executor) {
		ExecutorService merges = (mergeWorkers > 1) ? executor : null;
		return switch (this) {
			case FLOAT32 -> new Lucene99HnswVectorsFormat(Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
					Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, mergeWorkers, merges);
			case INT8 -> quantized(ScalarEncoding.UNSIGNED_BYTE, mergeWorkers, merges);
			case INT7 -> quantized(ScalarEncoding.SEVEN_BIT, mergeWorkers, merges);
			case INT4 -> quantized(ScalarEncoding.PACKED_NIBBLE, mergeWorkers, merges);
			case INT2 -> quantized(ScalarEncoding.DIBIT_QUERY_NIBBLE, mergeWorkers, merges);
			case BBQ -> quantized(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE, mergeWorkers, merges);
		};
	}

	/** Lucene's current codec with this format for the vector field. */
	Codec codec() {
		return codec(1, null);
	}

	/**
	 * Lucene's current codec with this format for the vector field, merging HNSW graphs
	 * with {@code mergeWorkers} threads of {@code executor}.
	 */
	Codec codec(int mergeWorkers, ExecutorService executor) {
		KnnVectorsFormat format = knnVectorsFormat(mergeWorkers, executor);
		return new Lucene104Codec() {
			@Override
			public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
				return format;
			}
		};
	}

	private static KnnVectorsFormat quantized(ScalarEncoding encoding, int mergeWorkers, ExecutorService executor) {
		return new Lucene104HnswScalarQuantizedVectorsFormat(encoding, Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
				Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, mergeWorkers, executor);
	}

}
