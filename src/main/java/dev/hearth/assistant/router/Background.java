package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the out-of-domain questions that train the router's "none of these" class: the
 * bundled corpus less every question at least as similar as the ceiling to some FAQ
 * example, so that a company whose FAQ does cover, say, gift cards is not taught that
 * gift card questions are out of scope.
 */
final class Background {

	private static final int BLOCK = 512;

	record Selection(List<String> questions, List<float[]> vectors, int leftOut) {

		static final Selection NONE = new Selection(List.of(), List.of(), 0);

	}

	private Background() {
	}

	static Selection select(List<float[]> examples, int dimensions, double ceiling) {
		OutOfDomainCorpus.Corpus corpus = OutOfDomainCorpus.get();
		if (corpus.dimensions() != dimensions) {
			throw new IllegalArgumentException("the examples have " + dimensions
					+ "-dimensional vectors but the bundled out-of-domain corpus was embedded with "
					+ OutOfDomainCorpus.MODEL + " (" + corpus.dimensions()
					+ " dimensions); embed the examples with that model or train without the corpus"
					+ " (RouterSettings.withBackground(false, ...))");
		}
		float[] nearest = nearestSimilarities(corpus.vectors(), examples, dimensions);
		List<String> questions = new ArrayList<>();
		List<float[]> vectors = new ArrayList<>();
		for (int q = 0; q < nearest.length; q++) {
			if (nearest[q] < ceiling) {
				questions.add(corpus.questions().get(q));
				vectors.add(corpus.vectors()[q]);
			}
		}
		return new Selection(questions, vectors, nearest.length - questions.size());
	}

	/**
	 * For each query, the highest cosine similarity to any example (vectors are unit
	 * length). Examples are transposed in blocks so the inner loop is a contiguous
	 * update.
	 */
	static float[] nearestSimilarities(float[][] queries, List<float[]> examples, int dimensions) {
		float[] nearest = new float[queries.length];
		Arrays.fill(nearest, -1);
		float[] block = new float[dimensions * BLOCK];
		float[] similarities = new float[BLOCK];
		for (int from = 0; from < examples.size(); from += BLOCK) {
			int size = Math.min(BLOCK, examples.size() - from);
			for (int j = 0; j < size; j++) {
				float[] example = examples.get(from + j);
				float norm = (float) Math.sqrt(VectorMath.dot(example, example));
				float inverse = (norm > 0) ? 1 / norm : 0;
				for (int d = 0; d < dimensions; d++) {
					block[d * BLOCK + j] = example[d] * inverse;
				}
			}
			for (int q = 0; q < queries.length; q++) {
				Arrays.fill(similarities, 0);
				float[] query = queries[q];
				for (int d = 0; d < dimensions; d++) {
					VectorMath.axpy(query[d], block, d * BLOCK, similarities, 0, size);
				}
				float max = nearest[q];
				for (int j = 0; j < size; j++) {
					max = Math.max(max, similarities[j]);
				}
				nearest[q] = max;
			}
		}
		return nearest;
	}

}
