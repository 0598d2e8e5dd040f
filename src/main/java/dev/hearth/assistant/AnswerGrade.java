package dev.hearth.assistant;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How an answer fared against its {@link LabelledQuestion}: answered right, answered
 * wrong, or escalated. A question that must be escalated is right when escalated and
 * wrong when answered. An answer is right when it comes from where the question expects
 * (the FAQ entry, or a citation of the expected document) and, when gold phrases are
 * given, its text contains one of them (compared without case, with any dash as a
 * hyphen). A question that names only a document and gold phrases is also answered right
 * by an FAQ entry whose answer holds a gold phrase: FAQ entries summarise the documents,
 * and the customer gets the fact.
 */
public enum AnswerGrade {

	/** Answered with the expected source (and a gold phrase), or rightly escalated. */
	RIGHT,
	/**
	 * Answered from another source or without the gold facts, or answered when it must
	 * escalate.
	 */
	WRONG,
	/** Escalated although the question can be answered. */
	ESCALATED;

	/** Grades one answer. */
	public static AnswerGrade of(LabelledQuestion question, Answer answer) {
		boolean escalated = answer.decision() == Decision.ESCALATE;
		if (question.expectsEscalation()) {
			return escalated ? RIGHT : WRONG;
		}
		if (escalated) {
			return ESCALATED;
		}
		return (fromExpectedSource(question, answer) && hasGold(question, answer.text())) ? RIGHT : WRONG;
	}

	private static boolean fromExpectedSource(LabelledQuestion question, Answer answer) {
		boolean faq = question.expected() != null && "faq".equals(answer.answeredBy())
				&& question.expected().equals(answer.faqId());
		boolean document = question.expectedSource() != null && !"faq".equals(answer.answeredBy())
				&& answer.citations().stream().anyMatch((c) -> c.source().endsWith(question.expectedSource()));
		boolean faqWithGold = question.expected() == null && !question.gold().isEmpty()
				&& "faq".equals(answer.answeredBy());
		return faq || document || faqWithGold;
	}

	private static boolean hasGold(LabelledQuestion question, String text) {
		if (question.gold().isEmpty()) {
			return true;
		}
		String answer = normalise(text);
		return question.gold().stream().anyMatch((phrase) -> answer.contains(normalise(phrase)));
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\u2010-\u2015\u2212]", "-")
			.replaceAll("\\s+", " ");
	}

}
