package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.knowledge.Vectors;

/**
 * Whether the FAQ router's guess, below its threshold, is also what two other readings of
 * the FAQ pick out among all the entries: the entry whose question and answer together
 * are most similar to the question's embedding, and the entry whose question, examples
 * and answer hold the most of the question's content words, each weighed by how few
 * entries use it. The router reads only an entry's phrasings; a customer's paraphrase
 * ("statements sent by post") may miss those and still be about what the answer says.
 * Three readings that look at different texts and land on the same entry are evidence
 * that none gives alone, where a question no entry answers tends to scatter among them.
 * Plain Java, built from an embedding function; thread-safe when that function is.
 */
final class GuessAgreement {

	/**
	 * How one reading ranks the entries: ids best first, with the score of each.
	 *
	 * @param ids entry ids, best first
	 * @param scores each id's score
	 */
	record Ranking(List<String> ids, Map<String, Double> scores) {

		/**
		 * The best entry's id; {@code null} when there is none or two share the best
		 * score (a tie is no choice).
		 */
		String first() {
			if (this.ids.isEmpty() || margin() <= 0 && this.ids.size() > 1) {
				return null;
			}
			return this.ids.get(0);
		}

		/** The best score less the second best (the best score alone for one entry). */
		double margin() {
			if (this.ids.isEmpty()) {
				return 0;
			}
			double top = this.scores.get(this.ids.get(0));
			return (this.ids.size() < 2) ? top : top - this.scores.get(this.ids.get(1));
		}

		/** The first {@code n} ids with their scores, for the debug log. */
		String head(int n) {
			StringBuilder text = new StringBuilder("[");
			for (int i = 0; i < Math.min(n, this.ids.size()); i++) {
				text.append((i > 0) ? ", " : "")
					.append(this.ids.get(i))
					.append('=')
					.append(String.format(java.util.Locale.ROOT, "%.2f", this.scores.get(this.ids.get(i))));
			}
			return text.append(']').toString();
		}

	}

	/**
	 * The two readings of one question.
	 *
	 * @param byText entries by the similarity of their question and answer to the
	 * question
	 * @param byWords entries by the weighed content words of the question they hold
	 */
	record Readings(Ranking byText, Ranking byWords) {

		/**
		 * The candidate both readings put first, when it is among the router's first
		 * {@code candidates} with at least {@code floor} of its probability; empty
		 * otherwise.
		 */
		Optional<String> agreed(List<Answer.Candidate> ranked, int candidates, double floor) {
			String text = this.byText.first();
			if (text == null || !text.equals(this.byWords.first())) {
				return Optional.empty();
			}
			return ranked.stream()
				.limit(candidates)
				.filter((c) -> c.probability() >= floor)
				.map(Answer.Candidate::faqId)
				.filter(text::equals)
				.findFirst();
		}

		/**
		 * The router's first candidate when it has at least {@code floor} of its
		 * probability and the entry's question and answer are the text nearest the
		 * question, at least {@code minSimilarity} similar (what a document passage must
		 * reach); empty otherwise.
		 */
		Optional<String> nearest(List<Answer.Candidate> ranked, double minSimilarity, double floor) {
			String text = this.byText.first();
			if (text == null || ranked.isEmpty() || !ranked.get(0).faqId().equals(text)
					|| ranked.get(0).probability() < floor || this.byText.scores().get(text) < minSimilarity) {
				return Optional.empty();
			}
			return Optional.of(text);
		}

	}

	/** How many of the router's best candidates the readings may agree on. */
	static final int CANDIDATES = 2;

	private final Function<String, float[]> embeddings;

	/**
	 * @param embeddings embeds a knowledge-base text with the question's model (kept per
	 * text, {@link KnowledgeTextEmbeddings})
	 */
	GuessAgreement(Function<String, float[]> embeddings) {
		this.embeddings = embeddings;
	}

	/**
	 * Reads the question against the entries.
	 * @param question the customer's question
	 * @param vector its embedding
	 * @param entries the entries it may be answered with (for customers, in its language)
	 */
	Readings read(String question, float[] vector, List<FaqEntry> entries) {
		return new Readings(byText(vector, entries), byWords(question, entries));
	}

	Ranking byText(float[] vector, List<FaqEntry> entries) {
		Map<String, Double> scores = new HashMap<>();
		for (FaqEntry entry : entries) {
			float[] text = this.embeddings.apply(entry.question() + "\n" + entry.answer());
			scores.merge(entry.id(), Vectors.cosine(vector, text), Math::max);
		}
		return ranked(scores);
	}

	/**
	 * The entries by the question's content words their whole text holds, each word
	 * weighed by {@code ln(1 + n / df)}: a word every entry says ("Northwind", "bill" in
	 * a billing FAQ) tells them apart less than one that two entries say.
	 */
	static Ranking byWords(String question, List<FaqEntry> entries) {
		Set<String> asked = ContentWords.setOf(question);
		Map<String, Set<String>> held = new HashMap<>();
		Map<String, Integer> df = new HashMap<>();
		for (FaqEntry entry : entries) {
			Set<String> words = ContentWords.setOf(FaqRouting.phrasings(entry) + "\n" + entry.answer());
			held.put(entry.id(), words);
			for (String word : asked) {
				if (words.contains(word)) {
					df.merge(word, 1, Integer::sum);
				}
			}
		}
		int n = held.size();
		Map<String, Double> scores = new HashMap<>();
		for (Map.Entry<String, Set<String>> entry : held.entrySet()) {
			double score = 0;
			for (String word : asked) {
				if (entry.getValue().contains(word)) {
					score += Math.log(1 + (double) n / df.get(word));
				}
			}
			scores.put(entry.getKey(), score);
		}
		return ranked(scores);
	}

	private static Ranking ranked(Map<String, Double> scores) {
		List<String> ids = new ArrayList<>(scores.keySet());
		ids.sort(Comparator.comparing((String id) -> -scores.get(id)).thenComparing(Comparator.naturalOrder()));
		return new Ranking(List.copyOf(ids), Map.copyOf(scores));
	}

}
