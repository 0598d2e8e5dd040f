package dev.hearth.assistant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's main clause: the question without a clause that only sets when or on what
 * condition it is asked, opened by a subordinating conjunction ("can I change my plan
 * before the contract ends": "can I change my plan"; "before my contract runs out, can I
 * get a faster speed": "can I get a faster speed"). What the question is about is said in
 * its main clause; words it shares with an FAQ entry only in such a clause do not make it
 * the entry's subject. English only; a question with no such clause is its own main
 * clause. Stateless and thread-safe.
 */
final class MainClause {

	private static final String CONJUNCTION = "(?:before|after|until|till|when|whenever|while|once|if|unless|because|since)";

	/** A clause that opens the question and ends at its first comma. */
	private static final Pattern LEADING = Pattern.compile("^\\s*" + CONJUNCTION + "\\b[^,?]*,\\s*(.+)$",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/**
	 * A clause after at least two words of the question, up to a comma or the end.
	 */
	private static final Pattern TRAILING = Pattern.compile(
			"^(\\S+(?:\\s+\\S+)+?)\\s+" + CONJUNCTION + "\\b[^,]*(,.*)?$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private MainClause() {
	}

	/**
	 * The question without one leading or trailing subordinate clause of time or
	 * condition; the question itself when it has none.
	 */
	static String of(String question) {
		if (question == null) {
			return null;
		}
		Matcher leading = LEADING.matcher(question);
		if (leading.matches()) {
			return leading.group(1).strip();
		}
		Matcher trailing = TRAILING.matcher(question);
		if (trailing.matches()) {
			String rest = (trailing.group(2) != null) ? trailing.group(2).substring(1) : "";
			return (trailing.group(1) + " " + rest.strip()).strip();
		}
		return question;
	}

}
