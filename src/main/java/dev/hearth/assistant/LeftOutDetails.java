package dev.hearth.assistant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

import dev.hearth.knowledge.FaqEntry;

/**
 * The details a question asks that an FAQ entry leaves out and the documents name. An FAQ
 * entry summarises a topic in a few sentences; the router matches it on the question's
 * subject ("fibre plans", "unpaid bills"), but the customer may ask a detail of that
 * subject that the summary leaves out and a page states: "can I switch to a slower
 * cheaper fibre plan?" gets the plans' prices, which never say "slower", while the page's
 * section "Upgrading and downgrading" says a slower plan is only possible at the end of
 * the minimum term. The entry then answers something near the question, never the
 * question, and a customer is better served by the page, or by a person when the page's
 * span does not pass the checks a document answer must pass, than by a summary that is
 * silent on what was asked (issue 11; ADR 0093).
 * <p>
 * A detail is a topic word of the question ({@link Answerability#topicWords}, as written;
 * numbers, negations, "never" and the customer's generic words for an offering aside)
 * that none of the entry's texts (question, phrasings, answer) says, that the span the
 * documents would answer with names (its page title, section path or text), and that few
 * passages of the knowledge base hold at all ({@link #MAX_PASSAGES}): a word many texts
 * share ("engineer", "switch") names the subject the entry summarises, and a word no span
 * names is the customer's own wording, which the router is trusted to have matched. A
 * span about something else (it never names a topic word the entry's own question shares
 * with the question) names no detail. Thread-safe: stateless.
 */
final class LeftOutDetails {

	private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}'’-]+");

	private LeftOutDetails() {
	}

	/**
	 * At most this many passages may hold a detail's word: a word many texts share
	 * ("engineer", "switch") names the subject the entry summarises, not a detail of it.
	 */
	static final int MAX_PASSAGES = 5;

	/**
	 * The question's words (as written) that name a detail the entry leaves out: a topic
	 * word that none of the entry's texts says, that the span names, and that at most
	 * {@link #MAX_PASSAGES} passages of the knowledge base hold; empty when there is none
	 * or the span is absent.
	 * @param asked the self-contained question (its topic words)
	 * @param entry the FAQ entry the router chose
	 * @param span the document span the entry is weighed against, or {@code null}
	 * @param passagesHolding how many passages hold a word as written
	 */
	static Set<String> namedOnlyBySpan(String asked, FaqEntry entry, ExtractiveAnswers.Span span,
			ToIntFunction<String> passagesHolding) {
		if (asked == null || entry == null || span == null) {
			return Set.of();
		}
		if (AnswerEvidence.offTheEntrysSubject(asked, entry, span)) {
			// the span is about something else that shares a word with the question
			return Set.of();
		}
		Set<String> topic = Answerability.topicWords(asked);
		Set<String> said = ContentWords.setOf(FaqRouting.phrasings(entry) + "\n" + entry.answer());
		Set<String> named = ContentWords.setOf(ExtractiveAnswers.withoutReferences(span.context()));
		Set<String> details = new LinkedHashSet<>();
		for (String word : WORD.split(Answerability.prose(asked).toLowerCase(Locale.ROOT))) {
			List<String> stems = ContentWords.of(word);
			if (stems.size() != 1 || Character.isDigit(word.charAt(0))
					|| AnswerEvidence.Coverage.saysWhatWentWrong(word)) {
				continue;
			}
			String stem = stems.get(0);
			// the customer's generic word for an offering ("deal", ADR 0084) names no
			// detail
			if (topic.contains(stem) && !said.contains(stem) && named.contains(stem) && !ProductWords.generic(stem)) {
				int holding = passagesHolding.applyAsInt(word);
				if (holding >= 1 && holding <= MAX_PASSAGES) {
					details.add(word);
				}
			}
		}
		return Set.copyOf(details);
	}

}
