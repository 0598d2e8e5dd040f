package dev.hearth.assistant.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.hearth.assistant.router.SharedData.Labelled;

/**
 * Trains an {@link EmbeddingAdapter} ({@code x + U (V^T x)}) contrastively on pairs of
 * utterances of the same intent from the shared data, with in-batch negatives (InfoNCE,
 * temperature {@link Settings#temperature()}; utterances of the anchor's own intent are
 * left out of its negatives), Adam and weight decay towards the identity. Plain Java, a
 * few seconds; the embeddings (the bundled model's) are cached under
 * {@code -Dadapter.cache} (default {@code target/adapter}).
 * <p>
 * Not a unit test: run with
 * {@code mvn -o test -pl src -am -Dtest=EmbeddingAdapterTrainer -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhearth.data=/path/to/shared/data -Dadapter.data=bitext -Dadapter.out=FILE}
 * ({@code adapter.data}: any of {@code bitext}, {@code hwu64}, {@code massive} joined by
 * commas: HWU64's and MASSIVE's training splits;
 * {@code adapter.variants=name:rank=64,steps=2000,...;...} writes one file per variant
 * next to {@code adapter.out}).
 */
@EnabledIfSystemProperty(named = "test", matches = ".*EmbeddingAdapterTrainer.*",
		disabledReason = "a training tool: run it with -Dtest=EmbeddingAdapterTrainer")
class EmbeddingAdapterTrainer {

	/**
	 * @param rank the rank of the correction
	 * @param steps the optimiser's steps
	 * @param batch pairs per step
	 * @param temperature InfoNCE's temperature
	 * @param learningRate Adam's step size
	 * @param weightDecay L2 penalty on U and V (pulls the map towards the identity)
	 * @param seed the random seed (initialisation and batches)
	 */
	record Settings(int rank, int steps, int batch, double temperature, double learningRate, double weightDecay,
			long seed, double keep) {

		static final Settings DEFAULT = new Settings(64, 2000, 128, 0.05, 1e-3, 1e-4, 29, 0);

		Settings(int rank, int steps, int batch, double temperature, double learningRate, double weightDecay,
				long seed) {
			this(rank, steps, batch, temperature, learningRate, weightDecay, seed, 0);
		}

		Settings with(String key, String value) {
			return switch (key) {
				case "rank" -> new Settings(Integer.parseInt(value), this.steps, this.batch, this.temperature,
						this.learningRate, this.weightDecay, this.seed, this.keep);
				case "steps" -> new Settings(this.rank, Integer.parseInt(value), this.batch, this.temperature,
						this.learningRate, this.weightDecay, this.seed, this.keep);
				case "batch" -> new Settings(this.rank, this.steps, Integer.parseInt(value), this.temperature,
						this.learningRate, this.weightDecay, this.seed, this.keep);
				case "t" -> new Settings(this.rank, this.steps, this.batch, Double.parseDouble(value),
						this.learningRate, this.weightDecay, this.seed, this.keep);
				case "lr" -> new Settings(this.rank, this.steps, this.batch, this.temperature,
						Double.parseDouble(value), this.weightDecay, this.seed, this.keep);
				case "wd" -> new Settings(this.rank, this.steps, this.batch, this.temperature, this.learningRate,
						Double.parseDouble(value), this.seed, this.keep);
				case "seed" -> new Settings(this.rank, this.steps, this.batch, this.temperature, this.learningRate,
						this.weightDecay, Long.parseLong(value), this.keep);
				case "keep" -> new Settings(this.rank, this.steps, this.batch, this.temperature, this.learningRate,
						this.weightDecay, this.seed, Double.parseDouble(value));
				default -> throw new IllegalArgumentException("unknown adapter setting " + key);
			};
		}

		static Settings parse(String spec) {
			Settings settings = DEFAULT;
			for (String part : spec.split(",")) {
				if (!part.isBlank()) {
					String[] kv = part.split("=");
					settings = settings.with(kv[0].strip(), kv[1].strip());
				}
			}
			return settings;
		}

	}

	@Test
	void train() throws IOException {
		Optional<SharedData> located = SharedData.locate();
		Assumptions.assumeTrue(located.isPresent(),
				"the shared data folder was not found: pass -Dhearth.data=/path/to/shared/data");
		SharedData data = located.get();
		List<Labelled> rows = trainingRows(data, System.getProperty("adapter.data", "bitext"));
		String cache = System.getProperty("adapter.cache", "target/adapter");
		Map<String, float[]> vectors = TestEmbeddings.cachedFor(rows.stream().map(Labelled::text).toList(),
				cache + "/train-" + System.getProperty("adapter.data", "bitext").replace(',', '_'));
		List<float[]> x = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (Labelled row : rows) {
			x.add(vectors.get(row.text()));
			labels.add(row.label());
		}
		Path out = Path.of(System.getProperty("adapter.out", "target/adapter/adapter.bin"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		String variants = System.getProperty("adapter.variants", "");
		if (variants.isBlank()) {
			EmbeddingAdapter adapter = train(x, labels, Settings.DEFAULT);
			Files.write(out, adapter.serialize());
			System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
			return;
		}
		Probe probe = Probe.of(data, System.getProperty("adapter.probe"));
		if (probe != null) {
			System.out.println("probe identity: " + probe.measure(EmbeddingAdapter.identity()));
		}
		for (String variant : variants.split(";")) {
			String[] nameSpec = variant.split(":", 2);
			Settings settings = Settings.parse((nameSpec.length > 1) ? nameSpec[1] : "");
			long started = System.nanoTime();
			EmbeddingAdapter adapter = train(x, labels, settings);
			Path file = out.resolveSibling(nameSpec[0].strip() + ".bin");
			Files.write(file, adapter.serialize());
			System.out.printf("wrote %s %s in %.1f s%n", file, settings, (System.nanoTime() - started) / 1e9);
			if (probe != null) {
				System.out.println("probe " + nameSpec[0] + ": " + probe.measure(adapter));
			}
		}
	}

	/**
	 * A quick look at a development set while choosing settings
	 * ({@code -Dadapter.probe=massive-dev}): MASSIVE en-US with one train phrasing per
	 * intent (as {@code FaqProtocolsBenchmark}'s single-phrasing protocol chooses it),
	 * its dev questions ranked by the nearest phrasing's cosine alone; top-1 and MRR.
	 */
	private record Probe(List<float[]> entries, List<String> entryLabels, List<float[]> questions,
			List<String> questionLabels) {

		static Probe of(SharedData data, String name) throws IOException {
			if (name == null || name.isBlank()) {
				return null;
			}
			if (!name.equals("massive-dev")) {
				throw new IllegalArgumentException("adapter.probe: only massive-dev, got " + name);
			}
			Map<String, List<Labelled>> byIntent = Protocols
				.byLabel(Protocols.shuffled(data.massive("en-US.train"), Protocols.SEED));
			List<Labelled> dev = data.massive("en-US.dev");
			List<String> texts = new ArrayList<>();
			byIntent.values().forEach((rows) -> texts.add(rows.get(0).text()));
			dev.forEach((q) -> texts.add(q.text()));
			Map<String, float[]> vectors = TestEmbeddings.cachedFor(texts, "target/bench/faq-massive-dev-single");
			List<float[]> entries = new ArrayList<>();
			List<String> entryLabels = new ArrayList<>();
			byIntent.forEach((label, rows) -> {
				entries.add(vectors.get(rows.get(0).text()));
				entryLabels.add(label);
			});
			return new Probe(entries, entryLabels, dev.stream().map((q) -> vectors.get(q.text())).toList(),
					dev.stream().map(Labelled::label).toList());
		}

		String measure(EmbeddingAdapter adapter) {
			List<float[]> e = this.entries.stream().map(adapter::apply).toList();
			int top1 = 0;
			double mrr = 0;
			for (int q = 0; q < this.questions.size(); q++) {
				float[] query = adapter.apply(this.questions.get(q));
				int want = this.entryLabels.indexOf(this.questionLabels.get(q));
				double own = VectorMath.dot(query, e.get(want));
				int rank = 1;
				for (int i = 0; i < e.size(); i++) {
					if (i != want && VectorMath.dot(query, e.get(i)) >= own) {
						rank++;
					}
				}
				top1 += (rank == 1) ? 1 : 0;
				mrr += 1.0 / rank;
			}
			return String.format("top-1 %.3f, MRR %.3f", top1 / (double) this.questions.size(),
					mrr / this.questions.size());
		}

	}

	/**
	 * The training rows: Bitext (at most 300 distinct utterances per intent), HWU64's
	 * train split, MASSIVE en-US's train split, as named; labels prefixed by the set so
	 * that intents of different sets never count as the same.
	 */
	static List<Labelled> trainingRows(SharedData data, String sets) throws IOException {
		List<Labelled> rows = new ArrayList<>();
		for (String set : sets.split(",")) {
			List<Labelled> part = switch (set.strip()) {
				case "bitext" -> Protocols.capped(data.bitext(), 300);
				case "hwu64" -> data.hwu64("train");
				case "massive" -> data.massive("en-US.train");
				default -> throw new IllegalArgumentException("adapter.data: unknown set " + set);
			};
			part.forEach((r) -> rows.add(new Labelled(r.text(), set.strip() + "/" + r.label())));
		}
		System.out.println("adapter training rows: " + rows.size());
		return rows;
	}

	/**
	 * Trains the adapter.
	 * @param vectors the utterances' embeddings
	 * @param labels their intents (two utterances of one intent are a positive pair)
	 */
	static EmbeddingAdapter train(List<float[]> vectors, List<String> labels, Settings settings) {
		int n = vectors.size();
		int d = vectors.get(0).length;
		int r = settings.rank();
		float[][] x = new float[n][];
		for (int i = 0; i < n; i++) {
			x[i] = VectorMath.normalize(vectors.get(i).clone());
		}
		Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			byLabel.computeIfAbsent(labels.get(i), (k) -> new ArrayList<>()).add(i);
		}
		byLabel.values().removeIf((members) -> members.size() < 2);
		List<String> labelList = new ArrayList<>(byLabel.keySet());
		Map<String, Integer> labelIndex = new HashMap<>();
		labelList.forEach((l) -> labelIndex.put(l, labelIndex.size()));
		SplittableRandom random = new SplittableRandom(settings.seed());
		float[][] u = new float[d][r];
		float[][] v = new float[d][r];
		double scale = 1 / Math.sqrt(d);
		for (int i = 0; i < d; i++) {
			for (int k = 0; k < r; k++) {
				v[i][k] = (float) (gaussian(random) * scale);
			}
		}
		float[][] general = (settings.keep() > 0) ? OutOfDomainCorpus.get().vectors().clone() : new float[0][];
		for (int i = 0; i < general.length; i++) {
			general[i] = VectorMath.normalize(general[i].clone());
		}
		Adam adamU = new Adam(d * r, settings.learningRate());
		Adam adamV = new Adam(d * r, settings.learningRate());
		int b = settings.batch();
		double tau = settings.temperature();
		double lossSum = 0;
		for (int step = 1; step <= settings.steps(); step++) {
			int[] anchor = new int[b];
			int[] positive = new int[b];
			int[] label = new int[b];
			for (int i = 0; i < b; i++) {
				int l = random.nextInt(labelList.size());
				List<Integer> members = byLabel.get(labelList.get(l));
				int a = random.nextInt(members.size());
				int p = random.nextInt(members.size() - 1);
				if (p >= a) {
					p++;
				}
				anchor[i] = members.get(a);
				positive[i] = members.get(p);
				label[i] = l;
			}
			// forward: h = V^T x, y = x + U h, z = y / |y|
			Forward fa = forward(x, anchor, u, v, d, r);
			Forward fp = forward(x, positive, u, v, d, r);
			float[][] gza = new float[b][d];
			float[][] gzp = new float[b][d];
			double loss = 0;
			for (int i = 0; i < b; i++) {
				double[] logits = new double[b];
				double max = Double.NEGATIVE_INFINITY;
				for (int j = 0; j < b; j++) {
					if (j != i && label[j] == label[i]) {
						logits[j] = Double.NEGATIVE_INFINITY;
						continue;
					}
					logits[j] = VectorMath.dot(fa.z[i], fp.z[j]) / tau;
					max = Math.max(max, logits[j]);
				}
				double sum = 0;
				for (int j = 0; j < b; j++) {
					logits[j] = Math.exp(logits[j] - max);
					sum += logits[j];
				}
				loss += -Math.log(logits[i] / sum);
				for (int j = 0; j < b; j++) {
					double g = (logits[j] / sum - ((j == i) ? 1 : 0)) / (b * tau);
					if (g != 0) {
						VectorMath.axpy((float) g, fp.z[j], 0, gza[i], 0, d);
						VectorMath.axpy((float) g, fa.z[i], 0, gzp[j], 0, d);
					}
				}
			}
			lossSum += loss / b;
			float[] gu = new float[d * r];
			float[] gv = new float[d * r];
			backward(x, anchor, fa, gza, u, d, r, gu, gv);
			backward(x, positive, fp, gzp, u, d, r, gu, gv);
			if (settings.keep() > 0) {
				keep(general, random, b, settings.keep(), u, v, d, r, gu, gv);
			}
			adamU.step(u, gu, settings.weightDecay(), r);
			adamV.step(v, gv, settings.weightDecay(), r);
			if (step % 250 == 0) {
				System.out.printf("  step %d loss %.4f%n", step, lossSum / 250);
				lossSum = 0;
			}
		}
		return EmbeddingAdapter.of(u, v);
	}

	private record Forward(float[][] h, float[][] z, double[] norm) {
	}

	/**
	 * Adds the gradient of {@code keep} times the mean squared change of the cosine of
	 * random pairs of general questions (the bundled out-of-domain corpus): what keeps
	 * the space outside the training intents as it was.
	 */
	private static void keep(float[][] general, SplittableRandom random, int b, double weight, float[][] u, float[][] v,
			int d, int r, float[] gu, float[] gv) {
		int[] first = new int[b];
		int[] second = new int[b];
		for (int i = 0; i < b; i++) {
			first[i] = random.nextInt(general.length);
			second[i] = random.nextInt(general.length);
		}
		Forward f1 = forward(general, first, u, v, d, r);
		Forward f2 = forward(general, second, u, v, d, r);
		float[][] g1 = new float[b][d];
		float[][] g2 = new float[b][d];
		for (int i = 0; i < b; i++) {
			double before = VectorMath.dot(general[first[i]], general[second[i]]);
			double after = VectorMath.dot(f1.z[i], f2.z[i]);
			float g = (float) (2 * weight * (after - before) / b);
			VectorMath.axpy(g, f2.z[i], 0, g1[i], 0, d);
			VectorMath.axpy(g, f1.z[i], 0, g2[i], 0, d);
		}
		backward(general, first, f1, g1, u, d, r, gu, gv);
		backward(general, second, f2, g2, u, d, r, gu, gv);
	}

	private static Forward forward(float[][] x, int[] rows, float[][] u, float[][] v, int d, int r) {
		int b = rows.length;
		float[][] h = new float[b][r];
		float[][] z = new float[b][];
		double[] norm = new double[b];
		for (int i = 0; i < b; i++) {
			float[] xi = x[rows[i]];
			for (int k = 0; k < d; k++) {
				VectorMath.axpy(xi[k], v[k], 0, h[i], 0, r);
			}
			float[] y = xi.clone();
			for (int k = 0; k < d; k++) {
				y[k] += VectorMath.dot(u[k], h[i]);
			}
			norm[i] = Math.sqrt(VectorMath.dot(y, y));
			for (int k = 0; k < d; k++) {
				y[k] /= (float) norm[i];
			}
			z[i] = y;
		}
		return new Forward(h, z, norm);
	}

	/** Adds the gradients of U and V for the given rows' gradients on z. */
	private static void backward(float[][] x, int[] rows, Forward f, float[][] gz, float[][] u, int d, int r,
			float[] gu, float[] gv) {
		for (int i = 0; i < rows.length; i++) {
			float[] z = f.z[i];
			float dot = VectorMath.dot(z, gz[i]);
			float[] gy = new float[d];
			for (int k = 0; k < d; k++) {
				gy[k] = (float) ((gz[i][k] - z[k] * dot) / f.norm[i]);
			}
			float[] gh = new float[r];
			for (int k = 0; k < d; k++) {
				VectorMath.axpy(gy[k], f.h[i], 0, gu, k * r, r);
				VectorMath.axpy(gy[k], u[k], 0, gh, 0, r);
			}
			float[] xi = x[rows[i]];
			for (int k = 0; k < d; k++) {
				VectorMath.axpy(xi[k], gh, 0, gv, k * r, r);
			}
		}
	}

	private static double gaussian(SplittableRandom random) {
		double u1 = 1 - random.nextDouble();
		double u2 = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** Adam over a d x r matrix stored as rows, with L2 weight decay. */
	private static final class Adam {

		private final float[] m;

		private final float[] s;

		private final double rate;

		private int t;

		Adam(int size, double rate) {
			this.m = new float[size];
			this.s = new float[size];
			this.rate = rate;
		}

		void step(float[][] w, float[] g, double decay, int r) {
			this.t++;
			double c1 = 1 - Math.pow(0.9, this.t);
			double c2 = 1 - Math.pow(0.999, this.t);
			for (int i = 0; i < g.length; i++) {
				float[] row = w[i / r];
				int k = i % r;
				double grad = g[i] + decay * row[k];
				this.m[i] = (float) (0.9 * this.m[i] + 0.1 * grad);
				this.s[i] = (float) (0.999 * this.s[i] + 0.001 * grad * grad);
				row[k] -= (float) (this.rate * (this.m[i] / c1) / (Math.sqrt(this.s[i] / c2) + 1e-8));
			}
		}

	}

}
