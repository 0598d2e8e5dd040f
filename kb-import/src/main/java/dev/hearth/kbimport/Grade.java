package dev.hearth.kbimport;

import java.text.Normalizer;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * How the server's answer fared against a {@link Labelled} question. A question that must
 * be escalated is right when escalated and wrong when answered. Otherwise an answer is
 * right when it comes from where the question expects (the FAQ entry, or a citation whose
 * source ends with the expected document) and, when gold phrases are given, its text
 * holds one of them (compared without case, any dash as a hyphen). A question that names
 * only a document and gold phrases is also answered right by an FAQ entry holding a gold
 * phrase.
 */
enum Grade {

	/** Answered from the expected source (with a gold phrase), or rightly escalated. */
	RIGHT,
	/**
	 * Answered from another source or without a gold phrase, or answered when it must
	 * escalate.
	 */
	WRONG,
	/** Escalated although the question can be answered. */
	ESCALATED;

	/** Grades one answer of {@code POST /api/admin/answer}. */
	static Grade of(Labelled question, JsonNode answer) {
		boolean escalated = "ESCALATE".equals(Json.text(answer, "decision", ""));
		if (question.expectsEscalation()) {
			return escalated ? RIGHT : WRONG;
		}
		if (escalated) {
			return ESCALATED;
		}
		return (fromExpectedSource(question, answer) && hasGold(question, Json.text(answer, "text", ""))) ? RIGHT
				: WRONG;
	}

	private static boolean fromExpectedSource(Labelled question, JsonNode answer) {
		boolean faq = "faq".equals(Json.text(answer, "answeredBy", ""));
		if (faq) {
			return (question.expected() != null) ? question.expected().equals(Json.text(answer, "faqId", ""))
					: !question.gold().isEmpty();
		}
		return question.expectedSource() != null && cites(answer, question.expectedSource());
	}

	private static boolean cites(JsonNode answer, String source) {
		for (JsonNode citation : Json.elements(answer.get("citations"))) {
			if (Json.text(citation, "source", "").endsWith(source)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasGold(Labelled question, String text) {
		String answer = normalise(text);
		return question.gold().isEmpty()
				|| question.gold().stream().anyMatch((phrase) -> answer.contains(normalise(phrase)));
	}

	private static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\u2010-\u2015\u2212]", "-")
			.replaceAll("\\s+", " ");
	}

}
