package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained FAQ router: maps a customer question (its text and embedding) to the FAQ
 * entries it most likely asks about, with calibrated probabilities, and says how sure it
 * is that the question is in scope at all. Made by {@link RouterTrainer}, stored with
 * {@link #serialize()}. Immutable and thread-safe; a prediction takes microseconds.
 */
public final class TrainedRouter {

	static final int TOP = 5;

	private final List<String> labels;

	private final boolean background;

	private final Featurizer featurizer;

	private final LinearModel model;

	private final double temperature;

	private final double suggestedThreshold;

	private final Map<String, Double> checks;

	TrainedRouter(List<String> labels, boolean background, Featurizer featurizer, LinearModel model, double temperature,
			double suggestedThreshold, Map<String, Double> checks) {
		this.labels = List.copyOf(labels);
		this.background = background;
		this.featurizer = featurizer;
		this.model = model;
		this.temperature = temperature;
		this.suggestedThreshold = suggestedThreshold;
		this.checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
	}

	/**
	 * The FAQ entries most likely meant by a question.
	 * @param text the customer's question
	 * @param vector its embedding, by the model the router was trained with
	 * @return at most 5 entries, best first, and the confidence that the question is in
	 * scope
	 * @throws IllegalArgumentException if the vector has another dimension than the
	 * training examples had
	 */
	public RouterPrediction predict(String text, float[] vector) {
		Checks.requireNonNull(text, "text");
		Checks.requireVector(vector, "vector");
		if (vector.length != this.featurizer.dimensions) {
			throw new IllegalArgumentException(
					"vector has " + vector.length + " dimensions; this router was trained on "
							+ this.featurizer.dimensions + "-dimensional embeddings");
		}
		double[] p = probabilities(text, vector);
		int count = Math.min(TOP, this.labels.size());
		int[] best = new int[count];
		int found = 0;
		for (int c = 0; c < this.labels.size(); c++) {
			int position = found;
			while (position > 0 && p[c] > p[best[position - 1]]) {
				position--;
			}
			if (position < count) {
				System.arraycopy(best, position, best, position + 1, Math.min(found, count - 1) - position);
				best[position] = c;
				found = Math.min(found + 1, count);
			}
		}
		List<ScoredLabel> ranked = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ranked.add(new ScoredLabel(this.labels.get(best[i]), clamp(p[best[i]])));
		}
		return new RouterPrediction(ranked, ranked.get(0).probability());
	}

	/**
	 * Calibrated probabilities of every FAQ entry, then of "out of scope" if trained with
	 * one.
	 */
	double[] probabilities(String text, float[] vector) {
		return VectorMath.softmax(this.model.logits(this.featurizer.features(text, vector)), this.temperature);
	}

	/**
	 * The FAQ entry ids the router knows, in the order of their class indexes (sorted).
	 */
	public List<String> labels() {
		return this.labels;
	}

	/**
	 * The confidence threshold that gave the best accuracy (a correct escalation counting
	 * as correct) on the held-out slice during training, where out-of-scope questions
	 * were the bundled out-of-domain corpus's held-out share. A deployment that has its
	 * own out-of-scope questions should choose its threshold on them.
	 */
	public double suggestedThreshold() {
		return this.suggestedThreshold;
	}

	/**
	 * Held-out metrics from training, measured on the twin trained without the held-out
	 * slice: {@code accuracy} (a correct escalation counting as correct),
	 * {@code inScopeAccuracy}, {@code inScopeTop1}, {@code outOfScopeRecall}, {@code mcc}
	 * (escalate = positive), {@code mrr} and {@code ece} at the suggested threshold;
	 * {@code nll}, {@code temperature}, {@code threshold}, {@code heldOutInScope},
	 * {@code heldOutOutOfScope}, {@code backgroundExamples}, {@code backgroundLeftOut};
	 * and of the router itself {@code lexicalFeatures}, {@code centroidScale},
	 * {@code trainingMillis}.
	 */
	public Map<String, Double> checks() {
		return this.checks;
	}

	/**
	 * This router in Hearth's versioned binary format; see {@link #deserialize(byte[])}.
	 */
	public byte[] serialize() {
		return RouterFormat.write(this);
	}

	/**
	 * Reads a router written by {@link #serialize()}.
	 * @throws IllegalArgumentException if the bytes are not a router, are damaged, or are
	 * of a format version this Hearth does not read
	 */
	public static TrainedRouter deserialize(byte[] bytes) {
		return RouterFormat.read(Checks.requireNonNull(bytes, "bytes"));
	}

	boolean hasBackground() {
		return this.background;
	}

	Featurizer featurizer() {
		return this.featurizer;
	}

	LinearModel model() {
		return this.model;
	}

	double temperature() {
		return this.temperature;
	}

	private static double clamp(double p) {
		return Math.max(0, Math.min(1, p));
	}

}
