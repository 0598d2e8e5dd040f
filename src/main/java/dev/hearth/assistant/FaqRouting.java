package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hearth.assistant.router.RouterPrediction;
import dev.hearth.assistant.router.ScoredLabel;
import dev.hearth.knowledge.Audiences;
import dev.hearth.knowledge.FaqEntry;

/**
 * The pipeline's first stage: matches the question to an FAQ entry and answers with it
 * when the match's confidence reaches the threshold and the entry may be shown to
 * customers. Plain Java: built from a matcher and an entry lookup, so it is tested
 * without Spring. Thread-safe when its collaborators are.
 */
final class FaqRouting {

	private static final Logger log = LoggerFactory.getLogger(FaqRouting.class);

	/**
	 * Matches a question (its text and embedding) to FAQ entries; empty without a model.
	 */
	@FunctionalInterface
	interface Matcher {

		Optional<RouterPrediction> predict(String text, float[] vector);

	}

	/**
	 * What routing found.
	 *
	 * @param ranked the candidates, best first (empty without a model)
	 * @param confidence the confidence in the best candidate, 0 without a model
	 * @param entry the entry that answers, empty when routing does not answer
	 */
	record Routed(List<Answer.Candidate> ranked, double confidence, Optional<FaqEntry> entry) {

		/** The best candidate's id, or {@code null}. */
		String bestGuess() {
			return this.ranked.isEmpty() ? null : this.ranked.get(0).faqId();
		}

	}

	private final Matcher matcher;

	private final Function<String, Optional<FaqEntry>> entries;

	private final List<String> customerAudiences;

	private final BiFunction<float[], List<Answer.Candidate>, List<Answer.Candidate>> settle;

	/**
	 * @param matcher the live FAQ matcher
	 * @param entries looks an FAQ entry up by id
	 * @param customerAudiences audience tags customers may see; an untagged entry is for
	 * everyone
	 */
	FaqRouting(Matcher matcher, Function<String, Optional<FaqEntry>> entries, List<String> customerAudiences) {
		this(matcher, entries, customerAudiences, (vector, ranked) -> ranked);
	}

	/**
	 * As {@link #FaqRouting(Matcher, Function, List)}, the matcher's ranking settled
	 * before the best candidate is taken ({@link Neighbours#settle}).
	 * @param settle reorders the candidates given the question's embedding
	 */
	FaqRouting(Matcher matcher, Function<String, Optional<FaqEntry>> entries, List<String> customerAudiences,
			BiFunction<float[], List<Answer.Candidate>, List<Answer.Candidate>> settle) {
		this.matcher = matcher;
		this.entries = entries;
		this.customerAudiences = List.copyOf(customerAudiences);
		this.settle = settle;
	}

	/** Routes the question; answers only at or above the threshold. */
	Routed route(String query, float[] vector, double threshold) {
		Optional<RouterPrediction> prediction = this.matcher.predict(query, vector);
		List<Answer.Candidate> ranked = new ArrayList<>();
		prediction.ifPresent((p) -> {
			for (ScoredLabel label : p.ranked()) {
				ranked.add(new Answer.Candidate(label.label(), label.probability()));
			}
		});
		double confidence = prediction.map(RouterPrediction::confidence).orElse(0.0);
		List<Answer.Candidate> settled = byDirection(query, this.settle.apply(vector, List.copyOf(ranked)));
		Optional<FaqEntry> entry = Optional.empty();
		if (prediction.isPresent() && prediction.get().inScope(threshold)) {
			entry = this.entries.apply(settled.get(0).faqId()).filter(this::forCustomers);
		}
		return new Routed(settled, confidence, entry);
	}

	/**
	 * The candidates with a neighbour of the best one first when the question names a
	 * direction ({@link DirectionCues}) that the neighbour's own phrasings take and the
	 * best one's phrasings take the other way: "I'm switching to you from another network
	 * and don't want a new phone number" against the porting code for leaving, with the
	 * entry for keeping one's number when joining among the next
	 * {@value #DIRECTION_CANDIDATES} candidates. A neighbour is another entry customers
	 * may see, in the best one's language, about the same subject: one of the two
	 * entries' phrasings say a word the other is narrowed to
	 * ({@link NarrowEntries#restrictions}). The neighbour takes the best one's
	 * probability, as in {@link Neighbours#settle}, the others keep their order;
	 * otherwise {@code ranked} itself.
	 * @param question the question routed
	 * @param ranked the candidates, best first
	 */
	List<Answer.Candidate> byDirection(String question, List<Answer.Candidate> ranked) {
		if (ranked.size() < 2 || !DirectionCues.namesAny(question)) {
			return ranked;
		}
		Optional<FaqEntry> first = this.entries.apply(ranked.get(0).faqId()).filter(this::forCustomers);
		if (first.isEmpty()) {
			return ranked;
		}
		FaqEntry best = first.get();
		int last = Math.min(ranked.size(), DIRECTION_CANDIDATES + 1);
		for (int i = 1; i < last; i++) {
			Optional<FaqEntry> other = neighbour(ranked.get(i).faqId(), best).filter((e) -> sameSubject(best, e));
			Optional<DirectionCues.Axis> axis = other
				.flatMap((entry) -> DirectionCues.contradicts(question, best, entry));
			if (axis.isPresent()) {
				log.debug("FAQ entry {} brought before {}: the question names its side on the {} axis",
						other.get().id(), best.id(), axis.get().name());
				// the ids move, the probabilities stay in their places
				List<Answer.Candidate> order = new ArrayList<>(ranked);
				order.add(0, order.remove(i));
				List<Answer.Candidate> settled = new ArrayList<>();
				for (int k = 0; k < order.size(); k++) {
					settled.add(new Answer.Candidate(order.get(k).faqId(), ranked.get(k).probability()));
				}
				return List.copyOf(settled);
			}
		}
		return ranked;
	}

	/**
	 * The candidate entry when it can stand beside {@code best}: another entry customers
	 * may see (not the same question again), in the same language.
	 */
	private Optional<FaqEntry> neighbour(String faqId, FaqEntry best) {
		return this.entries.apply(faqId)
			.filter(this::forCustomers)
			.filter((e) -> !e.question().strip().equalsIgnoreCase(best.question().strip()))
			.filter((e) -> Objects.equals(e.language(), best.language()));
	}

	/**
	 * The one other entry customers may see, among the ranked candidates however low
	 * their probability, that answers where the entry does not, because it names the name
	 * the question gives: "I'm going to Turkey next month, will my phone work there"
	 * routes to roaming in the EU, whose answer never names Turkey, while the entry for
	 * outside the EU, fifth or third by the router's probability, names it among its
	 * countries. A name is the customer's own word for the one thing asked about, and the
	 * router, trained on a few phrasings, does not know it. Two entries that both answer
	 * leave the question as it is, and so does a direction the question names that the
	 * entry takes and the other does not ("outside Europe",
	 * {@link DirectionCues#keepsTheSide}; ADR 0068). Empty otherwise.
	 * @param question the customer's own words (a name the rewriting of the question gave
	 * is the knowledge base's, not the customer's)
	 * @param routed the routing whose entry lacks a name of the question
	 * @param answers whether an entry answers the question (names its names among the
	 * rest)
	 */
	Optional<FaqEntry> namingNeighbour(String question, Routed routed, Predicate<FaqEntry> answers) {
		if (routed.entry().isEmpty()) {
			return Optional.empty();
		}
		FaqEntry best = routed.entry().get();
		Set<String> unnamed = new java.util.LinkedHashSet<>(Answerability.names(question));
		unnamed.removeAll(ContentWords.setOf(phrasings(best) + "\n" + best.answer()));
		if (unnamed.isEmpty()) {
			// the name is not the customer's own ("Hub", the knowledge base's word for
			// the router the question says)
			return Optional.empty();
		}
		List<FaqEntry> naming = routed.ranked()
			.stream()
			.filter((candidate) -> !candidate.faqId().equals(best.id()))
			.map((candidate) -> neighbour(candidate.faqId(), best))
			.flatMap(Optional::stream)
			.filter((e) -> ContentWords.setOf(phrasings(e) + "\n" + e.answer()).containsAll(unnamed))
			.filter((e) -> !DirectionCues.keepsTheSide(question, best, e))
			.filter(answers)
			.toList();
		return (naming.size() == 1) ? Optional.of(naming.get(0)) : Optional.empty();
	}

	/** How many candidates after the best one a direction may bring forward. */
	static final int DIRECTION_CANDIDATES = 3;

	private static boolean sameSubject(FaqEntry one, FaqEntry other) {
		return NarrowEntries.restrictions(one).stream().anyMatch(ContentWords.setOf(phrasings(other))::contains)
				|| NarrowEntries.restrictions(other).stream().anyMatch(ContentWords.setOf(phrasings(one))::contains);
	}

	/**
	 * Whether a short question ({@link CloseCandidates#isShort}, "bill") that routing
	 * answers fits the runner-up about as well: its score is close to the best
	 * ({@link CloseCandidates#close}) and it is another entry customers may see. Such a
	 * question is not answered with the best entry but escalated as low confidence, so
	 * the policy asks which entry is meant (issue 12 item 1).
	 * @param question the customer's words (not the self-contained query: a follow-up
	 * gains the context's words); the best entry's own question is never ambiguous, so a
	 * clarifying question's option, sent as its question, is answered
	 */
	boolean ambiguous(String question, Routed routed) {
		if (routed.entry().isEmpty() || routed.ranked().size() < 2 || !CloseCandidates.isShort(question)) {
			return false;
		}
		FaqEntry best = routed.entry().get();
		if (normalised(question).equals(normalised(best.question()))) {
			// the entry's own question, as a clarifying question's button sends it
			return false;
		}
		double top = routed.ranked().get(0).probability();
		for (Answer.Candidate candidate : routed.ranked()) {
			if (candidate.faqId().equals(best.id()) || !CloseCandidates.close(candidate.probability(), top)) {
				continue;
			}
			boolean other = this.entries.apply(candidate.faqId())
				.filter(this::forCustomers)
				.filter((e) -> !e.question().strip().equalsIgnoreCase(best.question().strip()))
				.isPresent();
			if (other) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a short question ({@link CloseCandidates#isShort}, "bill") that routing
	 * answers is named by several entries customers may see: two or more of the ranked
	 * candidates name all its topic words in their question or examples
	 * ({@link CloseCandidates#named}), however far apart the router's scores are. The
	 * scores do not tell which one is meant, so the policy asks (ADR 0019); unless the
	 * question asks something ({@link CloseCandidates#asks}: "how", "when", ...) the way
	 * one of the best entry's phrasings asks. The pipeline asks this only for a question
	 * that opens a conversation: later, the conversation says what a short question is
	 * about.
	 * @param question the customer's words
	 */
	boolean namedBySeveral(String question, Routed routed) {
		if (routed.entry().isEmpty() || routed.ranked().size() < 2 || !CloseCandidates.isShort(question)) {
			return false;
		}
		if (normalised(question).equals(normalised(routed.entry().get().question()))) {
			return false;
		}
		List<FaqEntry> named = routed.ranked()
			.stream()
			.map((candidate) -> this.entries.apply(candidate.faqId()).filter(this::forCustomers))
			.flatMap(Optional::stream)
			.filter((entry) -> CloseCandidates.named(question, phrasings(entry)))
			.toList();
		if (named.stream().map((entry) -> normalised(entry.question())).distinct().count() < 2) {
			return false;
		}
		// "how do I pay my bill?" names what the late-payment entry names too, but it
		// asks
		// something ("how"), as the best entry's phrasings do: not a bare topic, so the
		// router's ranking stands (close scores are still asked about, ambiguous())
		return !CloseCandidates.asksAlike(question, phrasings(routed.entry().get()));
	}

	/**
	 * The restricting words of the entry routing answers with ({@link NarrowEntries})
	 * that the question never says, when the runner-up is another entry customers may
	 * see, at least {@value CloseCandidates#FLOOR}, about the question (its question or
	 * examples share a topic word with it) and not narrowed to those words by its own
	 * question: "why is my bill higher than last month?" never says the first bill's
	 * "first", and the price rise is the runner-up. Empty otherwise, and for the entry's
	 * own question.
	 * @param question the customer's words
	 */
	Set<String> narrowerThanAsked(String question, Routed routed) {
		if (routed.entry().isEmpty() || routed.ranked().size() < 2) {
			return Set.of();
		}
		FaqEntry best = routed.entry().get();
		if (normalised(question).equals(normalised(best.question()))) {
			return Set.of();
		}
		Set<String> topic = TopicWords.of(question);
		for (Answer.Candidate candidate : routed.ranked()) {
			if (candidate.faqId().equals(best.id())) {
				continue;
			}
			if (candidate.probability() < CloseCandidates.FLOOR) {
				return Set.of();
			}
			Optional<FaqEntry> runnerUp = neighbour(candidate.faqId(), best);
			if (runnerUp.isEmpty()) {
				continue;
			}
			if (!TopicWords.shareAny(topic, phrasings(runnerUp.get()))) {
				return Set.of();
			}
			return NarrowEntries.unsaid(question, best, runnerUp.get());
		}
		return Set.of();
	}

	/** An entry's question and examples, one per line. */
	static String phrasings(FaqEntry entry) {
		return entry.question() + "\n" + String.join("\n", entry.examples());
	}

	private static String normalised(String question) {
		return question.strip().replaceAll("[\\s?!.]+$", "").toLowerCase(java.util.Locale.ROOT);
	}

	/** Whether customers may see the entry. */
	boolean forCustomers(FaqEntry entry) {
		return Audiences.visibleTo(entry.tags(), this.customerAudiences);
	}

}
