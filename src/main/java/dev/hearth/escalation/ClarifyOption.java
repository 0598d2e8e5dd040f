package dev.hearth.escalation;

/**
 * One answer the customer may have meant, offered when Hearth asks which one is meant;
 * the widget shows it as a button that sends {@code question}.
 *
 * @param faqId the FAQ entry
 * @param question the entry's question, as the customer would ask it
 */
public record ClarifyOption(String faqId, String question) {
}
