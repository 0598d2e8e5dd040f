package dev.hearth.escalation;

import java.util.regex.Pattern;

/**
 * Recognises a customer asking for a person, in English and German, directly ("talk to a
 * human") or indirectly ("not this machine", "stop the bot"). "Are you a bot?" alone is
 * small talk, answered by the conversation module. Stateless.
 */
public final class PersonRequests {

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

	/**
	 * Words a request for a person is wrapped in ("I'd like to", "can I please", "now"),
	 * which say nothing of what the customer needs.
	 */
	private static final Pattern FILLER = Pattern
		.compile("(?iU)\\b(?:i|d|m|s|ll|ve|i'd|id|i'm|im|me|my|we|want|wanna|would|like|"
				+ "need|can|could|may|please|pls|let|just|now|right|to|with|a|an|the|some|you|your|speak|talk|chat|get|"
				+ "is|there|it|possible|ok|okay|yes|no|hi|hello|hey|thanks|thank|ich|möchte|moechte|will|bitte|kann|"
				+ "mit|einem|einen|ein|eine|sprechen|jetzt|hallo|ja|nein|danke)\\b");

	private PersonRequests() {
	}

	/**
	 * Whether a message asks for a person and says nothing else: "talk to a person", "can
	 * I speak to a human please", "einen Mitarbeiter bitte"; not "I want to talk to
	 * someone about my bill", whose topic an agent needs.
	 */
	public static boolean onlyAsksForPerson(String message) {
		if (message == null || !asksForPerson(message)) {
			return false;
		}
		String rest = PERSON.matcher(message).replaceAll(" ");
		rest = SHORT_ANSWER.matcher(rest).matches() ? "" : rest;
		return FILLER.matcher(rest).replaceAll(" ").replaceAll("[\\p{P}\\s]+", "").isEmpty();
	}

	static boolean asksForPerson(String message) {
		return PERSON.matcher(message).find() || SHORT_ANSWER.matcher(message).matches();
	}

}
