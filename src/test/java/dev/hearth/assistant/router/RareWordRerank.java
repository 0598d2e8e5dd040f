package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A measured and rejected re-ranking rule (issue 11, branch faqnb): the question's rarest
 * content word (the analysed term of the question that the fewest entries' phrasings and
 * answers hold, at least one) must be in the best entry's text; when it is not, and the
 * runner-up's text holds it and the runner-up scores at least {@code ratio} of the best,
 * either the runner-up is ranked first ({@link Mode#SWAP}) or the question escalates
 * ({@link Mode#ESCALATE}). Applied after any matcher, so it can be measured on the
 * single-phrasing matcher and on the router alike ({@code FaqProtocolsBenchmark},
 * {@code -Dbench.methods=margin,rare-swap,rare-escalate}). Immutable and thread-safe.
 */
final class RareWordRerank {

	enum Mode {

		SWAP, ESCALATE

	}

	private final Map<String, Set<String>> terms = new HashMap<>();

	private final Map<String, Integer> df = new HashMap<>();

	private final String key;

	private final Mode mode;

	private final double ratio;

	RareWordRerank(List<TrainingExample> examples, List<EntryAnswer> answers, Mode mode, double ratio) {
		this.mode = mode;
		this.ratio = ratio;
		this.key = answers.isEmpty() ? "en" : EntryTerms.key(answers.get(0).language());
		for (TrainingExample e : examples) {
			this.terms.computeIfAbsent(e.label(), (l) -> new HashSet<>()).addAll(EntryTerms.terms(this.key, e.text()));
		}
		for (EntryAnswer a : answers) {
			if (this.terms.containsKey(a.label())) {
				this.terms.get(a.label()).addAll(EntryTerms.terms(this.key, a.text()));
			}
		}
		this.terms.values().forEach((set) -> set.forEach((t) -> this.df.merge(t, 1, Integer::sum)));
	}

	/** The prediction after the rule. */
	RouterPrediction apply(String text, RouterPrediction prediction) {
		List<ScoredLabel> ranked = prediction.ranked();
		if (ranked.size() < 2) {
			return prediction;
		}
		Set<String> rare = rarest(text);
		ScoredLabel best = ranked.get(0);
		ScoredLabel second = ranked.get(1);
		if (rare.isEmpty() || holds(best.label(), rare) || !holds(second.label(), rare)
				|| second.probability() < this.ratio * best.probability()) {
			return prediction;
		}
		if (this.mode == Mode.ESCALATE) {
			return new RouterPrediction(ranked, 0);
		}
		List<ScoredLabel> swapped = new ArrayList<>(ranked);
		swapped.set(0, second);
		swapped.set(1, best);
		return new RouterPrediction(swapped, prediction.confidence());
	}

	/** The question's known terms that the fewest entries hold. */
	private Set<String> rarest(String text) {
		Set<String> rarest = new HashSet<>();
		int fewest = Integer.MAX_VALUE;
		for (String term : new LinkedHashSet<>(EntryTerms.terms(this.key, text))) {
			int n = this.df.getOrDefault(term, 0);
			if (n == 0) {
				continue;
			}
			if (n < fewest) {
				fewest = n;
				rarest.clear();
			}
			if (n == fewest) {
				rarest.add(term);
			}
		}
		return rarest;
	}

	private boolean holds(String label, Set<String> rare) {
		Set<String> entry = this.terms.getOrDefault(label, Set.of());
		return rare.stream().anyMatch(entry::contains);
	}

}
