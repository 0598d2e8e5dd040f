package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How close a question comes to each FAQ entry by three views, fused into one absolute
 * score: the cosine similarity to the entry's nearest phrasing
 * ({@link NearestPhrasings}), the cosine similarity to the embedding of its answer's
 * opening, and the share of the question's BM25 weight its phrasings and answer cover
 * ({@link EntryTerms}). Each view is an absolute number, so the weighted sum is one too,
 * and one threshold means the same for every question. Immutable and thread-safe.
 */
final class EntryScores {

	/**
	 * The weights of the views: the nearest phrasing weighs 1, the answer's opening and
	 * the terms as given.
	 *
	 * @param answer the weight of the similarity to the answer's opening
	 * @param terms the weight of the BM25 share
	 * @param questionTerms the weight of the BM25 share of the entry's phrasings alone (0
	 * in Hearth: measured, ADR 0017)
	 * @param sentences the weight of the similarity to the nearest answer sentence (0 in
	 * Hearth: measured, ADR 0017)
	 */
	record Weights(double answer, double terms, double sentences, double questionTerms) {

		/** Chosen by measurement ({@code docs/adr/0009-hybrid-faq-matching.md}). */
		static final Weights DEFAULT = new Weights(0.25, 0.25);

		Weights {
			if (!(answer >= 0 && terms >= 0 && sentences >= 0 && questionTerms >= 0)) {
				throw new IllegalArgumentException("weights must be at least 0, got " + answer + ", " + terms + ", "
						+ sentences + " and " + questionTerms);
			}
		}

		/**
		 * These weights with the answer sentences' view at {@link #SENTENCES} (ADR 0017:
		 * with the margin-aware score).
		 */
		Weights withSentences() {
			return new Weights(this.answer, this.terms, SENTENCES, this.questionTerms);
		}

		/** The answer sentences' weight where they are used, chosen by measurement. */
		static final double SENTENCES = 0.25;

		/** Without the question-only BM25 view. */
		Weights(double answer, double terms, double sentences) {
			this(answer, terms, sentences, 0);
		}

		/** Without the answer sentences' view. */
		Weights(double answer, double terms) {
			this(answer, terms, 0);
		}

	}

	private final NearestPhrasings nearest;

	private final EntryTerms terms;

	/** The entries' phrasings alone: how an entry looks with its answer hidden. */
	private final EntryTerms questionTerms;

	/** Per entry (in the order of {@link NearestPhrasings#labels()}), or null. */
	private final float[][] answers;

	private final Weights weights;

	private final double total;

	/** Per entry, its answer sentences' unit vectors (empty without). */
	private final float[][][] sentences;

	private EntryScores(NearestPhrasings nearest, EntryTerms terms, EntryTerms questionTerms, float[][] answers,
			float[][][] sentences, Weights weights) {
		this.sentences = sentences;
		this.nearest = nearest;
		this.terms = terms;
		this.questionTerms = questionTerms;
		this.answers = answers;
		this.weights = weights;
		boolean anyAnswer = false;
		for (float[] answer : answers) {
			anyAnswer |= answer != null;
		}
		boolean anySentence = false;
		for (float[][] entry : sentences) {
			anySentence |= entry.length > 0;
		}
		this.total = 1 + (anyAnswer ? weights.answer() : 0) + weights.terms() + (anySentence ? weights.sentences() : 0)
				+ weights.questionTerms();
	}

	/**
	 * Indexes the entries' phrasings and answers.
	 * @param answers answers by entry; entries without one are matched by their phrasings
	 * @throws IllegalArgumentException if an answer's vector has another dimension than
	 * the phrasings'
	 */
	static EntryScores of(List<TrainingExample> examples, List<EntryAnswer> answers, Weights weights) {
		return of(examples, answers, List.of(), weights);
	}

	/**
	 * As {@link #of(List, List, Weights)}, with the answers' sentences as a view when
	 * {@link Weights#sentences()} is above 0.
	 */
	static EntryScores of(List<TrainingExample> examples, List<EntryAnswer> answers,
			List<PseudoQuestion> answerSentences, Weights weights) {
		return of(examples, answers, answerSentences, weights, EmbeddingAdapter.identity());
	}

	/**
	 * As {@link #of(List, List, List, Weights)}, every similarity taken between vectors
	 * mapped by the adapter (phrasings, answers, answer sentences and questions alike).
	 * @throws IllegalArgumentException if the adapter maps another dimension than the
	 * phrasings'
	 */
	static EntryScores of(List<TrainingExample> examples, List<EntryAnswer> answers,
			List<PseudoQuestion> answerSentences, Weights weights, EmbeddingAdapter adapter) {
		NearestPhrasings nearest = NearestPhrasings.of(examples, adapter);
		Map<String, EntryAnswer> byLabel = new HashMap<>();
		answers.forEach((answer) -> byLabel.put(answer.label(), answer));
		Map<String, StringBuilder> texts = new HashMap<>();
		examples.forEach((example) -> texts.computeIfAbsent(example.label(), (l) -> new StringBuilder())
			.append(example.text())
			.append('\n'));
		List<String> entryTexts = new ArrayList<>();
		List<String> questionTexts = new ArrayList<>();
		List<String> languages = new ArrayList<>();
		float[][] vectors = new float[nearest.labels().size()][];
		for (int i = 0; i < nearest.labels().size(); i++) {
			String label = nearest.labels().get(i);
			EntryAnswer answer = byLabel.get(label);
			entryTexts.add(texts.get(label) + ((answer != null) ? answer.text() : ""));
			questionTexts.add(texts.get(label).toString());
			languages.add((answer != null) ? answer.language() : null);
			if (answer != null && answer.vectorView() != null) {
				if (answer.vectorView().length != nearest.dimensions()) {
					throw new IllegalArgumentException("the answer of " + label + " has a " + answer.vectorView().length
							+ "-dimensional vector, the phrasings have " + nearest.dimensions());
				}
				vectors[i] = adapter.apply(answer.vectorView());
			}
		}
		Map<String, List<float[]>> byEntry = new HashMap<>();
		if (weights.sentences() > 0) {
			answerSentences.forEach((q) -> byEntry.computeIfAbsent(q.label(), (l) -> new ArrayList<>())
				.add(adapter.apply(q.vectorView())));
		}
		float[][][] sentences = new float[nearest.labels().size()][][];
		for (int i = 0; i < sentences.length; i++) {
			sentences[i] = byEntry.getOrDefault(nearest.labels().get(i), List.of()).toArray(new float[0][]);
		}
		return new EntryScores(nearest, EntryTerms.of(entryTexts, languages), EntryTerms.of(questionTexts, languages),
				vectors, sentences, weights);
	}

	NearestPhrasings nearest() {
		return this.nearest;
	}

	/** For each entry, its fused score in [-1, 1] (the weighted mean of the views). */
	double[] scores(String text, float[] vector) {
		return scores(text, vector, -1, -1, false);
	}

	/**
	 * As {@link #scores(String, float[])}, leaving out one phrasing and one entry (-1 for
	 * none), and, with {@code answerOnly}, every phrasing: how calibration asks about
	 * what the index would not know.
	 */
	double[] scores(String text, float[] vector, int skipPhrasing, int skipEntry, boolean answerOnly) {
		return views(text, vector, skipPhrasing, skipEntry, -1, answerOnly).fused();
	}

	/**
	 * Every view of every entry for a question, leaving out one phrasing and one entry
	 * (-1 for none) and hiding one entry's answer (-1 for none): how calibration asks an
	 * answer's own sentence as if a customer had, against the entry's question alone.
	 */
	Views views(String text, float[] vector, int skipPhrasing, int skipEntry, int hideAnswer, boolean answerOnly) {
		Checks.requireVector(vector, "vector");
		if (vector.length != this.nearest.dimensions()) {
			throw new IllegalArgumentException(
					"vector has " + vector.length + " dimensions; the FAQ phrasings have " + this.nearest.dimensions());
		}
		float[] query = this.nearest.adapter().apply(vector);
		double[] phrasing = this.nearest.adaptedSimilarities(query, skipPhrasing, skipEntry);
		double[] terms = this.terms.scores(text, skipEntry);
		double[] questionOnly = (this.weights.questionTerms() > 0) ? this.questionTerms.scores(text, skipEntry)
				: new double[phrasing.length];
		if (hideAnswer >= 0) {
			terms[hideAnswer] = this.questionTerms.scores(text, skipEntry)[hideAnswer];
		}
		double[] fused = new double[phrasing.length];
		for (int i = 0; i < fused.length; i++) {
			if (i == skipEntry) {
				fused[i] = -1;
				continue;
			}
			double answer = (this.answers[i] != null && i != hideAnswer) ? VectorMath.dot(query, this.answers[i]) : 0;
			double sentence = 0;
			if (i != hideAnswer) {
				for (float[] s : this.sentences[i]) {
					sentence = Math.max(sentence, VectorMath.dot(query, s));
				}
			}
			double closest = answerOnly ? 0 : Math.max(0, phrasing[i]);
			fused[i] = (closest + this.weights.answer() * answer + this.weights.terms() * terms[i]
					+ this.weights.sentences() * sentence + this.weights.questionTerms() * questionOnly[i])
					/ this.total;
		}
		return new Views(fused, phrasing, terms);
	}

	/**
	 * One question's scores per entry.
	 *
	 * @param fused the fused score
	 * @param dense the nearest-phrasing similarity (-1 for a left-out entry)
	 * @param terms the BM25 share
	 */
	record Views(double[] fused, double[] dense, double[] terms) {
	}

}
