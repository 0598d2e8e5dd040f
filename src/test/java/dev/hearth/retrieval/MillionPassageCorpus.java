package dev.hearth.retrieval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import dev.hearth.retrieval.BitextData.Utterance;

/**
 * A large synthetic knowledge base of document chunks made from real sentences and their
 * real embeddings, generated on the fly so that a million passages never sit in memory:
 * passage {@code p} joins three to six Bitext utterances drawn by a generator seeded with
 * {@code p}, and its vector is the mean of their embeddings (the method of
 * {@link CorpusBench}, whose 100,000 passages it extends). The utterances used as queries
 * are held out. Any passage can be regenerated alone, which lets exact search stream over
 * the corpus. For the benchmark only; not thread-safe.
 */
final class MillionPassageCorpus {

	private static final String[] PRODUCTS = { "fibre", "dsl", "mobile", "tv", "energy" };

	private final List<Utterance> data;

	private final float[][] vectors;

	private final int[] sentences;

	private final List<Integer> queries;

	private final long seed;

	private final int size;

	private final int dimensions;

	MillionPassageCorpus(List<Utterance> data, float[][] vectors, long seed, int size, int queries) {
		this.data = data;
		this.vectors = vectors;
		this.seed = seed;
		this.size = size;
		this.dimensions = vectors[0].length;
		List<Integer> shuffled = new ArrayList<>(IntStream.range(0, data.size()).boxed().toList());
		Collections.shuffle(shuffled, new Random(seed));
		this.queries = List.copyOf(shuffled.subList(0, queries));
		this.sentences = shuffled.subList(queries, shuffled.size()).stream().mapToInt(Integer::intValue).toArray();
	}

	int size() {
		return this.size;
	}

	int dimensions() {
		return this.dimensions;
	}

	/** Indexes of the held-out utterances that serve as queries. */
	List<Integer> queries() {
		return this.queries;
	}

	Utterance utterance(int index) {
		return this.data.get(index);
	}

	float[] vector(int index) {
		return this.vectors[index];
	}

	/** Passage {@code p}, the same on every call. */
	IndexedPassage passage(int p) {
		SplittableRandom random = new SplittableRandom(this.seed * 1_000_003L + p);
		int count = 3 + random.nextInt(4);
		StringBuilder text = new StringBuilder();
		float[] mean = new float[this.dimensions];
		for (int s = 0; s < count; s++) {
			int sentence = this.sentences[random.nextInt(this.sentences.length)];
			text.append((s == 0) ? "" : " ").append(this.data.get(sentence).text());
			float[] vector = this.vectors[sentence];
			for (int d = 0; d < this.dimensions; d++) {
				mean[d] += vector[d] / count;
			}
		}
		String audience = audience(p);
		String documentId = "doc-" + (p / 8);
		return new IndexedPassage("p" + p, documentId, "p" + p, PassageKind.DOCUMENT_CHUNK, "bench",
				"Document " + documentId, "", text.toString(), text.toString(), "en",
				Map.of("audience", List.of(audience), "product", List.of(PRODUCTS[random.nextInt(PRODUCTS.length)])),
				"https://kb.example/" + documentId, mean);
	}

	/** 70% customer, 25% agent, 5% partner. */
	String audience(int p) {
		double draw = new SplittableRandom(this.seed * 7_919L + p).nextDouble();
		return (draw < 0.70) ? "customer" : (draw < 0.95) ? "agent" : "partner";
	}

	/** Every passage in order, generated as it is consumed. */
	Iterator<IndexedPassage> iterator() {
		return new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return this.next < MillionPassageCorpus.this.size;
			}

			@Override
			public IndexedPassage next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return passage(this.next++);
			}

		};
	}

}
