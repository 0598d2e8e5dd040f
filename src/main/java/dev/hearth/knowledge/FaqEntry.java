package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An FAQ entry: one answer and the ways customers ask for it.
 *
 * @param id stable id, e.g. {@code billing-due-date}
 * @param question the canonical question, or {@code null}
 * @param examples other phrasings of the question
 * @param answer the answer
 * @param language ISO 639-1 code
 * @param tags filterable tags such as audience and product
 */
public record FaqEntry(String id, String question, List<String> examples, String answer, String language,
		Map<String, List<String>> tags) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

	public FaqEntry {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("id must be 1-200 letters, digits, '.', '_', ':' or '-', got "
					+ (id == null ? "none" : "'" + id + "'"));
		}
		if (answer == null || answer.isBlank()) {
			throw new IllegalArgumentException("entry " + id + " has no answer");
		}
		examples = (examples == null) ? List.of() : List.copyOf(examples);
		if ((question == null || question.isBlank()) && examples.isEmpty()) {
			throw new IllegalArgumentException("entry " + id + " needs a question or at least one example");
		}
		tags = Tags.normalise(tags);
	}

	/**
	 * The question (when there is one) followed by the examples: every text the router
	 * learns from.
	 */
	public List<String> phrasings() {
		List<String> phrasings = new ArrayList<>(this.examples.size() + 1);
		if (hasQuestion()) {
			phrasings.add(this.question);
		}
		phrasings.addAll(this.examples);
		return phrasings;
	}

	public boolean hasQuestion() {
		return this.question != null && !this.question.isBlank();
	}

	/** The question, or the first example when there is none. */
	public String title() {
		return hasQuestion() ? this.question : this.examples.get(0);
	}

}
