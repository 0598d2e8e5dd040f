package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hearth.knowledge.FaqEntry;

/**
 * A question about one kind of a thing against an FAQ entry about another kind of it:
 * "can I keep my landline number if I switch to you?" matches "Can I keep my mobile
 * number when I join?", whose texts never say "landline", while the section "Home phone
 * numbers" says "you can bring your landline number too". The kind is the word right
 * before the thing's word in the customer's own words ("landline number"); the entry
 * names another kind of the same thing in its own question ("mobile number") and never
 * the question's; the span names the question's kind of it in so many words. An entry
 * that names the thing in general ("my number") is no other kind, nor is a question that
 * says both kinds. Words are {@link ContentWords} stems. Thread-safe: stateless.
 */
final class OtherKinds {

	private OtherKinds() {
	}

	/**
	 * The kind the question names ("landlin" of "landline number") when the entry's own
	 * question names another kind of the same thing, none of the entry's texts says the
	 * question's kind, and the span's passage names the question's kind of the thing;
	 * empty otherwise.
	 * @param asked the customer's words
	 * @param entry the FAQ entry the router chose
	 * @param span the document span weighed against it
	 */
	static Optional<String> namedBySpanNotEntry(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (asked == null || span == null) {
			return Optional.empty();
		}
		List<String[]> own = pairs(entry.question());
		if (own.isEmpty()) {
			return Optional.empty();
		}
		Set<String> entryWords = ContentWords.setOf(FaqRouting.phrasings(entry) + "\n" + entry.answer());
		Set<String> said = ContentWords.setOf(asked);
		List<String[]> spanPairs = pairs(span.passage().hit().passage());
		for (String[] kind : pairs(Answerability.prose(asked))) {
			if (entryWords.contains(kind[0])) {
				continue;
			}
			boolean another = own.stream()
				.anyMatch((pair) -> pair[1].equals(kind[1]) && !pair[0].equals(kind[0]) && !said.contains(pair[0]));
			boolean named = spanPairs.stream().anyMatch((pair) -> pair[0].equals(kind[0]) && pair[1].equals(kind[1]));
			if (another && named) {
				return Optional.of(kind[0]);
			}
		}
		return Optional.empty();
	}

	/**
	 * Every two content words that follow each other in the text with no other word
	 * between them ("landline number" in "keep my landline number"), as stems; words with
	 * digits ("Fibre 500") are names, not kinds, and break a pair.
	 */
	static List<String[]> pairs(String text) {
		List<String[]> pairs = new ArrayList<>();
		String previous = null;
		int end = 0;
		Matcher tokens = WORD.matcher(text);
		while (tokens.find()) {
			if (!text.substring(end, tokens.start()).matches("[\\s\"“”*_]*")) {
				// a sentence, clause or list breaks the pair ("the number, mobile")
				previous = null;
			}
			end = tokens.end();
			String token = tokens.group();
			List<String> words = ContentWords.of(token);
			String word = (words.size() == 1 && token.chars().noneMatch(Character::isDigit)) ? words.get(0) : null;
			if (previous != null && word != null && !previous.equals(word)) {
				pairs.add(new String[] { previous, word });
			}
			previous = word;
		}
		return pairs;
	}

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

}
