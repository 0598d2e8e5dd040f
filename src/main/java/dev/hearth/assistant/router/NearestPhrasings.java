package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every phrasing of every FAQ entry as a unit vector, to find how close a question comes
 * to each entry: the cosine similarity of its embedding to the entry's nearest phrasing.
 * Unlike a classifier's probability this does not shrink when entries resemble each
 * other, so it says whether a question is about an entry at all, and it needs no second
 * phrasing to learn from. Immutable and thread-safe; a query costs one dot product per
 * phrasing.
 */
public final class NearestPhrasings {

	private final List<String> labels;

	private final int[] owner;

	private final float[][] unit;

	/** The phrasings in the adapted space (the same arrays as {@link #unit} without). */
	private final float[][] adapted;

	private final EmbeddingAdapter adapter;

	private NearestPhrasings(List<String> labels, int[] owner, float[][] unit, EmbeddingAdapter adapter) {
		this.labels = labels;
		this.owner = owner;
		this.unit = unit;
		this.adapter = adapter;
		if (adapter.isIdentity()) {
			this.adapted = unit;
		}
		else {
			this.adapted = new float[unit.length][];
			for (int i = 0; i < unit.length; i++) {
				this.adapted[i] = adapter.apply(unit[i]);
			}
		}
	}

	/**
	 * Indexes the phrasings.
	 * @throws IllegalArgumentException if there are none or their vectors differ in
	 * dimension
	 */
	public static NearestPhrasings of(List<TrainingExample> examples) {
		return of(examples, EmbeddingAdapter.identity());
	}

	/**
	 * Indexes the phrasings; similarities are taken between vectors mapped by the
	 * adapter.
	 * @throws IllegalArgumentException if there are none, their vectors differ in
	 * dimension or the adapter maps another dimension
	 */
	static NearestPhrasings of(List<TrainingExample> examples, EmbeddingAdapter adapter) {
		Checks.requireNonNull(examples, "examples");
		Checks.requireNonNull(adapter, "adapter");
		if (examples.isEmpty()) {
			throw new IllegalArgumentException("examples must not be empty");
		}
		List<String> labels = List.copyOf(new TreeSet<>(examples.stream().map(TrainingExample::label).toList()));
		Map<String, Integer> index = new LinkedHashMap<>();
		labels.forEach((label) -> index.put(label, index.size()));
		int dimensions = examples.get(0).vectorView().length;
		int[] owner = new int[examples.size()];
		float[][] unit = new float[examples.size()][];
		for (int i = 0; i < examples.size(); i++) {
			TrainingExample example = examples.get(i);
			if (example.vectorView().length != dimensions) {
				throw new IllegalArgumentException("examples[" + i + "] has a " + example.vectorView().length
						+ "-dimensional vector, examples[0] has " + dimensions);
			}
			owner[i] = index.get(example.label());
			unit[i] = VectorMath.normalize(example.vectorView().clone());
		}
		if (!adapter.fits(dimensions)) {
			throw new IllegalArgumentException("the embedding adapter maps " + adapter.dimensions()
					+ "-dimensional vectors, the phrasings have " + dimensions);
		}
		return new NearestPhrasings(labels, owner, unit, adapter);
	}

	/** The entry ids, sorted: the order of {@link #similarities(float[])}. */
	public List<String> labels() {
		return this.labels;
	}

	int dimensions() {
		return this.unit[0].length;
	}

	int size() {
		return this.unit.length;
	}

	int owner(int phrasing) {
		return this.owner[phrasing];
	}

	/** The phrasing's unit vector as embedded (not adapted). */
	float[] phrasing(int phrasing) {
		return this.unit[phrasing];
	}

	EmbeddingAdapter adapter() {
		return this.adapter;
	}

	/**
	 * For each entry, the cosine similarity of the vector to the entry's nearest
	 * phrasing.
	 * @throws IllegalArgumentException if the vector has another dimension
	 */
	public double[] similarities(float[] vector) {
		return similarities(vector, -1, -1);
	}

	/**
	 * As {@link #similarities(float[])}, leaving out one phrasing and one entry (-1 for
	 * none): how calibration asks about a phrasing or entry the index would not know.
	 */
	double[] similarities(float[] vector, int skipPhrasing, int skipEntry) {
		Checks.requireVector(vector, "vector");
		if (vector.length != dimensions()) {
			throw new IllegalArgumentException(
					"vector has " + vector.length + " dimensions; the FAQ phrasings have " + dimensions());
		}
		return adaptedSimilarities(this.adapter.apply(vector), skipPhrasing, skipEntry);
	}

	/**
	 * As {@link #similarities(float[], int, int)} for a query already mapped by
	 * {@link #adapter()} and of unit length.
	 */
	double[] adaptedSimilarities(float[] query, int skipPhrasing, int skipEntry) {
		double[] best = new double[this.labels.size()];
		java.util.Arrays.fill(best, -1);
		for (int i = 0; i < this.unit.length; i++) {
			if (i == skipPhrasing || this.owner[i] == skipEntry) {
				continue;
			}
			double cosine = VectorMath.dot(query, this.adapted[i]);
			if (cosine > best[this.owner[i]]) {
				best[this.owner[i]] = cosine;
			}
		}
		return best;
	}

	/** The entries by similarity, best first, at most {@code top}. */
	static List<Integer> ranked(double[] similarities, int top) {
		List<Integer> order = new ArrayList<>();
		for (int c = 0; c < similarities.length; c++) {
			order.add(c);
		}
		order.sort((a, b) -> Double.compare(similarities[b], similarities[a]));
		return order.subList(0, Math.min(top, order.size()));
	}

}
