package dev.hearth.assistant.router;

/**
 * The few loops the router spends its time in, written so the JIT can unroll and
 * vectorise them.
 */
final class VectorMath {

	private VectorMath() {
	}

	/** {@code y[yOffset..] += scale * x[xOffset..]} over {@code length} elements. */
	static void axpy(float scale, float[] x, int xOffset, float[] y, int yOffset, int length) {
		for (int i = 0; i < length; i++) {
			y[yOffset + i] += scale * x[xOffset + i];
		}
	}

	static float dot(float[] a, float[] b) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		int n = a.length;
		for (; i + 3 < n; i += 4) {
			s0 += a[i] * b[i];
			s1 += a[i + 1] * b[i + 1];
			s2 += a[i + 2] * b[i + 2];
			s3 += a[i + 3] * b[i + 3];
		}
		for (; i < n; i++) {
			s0 += a[i] * b[i];
		}
		return (s0 + s1) + (s2 + s3);
	}

	/** Scales to unit length in place; a zero vector stays zero. */
	static float[] normalize(float[] v) {
		double norm = Math.sqrt(dot(v, v));
		if (norm > 0) {
			float inverse = (float) (1 / norm);
			for (int i = 0; i < v.length; i++) {
				v[i] *= inverse;
			}
		}
		return v;
	}

	/** Softmax of {@code logits / temperature} in place, as doubles. */
	static double[] softmax(float[] logits, double temperature) {
		double max = Double.NEGATIVE_INFINITY;
		for (float z : logits) {
			max = Math.max(max, z / temperature);
		}
		double[] p = new double[logits.length];
		double sum = 0;
		for (int c = 0; c < logits.length; c++) {
			p[c] = Math.exp(logits[c] / temperature - max);
			sum += p[c];
		}
		for (int c = 0; c < p.length; c++) {
			p[c] /= sum;
		}
		return p;
	}

	/**
	 * Rounds every element to the nearest IEEE half-precision value (about 3 significant
	 * digits), in place, so that the weights survive {@link RouterFormat} exactly.
	 */
	static void roundToHalf(float[] values) {
		for (int i = 0; i < values.length; i++) {
			values[i] = Float.float16ToFloat(Float.floatToFloat16(values[i]));
		}
	}

}
