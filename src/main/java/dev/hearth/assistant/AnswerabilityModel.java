package dev.hearth.assistant;

import java.util.List;

/**
 * Whether an extracted span answers the question, as a logistic regression over its
 * {@link SpanFeatures}: the probability is {@code 1 / (1 + e^-(bias + weights · x))} and
 * the span answers when it reaches {@code threshold}. The weights are fitted on doc2dial
 * questions with generated negatives and on the sample's document questions
 * ({@code AnswerabilityFit}, docs/adr/0025) and shipped as configuration
 * ({@code hearth.assistant.answer.answerability}). The name, number and kind-of-fact
 * checks of {@link Answerability} still apply before it. Thread-safe: immutable.
 */
final class AnswerabilityModel {

	/**
	 * The weights, bias and threshold {@code AnswerabilityFit} chose (ADR 0025), which
	 * {@code answerability-model} documents for configuration.
	 */
	static final AnswerabilityModel FITTED = new AnswerabilityModel(
			List.of(1.097, 1.694, 0.155, 5.001, 5.839, -5.238, -0.628, -1.091), -4.416, 0.3);

	private final double[] weights;

	private final double bias;

	private final double threshold;

	/**
	 * @param weights one weight per feature, in {@link SpanFeatures#NAMES} order
	 * @param bias the intercept
	 * @param threshold the least probability that answers, between 0 and 1
	 */
	AnswerabilityModel(List<Double> weights, double bias, double threshold) {
		if (weights == null || weights.size() != SpanFeatures.NAMES.size()) {
			throw new IllegalArgumentException("answerability weights must be " + SpanFeatures.NAMES.size()
					+ " numbers (" + String.join(", ", SpanFeatures.NAMES) + "), got "
					+ ((weights == null) ? "none" : weights.size()));
		}
		if (!(threshold > 0 && threshold < 1)) {
			throw new IllegalArgumentException("answerability threshold must be between 0 and 1, got " + threshold);
		}
		this.weights = weights.stream().mapToDouble(Double::doubleValue).toArray();
		for (double weight : this.weights) {
			if (!Double.isFinite(weight)) {
				throw new IllegalArgumentException("answerability weights must be finite numbers, got " + weights);
			}
		}
		if (!Double.isFinite(bias)) {
			throw new IllegalArgumentException("answerability bias must be a finite number, got " + bias);
		}
		this.bias = bias;
		this.threshold = threshold;
	}

	/** The probability that the span answers. */
	double probability(SpanFeatures features) {
		double[] x = features.values();
		double z = this.bias;
		for (int i = 0; i < x.length; i++) {
			z += this.weights[i] * x[i];
		}
		return 1 / (1 + Math.exp(-z));
	}

	boolean answers(SpanFeatures features) {
		return probability(features) >= this.threshold;
	}

}
