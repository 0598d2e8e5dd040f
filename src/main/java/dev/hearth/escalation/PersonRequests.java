package dev.hearth.escalation;

import java.util.regex.Pattern;

/**
 * Recognises a customer asking for a person, in English and German, directly ("talk to a
 * human") or indirectly ("not this machine", "stop the bot"). "Are you a bot?" alone is
 * small talk, answered by the conversation module. Stateless.
 */
final class PersonRequests {

	private static final Pattern PERSON = Pattern.compile("(?iu)\\b(?:"
			+ "(?:talk|speak|chat)\\s+(?:to|with)\\s+(?:a|an|some|your|real|live)?\\s*(?:real\\s+|live\\s+|actual\\s+)?"
			+ "(?:human|person|agent|someone|somebody|representative|rep|operator|advisor|adviser|staff|employee)"
			+ "|(?:human|live|real)\\s+(?:agent|person|being|support|help)"
			+ "|customer\\s+(?:service|support)\\s+(?:agent|representative|rep)"
			+ "|(?:get|connect|transfer|put)\\s+me\\s+(?:to|through\\s+to|with)\\s+(?:a|an|someone|somebody|your)?\\s*"
			+ "(?:human|person|agent|representative|someone|somebody|operator|colleague)"
			+ "|representative|not\\s+(?:a|this)\\s+(?:bot|robot|machine)|stop\\s+the\\s+bot"
			+ "|(?:mit\\s+einem|einen)\\s+(?:menschen|mitarbeiter|berater|mitarbeiterin|beraterin)"
			+ "|(?:menschen|mitarbeiter)\\s+sprechen|echte[nr]?\\s+(?:person|menschen|mitarbeiter))\\b");

	/**
	 * A whole message that only names a person, as a customer answers Hearth's decline
	 * ("a person", "human please", "einen Mitarbeiter bitte").
	 */
	private static final Pattern SHORT_ANSWER = Pattern.compile("(?iu)^\\s*(?:(?:yes|ja)[,.!]?\\s*)?"
			+ "(?:(?:to|with|mit)\\s+)?(?:a|an|one|some|ein|eine|einen|einem)?\\s*(?:real\\s+|live\\s+|echte[nr]?\\s+)?"
			+ "(?:person|human|agent|someone|somebody|representative|operator|mensch(?:en)?|mitarbeiter(?:in)?|berater(?:in)?)"
			+ "\\s*(?:,?\\s*(?:please|bitte))?\\s*[.!]*\\s*$");

	private PersonRequests() {
	}

	static boolean asksForPerson(String message) {
		return PERSON.matcher(message).find() || SHORT_ANSWER.matcher(message).matches();
	}

}
