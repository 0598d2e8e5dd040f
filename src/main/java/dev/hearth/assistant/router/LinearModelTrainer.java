package dev.hearth.assistant.router;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits a {@link LinearModel} by mini-batch Adam on the weighted cross-entropy, with
 * decoupled weight decay and a learning rate that falls linearly to zero. Sparse rows are
 * updated only when a batch touches them (lazy Adam). Deterministic: the only randomness
 * is the order of examples, drawn from the seed, and every sum runs in a fixed order.
 */
final class LinearModelTrainer {

	private static final float BETA1 = 0.9f;

	private static final float BETA2 = 0.999f;

	private static final float EPSILON = 1e-7f;

	private final RouterSettings settings;

	LinearModelTrainer(RouterSettings settings) {
		this.settings = settings;
	}

	LinearModel train(List<Features> examples, int[] targets, float[] weights, int classes, int denseSize,
			int sparseSize, long seed) {
		LinearModel model = new LinearModel(classes, denseSize, sparseSize);
		int c = classes;
		float[] denseM = new float[model.dense.length];
		float[] denseV = new float[model.dense.length];
		float[] sparseM = new float[model.sparse.length];
		float[] sparseV = new float[model.sparse.length];
		float[] biasM = new float[c];
		float[] biasV = new float[c];
		float[] denseGrad = new float[model.dense.length];
		float[] biasGrad = new float[c];
		int batchSize = this.settings.batchSize();
		int[] slotOf = new int[sparseSize];
		Arrays.fill(slotOf, -1);
		int[] touched = new int[Math.max(1, sparseSize)];
		float[] sparseGrad = new float[0];
		int n = examples.size();
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		SplittableRandom random = new SplittableRandom(seed);
		int epochs = this.settings.epochs();
		long totalSteps = (long) epochs * ((n + batchSize - 1) / batchSize);
		long step = 0;
		float decay = (float) this.settings.weightDecay();
		float[] g = new float[c];
		for (int epoch = 0; epoch < epochs; epoch++) {
			shuffle(order, random);
			for (int from = 0; from < n; from += batchSize) {
				int to = Math.min(n, from + batchSize);
				Arrays.fill(denseGrad, 0);
				Arrays.fill(biasGrad, 0);
				int touchedCount = 0;
				for (int b = from; b < to; b++) {
					int i = order[b];
					Features x = examples.get(i);
					double[] p = VectorMath.softmax(model.logits(x), 1);
					float scale = weights[i] / (to - from);
					for (int k = 0; k < c; k++) {
						g[k] = (float) (p[k] - ((k == targets[i]) ? 1 : 0)) * scale;
						biasGrad[k] += g[k];
					}
					float[] dense = x.dense();
					for (int d = 0; d < dense.length; d++) {
						VectorMath.axpy(dense[d], g, 0, denseGrad, d * c, c);
					}
					int[] columns = x.columns();
					float[] values = x.values();
					for (int k = 0; k < columns.length; k++) {
						int slot = slotOf[columns[k]];
						if (slot < 0) {
							slot = touchedCount++;
							slotOf[columns[k]] = slot;
							touched[slot] = columns[k];
							if (sparseGrad.length < touchedCount * c) {
								sparseGrad = Arrays.copyOf(sparseGrad,
										Math.max(touchedCount * c, sparseGrad.length * 2));
							}
							Arrays.fill(sparseGrad, slot * c, slot * c + c, 0);
						}
						VectorMath.axpy(values[k], g, 0, sparseGrad, slot * c, c);
					}
				}
				step++;
				float rate = (float) (this.settings.learningRate() * (1 - (step - 1) / (double) totalSteps));
				float correction1 = (float) (1 - Math.pow(BETA1, step));
				float correction2 = (float) (1 - Math.pow(BETA2, step));
				adam(model.bias, biasM, biasV, biasGrad, 0, 0, c, rate, correction1, correction2, 0);
				adam(model.dense, denseM, denseV, denseGrad, 0, 0, model.dense.length, rate, correction1, correction2,
						decay);
				for (int t = 0; t < touchedCount; t++) {
					adam(model.sparse, sparseM, sparseV, sparseGrad, touched[t] * c, t * c, c, rate, correction1,
							correction2, decay);
					slotOf[touched[t]] = -1;
				}
			}
		}
		return model;
	}

	private static void adam(float[] w, float[] m, float[] v, float[] grad, int offset, int gradOffset, int length,
			float rate, float correction1, float correction2, float decay) {
		for (int i = 0; i < length; i++) {
			int j = offset + i;
			float gi = grad[gradOffset + i];
			m[j] = BETA1 * m[j] + (1 - BETA1) * gi;
			v[j] = BETA2 * v[j] + (1 - BETA2) * gi * gi;
			float mHat = m[j] / correction1;
			float vHat = v[j] / correction2;
			w[j] -= rate * (mHat / ((float) Math.sqrt(vHat) + EPSILON) + decay * w[j]);
		}
	}

	private static void shuffle(int[] order, SplittableRandom random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
	}

}
