package dev.hearth.assistant.router;

import java.util.List;

/**
 * Temperature scaling (Guo et al., 2017): one number that divides every logit, chosen to
 * minimise the negative log-likelihood on held-out examples. It changes how sure the
 * router is, never what it ranks first. Also the expected calibration error used by the
 * checks.
 */
final class Calibration {

	static final double MIN_TEMPERATURE = 0.05;

	static final double MAX_TEMPERATURE = 20;

	private Calibration() {
	}

	/** The temperature with the least mean NLL; 1 when there is nothing to fit on. */
	static double fitTemperature(List<float[]> logits, int[] targets) {
		if (logits.isEmpty()) {
			return 1;
		}
		double lo = Math.log(MIN_TEMPERATURE);
		double hi = Math.log(MAX_TEMPERATURE);
		double golden = (Math.sqrt(5) - 1) / 2;
		double a = hi - golden * (hi - lo);
		double b = lo + golden * (hi - lo);
		double fa = nll(logits, targets, Math.exp(a));
		double fb = nll(logits, targets, Math.exp(b));
		for (int i = 0; i < 60; i++) {
			if (fa <= fb) {
				hi = b;
				b = a;
				fb = fa;
				a = hi - golden * (hi - lo);
				fa = nll(logits, targets, Math.exp(a));
			}
			else {
				lo = a;
				a = b;
				fa = fb;
				b = lo + golden * (hi - lo);
				fb = nll(logits, targets, Math.exp(b));
			}
		}
		return Math.exp((lo + hi) / 2);
	}

	/** Mean negative log-likelihood of the targets at a temperature. */
	static double nll(List<float[]> logits, int[] targets, double temperature) {
		double sum = 0;
		for (int i = 0; i < targets.length; i++) {
			double[] p = VectorMath.softmax(logits.get(i), temperature);
			sum -= Math.log(Math.max(p[targets[i]], 1e-12));
		}
		return sum / targets.length;
	}

	/**
	 * Expected calibration error over 15 equal-width bins: the confidence-weighted gap
	 * between how sure the router was and how often it was right.
	 */
	static double expectedCalibrationError(double[] confidence, boolean[] correct) {
		int bins = 15;
		double[] sumConfidence = new double[bins];
		double[] sumCorrect = new double[bins];
		int[] count = new int[bins];
		for (int i = 0; i < confidence.length; i++) {
			int bin = Math.min(bins - 1, (int) (confidence[i] * bins));
			sumConfidence[bin] += confidence[i];
			sumCorrect[bin] += correct[i] ? 1 : 0;
			count[bin]++;
		}
		double ece = 0;
		for (int bin = 0; bin < bins; bin++) {
			if (count[bin] > 0) {
				ece += Math.abs(sumConfidence[bin] - sumCorrect[bin]) / confidence.length;
			}
		}
		return ece;
	}

}
