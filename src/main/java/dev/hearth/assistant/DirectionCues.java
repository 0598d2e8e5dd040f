package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hearth.knowledge.FaqEntry;

/**
 * Which way a text points on the axes along which two neighbouring FAQ entries differ
 * while sharing nearly all their words: joining the company or leaving it ("keep my
 * number when I join", "a porting code to move my number to another provider"), money
 * paid to the company or back to the customer ("pay my bill", "a refund"), inside a place
 * or outside it. An entry's side is read from its own phrasings (question and examples):
 * the side it names at least {@value #DOMINANCE} times as often as the other; a
 * question's side is the one it names, when it names only one. The cues are English
 * phrases of direction, not words of any entry; an entry whose texts name no cue of an
 * axis has no side on it. Thread-safe: stateless.
 */
final class DirectionCues {

	/** How many times as often an entry's texts name its side as the other side. */
	static final int DOMINANCE = 3;

	private static final String WORD = "[\\p{L}'’]+";

	private static final String PROVIDER = "(?:provider|network|operator|carrier|company|supplier)s?";

	/**
	 * One axis: two opposite sides, each a pattern of cues. The first side's matches are
	 * taken out of the text before the second side is looked for, so a phrase the first
	 * side names ("from another network") is not read as the second's ("another
	 * network").
	 */
	record Axis(String name, Pattern first, Pattern second) {
	}

	/** The sides of a text on one axis. */
	enum Side {

		/** No cue, or cues of both sides. */
		NONE,
		/** The axis's first side. */
		FIRST,
		/** The axis's second side. */
		SECOND;

		Side opposite() {
			return switch (this) {
				case FIRST -> SECOND;
				case SECOND -> FIRST;
				case NONE -> NONE;
			};
		}

	}

	static final List<Axis> AXES = List.of(
			// towards the company (joining, coming from another provider) or away from it
			new Axis("membership", pattern("\\bjoin(?:s|ed|ing)?\\b", "\\bbring(?:s|ing)?\\b",
					"\\b(?:come|comes|coming|came) (?:across|over)\\b",
					"\\b(?:switch|mov|transfer|port|bring|com|go|chang)\\w* (?:" + WORD
							+ " ){0,3}(?:over |across )?to (?:you|us)\\b",
					"\\bfrom (?:my |your |the |an? )?(?:old |previous |current |existing |other |another |different )?"
							+ PROVIDER,
					"\\b(?:my|your|the) (?:old|previous|current|existing) " + PROVIDER),
					pattern("\\bleav(?:e|es|ing)\\b", "\\b(?:'ve|’ve|have|has|had|just|already) left\\b",
							"\\baway from\\b",
							"\\b(?:another|a different|a new|my new|your new|the new|other) " + PROVIDER,
							"\\bport(?:s|ed|ing)? (?:" + WORD + " ){0,2}out\\b")),
			// money to the company (paying) or to the customer (a refund)
			new Axis("money", pattern("\\bpay(?:s|ing)? (?:you|us)\\b(?: back\\b)?",
					"\\b(?:pay|pays|paying|paid) (?:for |off )?(?:my |the |your |a |an |this |that )?(?:bill|invoice|balance)s?\\b",
					"\\b(?:pay|pays|paying) (?:by|with|via)\\b"),
					pattern("\\brefund\\w*", "\\bmoney back\\b",
							"\\b(?:get|gets|got|getting|have|had) (?:it|them|my money|the money|that) back\\b",
							"\\b(?:pay|pays|paying|paid) (?:" + WORD + " ){0,2}back\\b")),
			// inside a place or outside it
			new Axis("place", pattern("\\binside\\b"), pattern("\\boutside\\b")));

	private DirectionCues() {
	}

	/**
	 * The question's side on the axis: the one it names, when it names only one.
	 */
	static Side ofQuestion(Axis axis, String question) {
		int[] counts = counts(axis, question);
		if (counts[0] > 0 && counts[1] == 0) {
			return Side.FIRST;
		}
		if (counts[1] > 0 && counts[0] == 0) {
			return Side.SECOND;
		}
		return Side.NONE;
	}

	/**
	 * Whether the question names a side on any axis: without one, no entry's side
	 * matters, and nothing of the entries need be read.
	 */
	static boolean namesAny(String question) {
		return AXES.stream().anyMatch((axis) -> ofQuestion(axis, question) != Side.NONE);
	}

	/**
	 * The entry's side on the axis, from its question and examples (what customers say;
	 * an answer's "leave the fibre box on the wall" is no direction): the side they name
	 * at least {@value #DOMINANCE} times as often as the other.
	 */
	static Side ofEntry(Axis axis, FaqEntry entry) {
		int first = 0;
		int second = 0;
		for (String text : texts(entry)) {
			int[] counts = counts(axis, text);
			first += counts[0];
			second += counts[1];
		}
		if (first > 0 && first >= DOMINANCE * second) {
			return Side.FIRST;
		}
		if (second > 0 && second >= DOMINANCE * first) {
			return Side.SECOND;
		}
		return Side.NONE;
	}

	/**
	 * The axis on which the question names the runner-up's side and the opposite of the
	 * best entry's, each entry's side read from its own texts: "how do I bring my number
	 * over to you" against the best entry for leaving and the runner-up for joining.
	 * Empty when there is none.
	 */
	static Optional<Axis> contradicts(String question, FaqEntry best, FaqEntry runnerUp) {
		for (Axis axis : AXES) {
			Side asked = ofQuestion(axis, question);
			if (asked == Side.NONE) {
				continue;
			}
			if (ofEntry(axis, best) == asked.opposite() && ofEntry(axis, runnerUp) == asked) {
				return Optional.of(axis);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the best entry takes the side the question names on an axis and the other
	 * entry does not: "what does it cost to use my mobile when I'm outside Europe" is the
	 * entry for outside the EU's, however well the EU entry's "Europe" fits the
	 * question's name.
	 */
	static boolean keepsTheSide(String question, FaqEntry best, FaqEntry other) {
		for (Axis axis : AXES) {
			Side asked = ofQuestion(axis, question);
			if (asked != Side.NONE && ofEntry(axis, best) == asked && ofEntry(axis, other) != asked) {
				return true;
			}
		}
		return false;
	}

	private static List<String> texts(FaqEntry entry) {
		List<String> texts = new ArrayList<>();
		texts.add((entry.question() != null) ? entry.question() : "");
		texts.addAll(entry.examples());
		return texts;
	}

	private static int[] counts(Axis axis, String text) {
		String lower = (text != null) ? text.toLowerCase(Locale.ROOT) : "";
		Matcher first = axis.first().matcher(lower);
		StringBuilder rest = new StringBuilder();
		int firstCount = 0;
		while (first.find()) {
			firstCount++;
			first.appendReplacement(rest, " ");
		}
		first.appendTail(rest);
		Matcher second = axis.second().matcher(rest);
		int secondCount = 0;
		while (second.find()) {
			secondCount++;
		}
		return new int[] { firstCount, secondCount };
	}

	private static Pattern pattern(String... alternatives) {
		return Pattern.compile(String.join("|", alternatives), Pattern.UNICODE_CASE);
	}

}
