package dev.hearth.assistant.router;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fits a {@link LinearModel} by mini-batch Adam on the weighted cross-entropy, with
 * decoupled weight decay and a learning rate that falls linearly to zero. Sparse rows are
 * updated only when a batch touches them (lazy Adam).
 * <p>
 * Each batch is cut into two fixed halves whose gradients are computed separately (on two
 * threads when {@link RouterSettings#threads()} allows) and then added in a fixed order,
 * so the result is the same whatever the number of threads. The only randomness is the
 * order of examples, drawn from the seed: training is deterministic.
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
			int sparseSize, float[] centroids, float[][] similarities, long seed) {
		LinearModel model = new LinearModel(classes, denseSize, sparseSize, centroids,
				(float) this.settings.centroidScale());
		Moments centroidScale = new Moments(1);
		Moments dense = new Moments(model.dense.length);
		Moments sparse = new Moments(model.sparse.length);
		Moments bias = new Moments(classes);
		Half first = new Half(model, examples, targets, weights, similarities, this.settings.labelSmoothing());
		Half second = new Half(model, examples, targets, weights, similarities, this.settings.labelSmoothing());
		int n = examples.size();
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		SplittableRandom random = new SplittableRandom(seed);
		int batchSize = this.settings.batchSize();
		long totalSteps = (long) this.settings.epochs() * ((n + batchSize - 1) / batchSize);
		long step = 0;
		float decay = (float) this.settings.weightDecay();
		ExecutorService helper = (this.settings.threads() > 1)
				? Executors.newSingleThreadExecutor(Thread.ofPlatform().name("router-training").daemon(true).factory())
				: null;
		try {
			for (int epoch = 0; epoch < this.settings.epochs(); epoch++) {
				shuffle(order, random);
				for (int from = 0; from < n; from += batchSize) {
					int to = Math.min(n, from + batchSize);
					int middle = from + (to - from + 1) / 2;
					float scale = 1f / (to - from);
					if (helper != null && to - middle > 0) {
						int f = from;
						Future<?> done = helper.submit(() -> second.accumulate(order, middle, to, scale));
						first.accumulate(order, f, middle, scale);
						await(done);
					}
					else {
						first.accumulate(order, from, middle, scale);
						second.accumulate(order, middle, to, scale);
					}
					step++;
					float rate = (float) (this.settings.learningRate() * (1 - (step - 1) / (double) totalSteps));
					float correction1 = (float) (1 - Math.pow(BETA1, step));
					float correction2 = (float) (1 - Math.pow(BETA2, step));
					bias.update(model.bias, 0, first.biasGrad, second.biasGrad, 0, 0, classes, rate, correction1,
							correction2, 0);
					if (similarities != null) {
						centroidScale.update(model.centroidScale, 0, first.scaleGrad, second.scaleGrad, 0, 0, 1,
								rate * 10, correction1, correction2, 0);
					}
					dense.update(model.dense, 0, first.denseGrad, second.denseGrad, 0, 0, model.dense.length, rate,
							correction1, correction2, decay);
					for (int t = 0; t < first.touchedCount; t++) {
						int row = first.touched[t];
						int other = second.slotOf[row];
						sparse.update(model.sparse, row * classes, first.sparseGrad, second.sparseGrad, t * classes,
								(other < 0) ? -1 : other * classes, classes, rate, correction1, correction2, decay);
					}
					for (int t = 0; t < second.touchedCount; t++) {
						int row = second.touched[t];
						if (first.slotOf[row] < 0) {
							sparse.update(model.sparse, row * classes, second.sparseGrad, null, t * classes, -1,
									classes, rate, correction1, correction2, decay);
						}
					}
					first.clear();
					second.clear();
				}
			}
		}
		finally {
			if (helper != null) {
				helper.shutdownNow();
			}
		}
		// the stored router keeps the weight blocks at half precision; so does this one
		VectorMath.roundToHalf(model.dense);
		VectorMath.roundToHalf(model.sparse);
		return model;
	}

	private static void await(Future<?> done) {
		try {
			done.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("router training was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
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

	/** The gradient of half a batch, in buffers of its own. */
	private static final class Half {

		final LinearModel model;

		final List<Features> examples;

		final int[] targets;

		final float[] weights;

		final float[] denseGrad;

		final float[] biasGrad;

		final float[] scaleGrad = new float[1];

		final double smoothing;

		final float[][] similarities;

		final int[] slotOf;

		final int[] touched;

		int touchedCount;

		float[] sparseGrad = new float[0];

		private final float[] g;

		Half(LinearModel model, List<Features> examples, int[] targets, float[] weights, float[][] similarities,
				double smoothing) {
			this.model = model;
			this.smoothing = smoothing;
			this.similarities = similarities;
			this.examples = examples;
			this.targets = targets;
			this.weights = weights;
			this.denseGrad = new float[model.dense.length];
			this.biasGrad = new float[model.classes];
			this.slotOf = new int[model.sparseSize];
			Arrays.fill(this.slotOf, -1);
			this.touched = new int[Math.max(1, model.sparseSize)];
			this.g = new float[model.classes];
		}

		void accumulate(int[] order, int from, int to, float scale) {
			int c = this.model.classes;
			for (int b = from; b < to; b++) {
				int i = order[b];
				Features x = this.examples.get(i);
				float[] z = this.model.linearLogits(x);
				float[] s = (this.similarities != null) ? this.similarities[i] : null;
				if (s != null) {
					float centroidScale = this.model.centroidScale[0];
					for (int k = 0; k < c; k++) {
						z[k] += centroidScale * s[k];
					}
				}
				double[] p = VectorMath.softmax(z, 1);
				float weight = this.weights[i] * scale;
				double spread = this.smoothing / c;
				for (int k = 0; k < c; k++) {
					double target = ((k == this.targets[i]) ? 1 - this.smoothing : 0) + spread;
					this.g[k] = (float) (p[k] - target) * weight;
					this.biasGrad[k] += this.g[k];
					if (s != null) {
						this.scaleGrad[0] += this.g[k] * s[k];
					}
				}
				float[] dense = x.dense();
				for (int d = 0; d < dense.length; d++) {
					VectorMath.axpy(dense[d], this.g, 0, this.denseGrad, d * c, c);
				}
				int[] columns = x.columns();
				float[] values = x.values();
				for (int k = 0; k < columns.length; k++) {
					int slot = this.slotOf[columns[k]];
					if (slot < 0) {
						slot = this.touchedCount++;
						this.slotOf[columns[k]] = slot;
						this.touched[slot] = columns[k];
						if (this.sparseGrad.length < this.touchedCount * c) {
							this.sparseGrad = Arrays.copyOf(this.sparseGrad,
									Math.max(this.touchedCount * c, this.sparseGrad.length * 2));
						}
						Arrays.fill(this.sparseGrad, slot * c, slot * c + c, 0);
					}
					VectorMath.axpy(values[k], this.g, 0, this.sparseGrad, slot * c, c);
				}
			}
		}

		void clear() {
			Arrays.fill(this.denseGrad, 0);
			Arrays.fill(this.biasGrad, 0);
			this.scaleGrad[0] = 0;
			for (int t = 0; t < this.touchedCount; t++) {
				this.slotOf[this.touched[t]] = -1;
			}
			this.touchedCount = 0;
		}

	}

	/** Adam's running moments for one block of weights. */
	private static final class Moments {

		final float[] m;

		final float[] v;

		Moments(int size) {
			this.m = new float[size];
			this.v = new float[size];
		}

		/**
		 * One Adam step on {@code w[offset..offset+length)} with the gradient
		 * {@code a[aOffset..] + b[bOffset..]} ({@code b} absent when
		 * {@code bOffset < 0}).
		 */
		void update(float[] w, int offset, float[] a, float[] b, int aOffset, int bOffset, int length, float rate,
				float correction1, float correction2, float decay) {
			for (int i = 0; i < length; i++) {
				int j = offset + i;
				float gi = a[aOffset + i] + ((bOffset < 0) ? 0 : b[bOffset + i]);
				this.m[j] = BETA1 * this.m[j] + (1 - BETA1) * gi;
				this.v[j] = BETA2 * this.v[j] + (1 - BETA2) * gi * gi;
				float mHat = this.m[j] / correction1;
				float vHat = this.v[j] / correction2;
				w[j] -= rate * (mHat / ((float) Math.sqrt(vHat) + EPSILON) + decay * w[j]);
			}
		}

	}

}
