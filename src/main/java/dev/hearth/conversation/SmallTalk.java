package dev.hearth.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a customer message that is only small talk — a greeting, thanks, goodbye or
 * "are you a bot?", in English or German, alone or a few together ("ok thanks, bye!") —
 * so Hearth answers it with a short friendly line instead of searching the knowledge base
 * and declining. A message with anything else in it ("hi, how long does a refund take?")
 * is not small talk. Stateless.
 */
final class SmallTalk {

	/** What the customer said, the last kind winning over the earlier ones. */
	enum Kind {

		GREETING, THANKS, GOODBYE, BOT_QUESTION;

		/** The bundle key of Hearth's reply. */
		String key() {
			return "widget.notice.smalltalk." + name().toLowerCase(Locale.ROOT).replace("_question", "");
		}

	}

	/**
	 * @param kind what it was
	 * @param language {@code en} or {@code de} when the words say so, {@code null} when
	 * they fit both ("ok", "ciao")
	 */
	record Said(Kind kind, String language) {
	}

	private record Phrase(Kind kind, String language, Pattern pattern) {
	}

	private static final List<Phrase> PHRASES = List.of(phrase(Kind.BOT_QUESTION, "en",
			"(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|machine|ai|human|real|real person|a real person|person)"
					+ "|(?:am i|are we) (?:talking|chatting|speaking) (?:to|with) (?:a |an )?(?:bot|robot|machine|ai|human|real person)"
					+ "|is (?:this|that) (?:a )?(?:bot|robot|chatbot|machine)|who are you|what are you"),
			phrase(Kind.BOT_QUESTION, "de",
					"(?:bist du|sind sie) (?:ein |eine )?(?:bot|roboter|maschine|ki|mensch|echter mensch|echte person)"
							+ "|(?:spreche|schreibe|chatte) ich (?:mit|gerade mit) (?:einem |einer )?(?:bot|roboter|maschine|ki|menschen)"
							+ "|ist das (?:ein )?(?:bot|roboter|chatbot)|wer bist du|wer sind sie"),
			phrase(Kind.GOODBYE, "en",
					"bye|goodbye|good bye|bye bye|see you|see ya|have a (?:nice|good|great) (?:day|evening|weekend)|that'?s all|that is all"),
			phrase(Kind.GOODBYE, "de",
					"tschüss|tschüs|tschau|auf wiedersehen|auf wiederhören|bis dann|bis bald|schönen (?:tag|abend) noch|das war'?s|das wars"),
			phrase(Kind.GOODBYE, null, "ciao|ok bye"),
			phrase(Kind.THANKS, "en",
					"thanks|thank you|thank u|thx|ty|cheers|many thanks|thanks a lot|thanks a million|much appreciated"
							+ "|(?:thanks|thank you) (?:so much|very much|a lot|for your help|for the help)|great|perfect|awesome|got it|that helps|that helped"),
			phrase(Kind.THANKS, "de",
					"danke|danke schön|dankeschön|danke sehr|vielen dank|herzlichen dank|besten dank|danke für die hilfe"
							+ "|vielen dank für die hilfe|super|prima|alles klar"),
			phrase(Kind.THANKS, null, "ok|okay|k|kk|merci"),
			phrase(Kind.GREETING, "en",
					"hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|hi there|hello there|hey there"
							+ "|how are you(?: doing| today)?|how'?s it going"),
			phrase(Kind.GREETING, "de",
					"hallo|hallöchen|guten (?:morgen|tag|abend)|servus|moin|moin moin|grüß gott|grüss gott|grüezi|hi zusammen"
							+ "|wie geht'?s|wie geht es (?:dir|ihnen)"),
			phrase(Kind.GREETING, null, "hallo there"));

	private static final Pattern SEPARATOR = Pattern.compile("[\\s,.!?;:)(\\-–—~*\"]+|\\p{So}+");

	/**
	 * Longest small-talk message looked at: anything longer has something else to say.
	 */
	static final int MAX_CHARS = 80;

	private SmallTalk() {
	}

	/** What the message says, if it is only small talk. */
	static Optional<Said> of(String message) {
		if (message == null || message.length() > MAX_CHARS) {
			return Optional.empty();
		}
		String rest = SEPARATOR.matcher(message.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ").strip();
		if (rest.isEmpty()) {
			return Optional.empty();
		}
		Kind kind = null;
		String language = null;
		while (!rest.isEmpty()) {
			Phrase longest = null;
			int length = 0;
			// the longest run of whole words that one phrase matches
			for (int end = rest.length(); end > 0 && longest == null; end = rest.lastIndexOf(' ', end - 1)) {
				String words = rest.substring(0, end);
				for (Phrase phrase : PHRASES) {
					if (phrase.pattern().matcher(words).matches()) {
						longest = phrase;
						length = end;
						break;
					}
				}
			}
			if (longest == null) {
				return Optional.empty();
			}
			if (kind == null || longest.kind().ordinal() >= kind.ordinal()) {
				kind = longest.kind();
			}
			if (longest.language() != null) {
				language = longest.language();
			}
			rest = rest.substring(length).strip();
		}
		return Optional.of(new Said(kind, language));
	}

	private static Phrase phrase(Kind kind, String language, String words) {
		return new Phrase(kind, language, Pattern.compile("(?u)(?:" + words + ")"));
	}

}
