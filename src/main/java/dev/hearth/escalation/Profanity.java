package dev.hearth.escalation;

import java.util.regex.Pattern;

/**
 * Recognises swearing in English and German, also lightly disguised ("f*ck", "sh1t").
 * Words that merely contain a swear word ("Scunthorpe", "classic") do not count.
 * Stateless.
 */
final class Profanity {

	private static final Pattern SWEARING = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:"
			+ "f[u*@#0-9]?[c*][k*]\\w*|f\\*+k\\w*|wtf|stfu|sh[i1!*]t\\w*|bullsh[i1!*]t|crap(?:py)?|bloody\\s+hell"
			+ "|damn(?:ed|it)?|goddamn\\w*|bastards?|assholes?|arseholes?|dickheads?|bitch\\w*|piss(?:ed)?\\s+off"
			+ "|scheiß\\w*|scheiss\\w*|verdammt\\w*|arschloch|arschlöcher|mist(?:ding|laden)|idioten?|vollidiot\\w*"
			+ "|drecks\\w+)(?![\\p{L}\\p{N}])");

	private Profanity() {
	}

	static boolean contains(String message) {
		return SWEARING.matcher(message).find();
	}

}
