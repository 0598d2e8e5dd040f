package dev.hearth.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the BM25 and vector candidate lists into one ranking, then collapses it by
 * group key. Stateless.
 *
 * <p>
 * RRF uses k = 60. The linear blend normalises each list on its own, then adds the
 * weighted values; a passage one retriever did not return counts as that retriever's
 * worst candidate. The normalisation and weight were chosen on a development split of the
 * Bitext data (see {@code docs/adr/0001-hybrid-fusion.md}).
 */
final class ScoreFusion {

	/** The RRF damping constant from Cormack et al. (2009). */
	static final int RRF_K = 60;

	/** How {@link Fusion#LINEAR} normalises each candidate list. */
	static final Normalisation LINEAR_NORMALISATION = Normalisation.MAX;

	/** The weight of BM25 in {@link Fusion#LINEAR}; the vector score gets the rest. */
	static final float LINEAR_BM25_WEIGHT = 0.25f;

	/** Orders fused candidates by score, then by passage id so that ties are stable. */
	static final Comparator<Fused> BY_SCORE = Comparator.comparingDouble(Fused::score)
		.reversed()
		.thenComparing(Fused::id);

	private ScoreFusion() {
	}

	/** How a candidate list's scores are mapped before a linear blend. */
	enum Normalisation {

		/** {@code (s - min) / (max - min)}: the best candidate gets 1, the worst 0. */
		MIN_MAX,

		/** {@code s / max}: keeps the ratio to the best candidate. */
		MAX,

		/** {@code (s - mean) / standard deviation}. */
		Z_SCORE

	}

	/** Fuses with the settings of {@code fusion}; the result is unsorted. */
	static List<Fused> fuse(Fusion fusion, List<Candidate> bm25, List<Candidate> vector) {
		return switch (fusion) {
			case RRF -> rrf(bm25, vector, RRF_K);
			case LINEAR -> linear(bm25, vector, LINEAR_BM25_WEIGHT, LINEAR_NORMALISATION);
			case BM25_ONLY ->
				bm25.stream().map((c) -> new Fused(c.doc(), c.id(), c.groupKey(), c.score(), c.rank(), 0)).toList();
			case VECTOR_ONLY ->
				vector.stream().map((c) -> new Fused(c.doc(), c.id(), c.groupKey(), c.score(), 0, c.rank())).toList();
		};
	}

	static List<Fused> rrf(List<Candidate> bm25, List<Candidate> vector, int k) {
		Map<Integer, Accumulator> byDoc = new LinkedHashMap<>();
		for (Candidate c : bm25) {
			byDoc.computeIfAbsent(c.doc(), (doc) -> new Accumulator(c)).bm25(c, 1.0 / (k + c.rank()));
		}
		for (Candidate c : vector) {
			byDoc.computeIfAbsent(c.doc(), (doc) -> new Accumulator(c)).vector(c, 1.0 / (k + c.rank()));
		}
		return byDoc.values().stream().map(Accumulator::toFused).toList();
	}

	static List<Fused> linear(List<Candidate> bm25, List<Candidate> vector, float bm25Weight,
			Normalisation normalisation) {
		double[] bm25Values = normalise(bm25, normalisation);
		double[] vectorValues = normalise(vector, normalisation);
		double bm25Floor = min(bm25Values);
		double vectorFloor = min(vectorValues);
		Map<Integer, Accumulator> byDoc = new LinkedHashMap<>();
		for (int i = 0; i < bm25.size(); i++) {
			Candidate c = bm25.get(i);
			byDoc.computeIfAbsent(c.doc(), (doc) -> new Accumulator(c)).bm25(c, bm25Weight * bm25Values[i]);
		}
		for (int i = 0; i < vector.size(); i++) {
			Candidate c = vector.get(i);
			byDoc.computeIfAbsent(c.doc(), (doc) -> new Accumulator(c)).vector(c, (1 - bm25Weight) * vectorValues[i]);
		}
		for (Accumulator accumulator : byDoc.values()) {
			if (accumulator.bm25Rank == 0) {
				accumulator.score += bm25Weight * bm25Floor;
			}
			if (accumulator.vectorRank == 0) {
				accumulator.score += (1 - bm25Weight) * vectorFloor;
			}
		}
		return byDoc.values().stream().map(Accumulator::toFused).toList();
	}

	/**
	 * The best {@code topK} candidates after keeping only the best-scored one of each
	 * group, ordered by {@link #BY_SCORE}.
	 */
	static List<Fused> collapse(List<Fused> fused, int topK) {
		List<Fused> sorted = new ArrayList<>(fused);
		sorted.sort(BY_SCORE);
		Set<String> seenGroups = new HashSet<>();
		List<Fused> collapsed = new ArrayList<>(Math.min(topK, sorted.size()));
		for (Fused candidate : sorted) {
			if (collapsed.size() == topK) {
				break;
			}
			if (seenGroups.add(candidate.groupKey())) {
				collapsed.add(candidate);
			}
		}
		return collapsed;
	}

	static double[] normalise(List<Candidate> candidates, Normalisation normalisation) {
		double[] values = new double[candidates.size()];
		if (values.length == 0) {
			return values;
		}
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		double sum = 0;
		for (int i = 0; i < values.length; i++) {
			values[i] = candidates.get(i).score();
			min = Math.min(min, values[i]);
			max = Math.max(max, values[i]);
			sum += values[i];
		}
		double mean = sum / values.length;
		double squares = 0;
		for (double value : values) {
			squares += (value - mean) * (value - mean);
		}
		double deviation = Math.sqrt(squares / values.length);
		for (int i = 0; i < values.length; i++) {
			values[i] = switch (normalisation) {
				case MIN_MAX -> (max > min) ? (values[i] - min) / (max - min) : 1;
				case MAX -> (max > 0) ? values[i] / max : 1;
				case Z_SCORE -> (deviation > 0) ? (values[i] - mean) / deviation : 0;
			};
		}
		return values;
	}

	private static double min(double[] values) {
		double min = 0;
		for (int i = 0; i < values.length; i++) {
			min = (i == 0) ? values[i] : Math.min(min, values[i]);
		}
		return min;
	}

	private static final class Accumulator {

		private final int doc;

		private final String id;

		private final String groupKey;

		private double score;

		private int bm25Rank;

		private int vectorRank;

		Accumulator(Candidate first) {
			this.doc = first.doc();
			this.id = first.id();
			this.groupKey = first.groupKey();
		}

		Accumulator bm25(Candidate candidate, double contribution) {
			this.bm25Rank = candidate.rank();
			this.score += contribution;
			return this;
		}

		Accumulator vector(Candidate candidate, double contribution) {
			this.vectorRank = candidate.rank();
			this.score += contribution;
			return this;
		}

		Fused toFused() {
			return new Fused(this.doc, this.id, this.groupKey, (float) this.score, this.bm25Rank, this.vectorRank);
		}

	}

}
