package dev.hearth.privacy;

import java.util.Map;

/**
 * A text with its personal data replaced by placeholders.
 *
 * @param text the redacted text, e.g. "my email is [EMAIL_1]"
 * @param values placeholder to original value
 * @param counts how many distinct values of each kind were replaced
 */
public record Redaction(String text, Map<String, String> values, Map<PiiClass, Integer> counts) {

	/**
	 * Puts the original values back into a text that uses this redaction's placeholders.
	 */
	public String restore(String answer) {
		String restored = answer;
		for (Map.Entry<String, String> entry : this.values.entrySet()) {
			restored = restored.replace(entry.getKey(), entry.getValue());
		}
		return restored;
	}

}
