package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a text and its embedding into {@link Features}: the embedding scaled by the
 * embedding weight, and the text's n-grams ({@link Ngrams}) that the training texts had
 * often enough, weighted by sublinear term frequency times inverse document frequency,
 * normalised to unit length and scaled by the lexical weight. Immutable and thread-safe.
 */
final class Featurizer {

	final int dimensions;

	final float embeddingWeight;

	final float lexicalWeight;

	final int charMin;

	final int charMax;

	/** Sorted n-gram hashes of the vocabulary; column i is {@code hashes[i]}. */
	final int[] hashes;

	final float[] idf;

	private final int[] table;

	private final int mask;

	Featurizer(int dimensions, float embeddingWeight, float lexicalWeight, int charMin, int charMax, int[] hashes,
			float[] idf) {
		this.dimensions = dimensions;
		this.embeddingWeight = embeddingWeight;
		this.lexicalWeight = lexicalWeight;
		this.charMin = charMin;
		this.charMax = charMax;
		this.hashes = hashes;
		this.idf = idf;
		int size = Integer.highestOneBit(Math.max(4, hashes.length * 2)) * 2;
		this.table = new int[size * 2];
		this.mask = size - 1;
		for (int column = 0; column < hashes.length; column++) {
			int slot = slot(hashes[column]);
			while (this.table[slot * 2] != 0) {
				slot = (slot + 1) & this.mask;
			}
			this.table[slot * 2] = hashes[column];
			this.table[slot * 2 + 1] = column;
		}
	}

	/**
	 * A vocabulary of the n-grams found in at least {@code minDocumentFrequency} texts,
	 * at most {@code maxFeatures} of the most frequent.
	 */
	static Featurizer fit(List<String> texts, int dimensions, RouterSettings settings) {
		if (settings.lexicalWeight() == 0) {
			return new Featurizer(dimensions, (float) settings.embeddingWeight(), 0, settings.charNgramMin(),
					settings.charNgramMax(), new int[0], new float[0]);
		}
		Map<Integer, int[]> frequencies = new HashMap<>();
		for (String text : texts) {
			int[] grams = Ngrams.hashes(text, settings.charNgramMin(), settings.charNgramMax());
			for (int i = 0; i < grams.length; i++) {
				if (i == 0 || grams[i] != grams[i - 1]) {
					frequencies.computeIfAbsent(grams[i], (key) -> new int[1])[0]++;
				}
			}
		}
		List<int[]> kept = new ArrayList<>();
		frequencies.forEach((hash, df) -> {
			if (df[0] >= settings.minDocumentFrequency()) {
				kept.add(new int[] { hash, df[0] });
			}
		});
		kept.sort((a, b) -> (a[1] != b[1]) ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
		List<int[]> vocabulary = kept.subList(0, Math.min(kept.size(), settings.maxLexicalFeatures()));
		vocabulary.sort((a, b) -> Integer.compare(a[0], b[0]));
		int[] hashes = new int[vocabulary.size()];
		float[] idf = new float[vocabulary.size()];
		for (int i = 0; i < hashes.length; i++) {
			hashes[i] = vocabulary.get(i)[0];
			idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + vocabulary.get(i)[1])) + 1);
		}
		return new Featurizer(dimensions, (float) settings.embeddingWeight(), (float) settings.lexicalWeight(),
				settings.charNgramMin(), settings.charNgramMax(), hashes, idf);
	}

	int denseSize() {
		return (this.embeddingWeight == 0) ? 0 : this.dimensions;
	}

	int sparseSize() {
		return this.hashes.length;
	}

	Features features(String text, float[] vector) {
		float[] dense = new float[denseSize()];
		for (int i = 0; i < dense.length; i++) {
			dense[i] = vector[i] * this.embeddingWeight;
		}
		if (this.hashes.length == 0) {
			return new Features(dense, new int[0], new float[0]);
		}
		int[] grams = Ngrams.hashes(text, this.charMin, this.charMax);
		int[] columns = new int[grams.length];
		float[] values = new float[grams.length];
		int count = 0;
		double norm = 0;
		for (int i = 0; i < grams.length;) {
			int j = i;
			while (j < grams.length && grams[j] == grams[i]) {
				j++;
			}
			int column = column(grams[i]);
			if (column >= 0) {
				float value = (float) ((1 + Math.log(j - i)) * this.idf[column]);
				columns[count] = column;
				values[count++] = value;
				norm += value * value;
			}
			i = j;
		}
		if (count > 0) {
			float scale = (float) (this.lexicalWeight / Math.sqrt(norm));
			for (int i = 0; i < count; i++) {
				values[i] *= scale;
			}
		}
		return new Features(dense, Arrays.copyOf(columns, count), Arrays.copyOf(values, count));
	}

	private int column(int hash) {
		int slot = slot(hash);
		while (true) {
			int key = this.table[slot * 2];
			if (key == hash) {
				return this.table[slot * 2 + 1];
			}
			if (key == 0) {
				return -1;
			}
			slot = (slot + 1) & this.mask;
		}
	}

	private int slot(int hash) {
		return (hash * 0x9E3779B9 >>> 7) & this.mask;
	}

}
