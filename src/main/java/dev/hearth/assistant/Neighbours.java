package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.knowledge.Vectors;

/**
 * Settles the router's choice between two neighbouring FAQ entries by their own texts.
 * Neighbours are entries about the same thing that differ in one respect, often a
 * direction: keeping one's number when joining and when leaving. Their phrasings share
 * most words, so the router learns the difference from the few words one side happens to
 * use ("switch my number to another network" teaches it that "switch" means leaving, and
 * "can I keep my phone number if I switch to you" goes to the code for leaving). The
 * entry's question and answer are what the company wrote to say what the entry is for:
 * when the runner-up holds a real share of the router's probability ({@link #MIN_SHARE}
 * of the best's) and the question's embedding is clearly closer to the runner-up's
 * question and answer together (by {@link #MARGIN}), the runner-up is ranked first. Far
 * from a tie the router's ranking stands. Thread-safe when the embedding function and the
 * entry lookup are.
 */
final class Neighbours {

	/** The runner-up's least probability, as a share of the best candidate's. */
	static final double MIN_SHARE = 0.5;

	/**
	 * How much closer the runner-up's question and answer (the sum of both cosine
	 * similarities) must be to the question than the best candidate's.
	 */
	static final double MARGIN = 0.2;

	private final Function<String, Optional<FaqEntry>> entries;

	private final Function<String, float[]> embeddings;

	private final double minShare;

	private final double margin;

	/**
	 * @param entries looks an FAQ entry up by id
	 * @param embeddings embeds a knowledge-base text (the model the question was embedded
	 * with)
	 */
	Neighbours(Function<String, Optional<FaqEntry>> entries, Function<String, float[]> embeddings, double minShare,
			double margin) {
		if (!(minShare > 0 && minShare <= 1)) {
			throw new IllegalArgumentException("minShare must be above 0 and at most 1, got " + minShare);
		}
		this.entries = entries;
		this.embeddings = embeddings;
		this.minShare = minShare;
		this.margin = margin;
	}

	/**
	 * The candidates with the runner-up first when its own texts answer the question
	 * clearly better than the best candidate's; otherwise {@code ranked} itself.
	 * @param vector the question's embedding
	 * @param ranked the router's candidates, best first
	 */
	List<Answer.Candidate> settle(float[] vector, List<Answer.Candidate> ranked) {
		if (vector == null || vector.length == 0 || ranked.size() < 2) {
			return ranked;
		}
		Answer.Candidate best = ranked.get(0);
		Answer.Candidate second = ranked.get(1);
		if (!(second.probability() > 0) || second.probability() < this.minShare * best.probability()) {
			return ranked;
		}
		Optional<FaqEntry> first = this.entries.apply(best.faqId());
		Optional<FaqEntry> runnerUp = this.entries.apply(second.faqId());
		if (first.isEmpty() || runnerUp.isEmpty() || !first.get().language().equals(runnerUp.get().language())) {
			return ranked;
		}
		if (closeness(vector, runnerUp.get()) < closeness(vector, first.get()) + this.margin) {
			return ranked;
		}
		List<Answer.Candidate> settled = new ArrayList<>(ranked);
		settled.set(0, new Answer.Candidate(second.faqId(), best.probability()));
		settled.set(1, new Answer.Candidate(best.faqId(), second.probability()));
		return List.copyOf(settled);
	}

	private double closeness(float[] vector, FaqEntry entry) {
		return Vectors.cosine(vector, this.embeddings.apply(entry.question()))
				+ Vectors.cosine(vector, this.embeddings.apply(entry.answer()));
	}

}
