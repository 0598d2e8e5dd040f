package dev.hearth.assistant.router;

/**
 * Multinomial logistic regression over {@link Features}: one logit per class, from a
 * dense weight block (embedding dimensions by classes), a sparse one (lexical columns by
 * classes) and a bias. Weights are laid out feature-major so that a logit update is one
 * contiguous loop over the classes. Read-only once trained, and then thread-safe.
 */
final class LinearModel {

	final int classes;

	final int denseSize;

	final int sparseSize;

	final float[] dense;

	final float[] sparse;

	final float[] bias;

	LinearModel(int classes, int denseSize, int sparseSize) {
		this(classes, denseSize, sparseSize, new float[denseSize * classes], new float[sparseSize * classes],
				new float[classes]);
	}

	LinearModel(int classes, int denseSize, int sparseSize, float[] dense, float[] sparse, float[] bias) {
		this.classes = classes;
		this.denseSize = denseSize;
		this.sparseSize = sparseSize;
		this.dense = dense;
		this.sparse = sparse;
		this.bias = bias;
	}

	float[] logits(Features x) {
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

}
