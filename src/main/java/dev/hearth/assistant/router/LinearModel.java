package dev.hearth.assistant.router;

/**
 * Multinomial logistic regression over {@link Features}: one logit per class, from a
 * dense weight block (embedding dimensions by classes), a sparse one (lexical columns by
 * classes), a bias and a centroid term. The centroid term adds, for each FAQ entry, a
 * learnt scale times the cosine similarity of the question's embedding to the mean
 * embedding of the entry's phrasings: a nearest-centroid classifier that carries the
 * model when an entry has only a handful of phrasings. Weights are laid out feature-major
 * so that a logit update is one contiguous loop over the classes. Read-only once trained,
 * and then thread-safe.
 */
final class LinearModel {

	final int classes;

	final int denseSize;

	final int sparseSize;

	final float[] dense;

	final float[] sparse;

	final float[] bias;

	/** Unit-length class centroids, feature-major; empty without a centroid term. */
	final float[] centroids;

	/** The centroid term's scale, one element (an array so training can update it). */
	final float[] centroidScale;

	LinearModel(int classes, int denseSize, int sparseSize, float[] centroids, float centroidScale) {
		this(classes, denseSize, sparseSize, new float[denseSize * classes], new float[sparseSize * classes],
				new float[classes], centroids, new float[] { centroidScale });
	}

	LinearModel(int classes, int denseSize, int sparseSize, float[] dense, float[] sparse, float[] bias,
			float[] centroids, float[] centroidScale) {
		this.classes = classes;
		this.denseSize = denseSize;
		this.sparseSize = sparseSize;
		this.dense = dense;
		this.sparse = sparse;
		this.bias = bias;
		this.centroids = centroids;
		this.centroidScale = centroidScale;
	}

	boolean hasCentroids() {
		return this.centroids.length > 0;
	}

	float[] logits(Features x) {
		float[] z = linearLogits(x);
		if (hasCentroids()) {
			float[] s = centroidSimilarities(x.dense());
			float scale = this.centroidScale[0];
			for (int c = 0; c < this.classes; c++) {
				z[c] += scale * s[c];
			}
		}
		return z;
	}

	/** The logits without the centroid term. */
	float[] linearLogits(Features x) {
		float[] z = this.bias.clone();
		int c = this.classes;
		float[] values = x.dense();
		for (int d = 0; d < values.length; d++) {
			VectorMath.axpy(values[d], this.dense, d * c, z, 0, c);
		}
		int[] columns = x.columns();
		float[] weights = x.values();
		for (int k = 0; k < columns.length; k++) {
			VectorMath.axpy(weights[k], this.sparse, columns[k] * c, z, 0, c);
		}
		return z;
	}

	/** Cosine similarity of an embedding (of any length) to each class centroid. */
	float[] centroidSimilarities(float[] embedding) {
		float[] s = new float[this.classes];
		double norm = Math.sqrt(VectorMath.dot(embedding, embedding));
		if (norm == 0) {
			return s;
		}
		for (int d = 0; d < embedding.length; d++) {
			VectorMath.axpy((float) (embedding[d] / norm), this.centroids, d * this.classes, s, 0, this.classes);
		}
		return s;
	}

	/**
	 * Unit-length centroids of the classes below {@code classesWithCentroids} (the
	 * others, the background class, get none), and each example's similarities to them,
	 * where an example's own class's centroid leaves the example out so training does not
	 * learn to trust a similarity that new questions will not have.
	 */
	static float[] centroids(java.util.List<float[]> vectors, int[] targets, int classes, int classesWithCentroids,
			int dimensions, float[][] similaritiesOut) {
		double[][] sums = new double[classes][dimensions];
		float[][] units = new float[vectors.size()][];
		for (int i = 0; i < vectors.size(); i++) {
			units[i] = VectorMath.normalize(vectors.get(i).clone());
			if (targets[i] < classesWithCentroids) {
				for (int d = 0; d < dimensions; d++) {
					sums[targets[i]][d] += units[i][d];
				}
			}
		}
		float[] centroids = new float[dimensions * classes];
		double[] sumNorms = new double[classes];
		for (int c = 0; c < classesWithCentroids; c++) {
			double norm = 0;
			for (int d = 0; d < dimensions; d++) {
				norm += sums[c][d] * sums[c][d];
			}
			sumNorms[c] = Math.sqrt(norm);
			for (int d = 0; d < dimensions; d++) {
				centroids[d * classes + c] = (sumNorms[c] > 0) ? (float) (sums[c][d] / sumNorms[c]) : 0;
			}
		}
		if (similaritiesOut != null) {
			LinearModel probe = new LinearModel(classes, 0, 0, new float[0], new float[0], new float[classes],
					centroids, new float[] { 1 });
			for (int i = 0; i < vectors.size(); i++) {
				float[] s = probe.centroidSimilarities(units[i]);
				int own = targets[i];
				if (own < classesWithCentroids) {
					double dot = 0;
					for (int d = 0; d < dimensions; d++) {
						dot += sums[own][d] * units[i][d];
					}
					// |S - v|^2 = |S|^2 - 2 S.v + |v|^2, with |v| = 1
					double rest = Math.sqrt(Math.max(0, sumNorms[own] * sumNorms[own] - 2 * dot + 1));
					s[own] = (rest > 1e-6) ? (float) ((dot - 1) / rest) : 0;
				}
				similaritiesOut[i] = s;
			}
		}
		return centroids;
	}

}
