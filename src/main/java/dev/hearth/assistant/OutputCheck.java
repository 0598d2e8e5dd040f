package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hearth.knowledge.PlantedInstructions;
import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.PiiMatch;
import dev.hearth.privacy.Redactor;

/**
 * The leak check on a language model's output before any of it reaches a customer (issue
 * 13, docs/adr/0023-prompt-framing.md). Output is rejected when it
 * <ul>
 * <li>{@code DELIMITER}: contains a data-block delimiter, the prompt's nonce or a
 * chat-template token;</li>
 * <li>{@code SYSTEM_PROMPT}: repeats {@value #WINDOW} or more consecutive words of the
 * system prompt;</li>
 * <li>{@code REGULATED_DATA}: holds a card number, IBAN, national ID, customer or order
 * number that is not in the customer's own messages, or an email address, phone number or
 * postal address that is in neither the customer's messages nor the passages;</li>
 * <li>{@code LINK}: holds a URL or web address that is not in the passages, a Markdown
 * image, or HTML markup;</li>
 * <li>{@code INSTRUCTION}: reads like an instruction to an AI or like obeying one (the
 * import's {@link PlantedInstructions} phrases, persona labels such as {@code [DAN]} or
 * {@code DAN:}, "as an AI", "developer mode", "sure, here is what you asked");</li>
 * <li>{@code ENCODED}: looks encoded or obfuscated (a long base64-like run, or mostly
 * symbols rather than letters).</li>
 * </ul>
 * Stateless apart from its settings; thread-safe.
 */
public final class OutputCheck {

	/** Consecutive words of the system prompt that count as revealing it. */
	static final int WINDOW = 7;

	private static final Pattern URL = Pattern
		.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"'()\\[\\]]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\."
				+ "(?:com|net|org|io|co|info|biz|xyz|ru|cn|de|uk|eu|me|ly|gl|app|dev|site|online|link|click|top)"
				+ "(?:/[^\\s<>\"'()\\[\\]]*)?\\b|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,24}/[^\\s<>\"'()\\[\\]]*");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

	private static final Pattern MARKUP = Pattern
		.compile("(?i)!\\[[^\\]]*]\\s*\\(|<\\s*(?:img|a|script|iframe|style|svg|object|embed|link|meta|form)\\b");

	private static final Pattern DELIMITER = Pattern.compile(
			"(?i)<{3,}|>{3,}|<\\|[^|<>\\n]{0,40}\\|>|\\[/?inst]|<</?sys>>|</?(?:start|end)_of_turn>|\\bid=[0-9a-f]{16}\\b");

	/**
	 * Personas of the well-known jailbreaks and chat roles, as a label before a colon.
	 */
	private static final Pattern PERSONA = Pattern.compile("(?i)^(?:(?:anti-?)?dan|gpt|chatgpt|stan|dude|aim|"
			+ "jailbreak|jailbroken|developer mode|developer mode output|classic|normal|system|assistant|user|ai|bot|"
			+ "model|evil|unfiltered|uncensored)$");

	/** A label before a colon at the start of the output or of a sentence. */
	private static final Pattern LABEL = Pattern.compile(
			"(?:^|[.!?]\\s+|\\n\\s*)[\\[(]?[\\p{So}\\s]*([A-Za-z][A-Za-z0-9 _-]{0,24}?)[\\p{So}\\s]*[\\])]?\\s*:(?!//)");

	/**
	 * A task for a text generator as the first words: what echoing or carrying out an
	 * injected task looks like, never how a support answer starts.
	 */
	private static final Pattern TASK = Pattern.compile("(?i)^\\W*(?:summari[sz]e|translate|analy[sz]e|compose|"
			+ "generate|recommend|suggest|encode|decode|rewrite|paraphrase|brainstorm|imagine|pretend|write (?:a|an|me|"
			+ "some)|tell me (?:a|about)|give me (?:a|some)|create (?:a|an)|draft (?:a|an)|list (?:the|all|some|"
			+ "\\d+))\\b");

	private static final List<Pattern> OBEYING = List.of(
			// persona tags of the well-known jailbreaks, like [DAN] or [🔓JAILBREAK]
			Pattern.compile("\\[\\s*[\\p{So}\\p{Sk}]?\\s*[A-Z][A-Za-z]{1,20}(?:[ _-][A-Za-z]{1,12})?\\s*]"),
			Pattern.compile("(?i)\\b(?:as an? (?:ai|language model|large language model)|i am an? "
					+ "(?:ai|language model)|developer mode|jailbr(?:eak|oken)|do anything now|no (?:restrictions|"
					+ "filters|rules) (?:apply|anymore)|without (?:any )?(?:restrictions|filters|censorship)|"
					+ "my (?:instructions|system prompt|prompt|rules) (?:say|are|is)|i (?:was|have been) "
					+ "(?:told|instructed|asked) to|as (?:you )?(?:instructed|requested|asked)|switched to|"
					+ "(?:sure|certainly|of course|okay|ok|absolutely)[,!.]? here(?: is|'s| are)|here is (?:the|your|my) "
					+ "(?:translation|script|code|summary|poem|story|joke|encoded|base64|reversed|emoji|analysis|list|"
					+ "ad|advertisement|recommendation)|data block|system prompt)\\b"));

	private static final Pattern BASE64ISH = Pattern.compile("[A-Za-z0-9+/=_-]{28,}");

	private static final Set<PiiClass> CONTACT = Set.of(PiiClass.EMAIL, PiiClass.PHONE, PiiClass.POSTAL_ADDRESS);

	private final Redactor redactor;

	/**
	 * @param redactor finds regulated data
	 */
	public OutputCheck(Redactor redactor) {
		this.redactor = redactor;
	}

	/**
	 * What the output may draw on.
	 *
	 * @param systemPrompt the system prompt the model was given
	 * @param nonce the data blocks' nonce, or {@code null}
	 * @param passages the passages it was given (may be empty)
	 * @param customerMessages the customer's own messages in this conversation, this one
	 * included
	 */
	public record Sources(String systemPrompt, String nonce, List<String> passages, List<String> customerMessages) {

		public Sources {
			passages = List.copyOf(passages);
			customerMessages = List.copyOf(customerMessages);
		}

	}

	/**
	 * Why output was rejected.
	 *
	 * @param check {@code DELIMITER}, {@code SYSTEM_PROMPT}, {@code REGULATED_DATA},
	 * {@code LINK}, {@code INSTRUCTION} or {@code ENCODED}
	 * @param detail what was found, without the output's text (a class of data, a count)
	 */
	public record Rejection(String check, String detail) {
	}

	/**
	 * Checks output (a sentence, or everything generated so far).
	 * @return the first reason to reject it, or empty if it may be shown
	 */
	public Optional<Rejection> check(String output, Sources sources) {
		if (output == null || output.isBlank()) {
			return Optional.empty();
		}
		if (DELIMITER.matcher(output).find() || (sources.nonce() != null && output.contains(sources.nonce()))) {
			return reject("DELIMITER", "a data-block delimiter or template token");
		}
		if (repeatsSystemPrompt(output, sources.systemPrompt())) {
			return reject("SYSTEM_PROMPT", WINDOW + " or more consecutive words of the system prompt");
		}
		Optional<Rejection> data = regulatedData(output, sources);
		if (data.isPresent()) {
			return data;
		}
		if (MARKUP.matcher(output).find()) {
			return reject("LINK", "a Markdown image or HTML markup");
		}
		String passages = normalized(String.join("\n", sources.passages()));
		// an email's domain is not a web address (emails were checked above)
		Matcher url = URL.matcher(EMAIL.matcher(output).replaceAll(" "));
		while (url.find()) {
			String found = normalized(url.group().replaceAll("[.,;:!?]+$", ""));
			if (found.isEmpty() || !passages.contains(found)) {
				return reject("LINK", "a web address that is not in the passages");
			}
		}
		if (PlantedInstructions.find(output).isPresent()) {
			return reject("INSTRUCTION", "reads like an instruction to an AI");
		}
		for (Pattern pattern : OBEYING) {
			if (pattern.matcher(output).find()) {
				return reject("INSTRUCTION", "reads like obeying an injected instruction");
			}
		}
		if (TASK.matcher(output).find()) {
			return reject("INSTRUCTION", "starts like a task for a text generator");
		}
		Matcher label = LABEL.matcher(output);
		String passageWords = " " + String.join(" ", words(String.join(" ", sources.passages()))) + " ";
		while (label.find()) {
			String name = label.group(1).strip().toLowerCase(Locale.ROOT);
			if (PERSONA.matcher(name).matches() || !passageWords.contains(" " + String.join(" ", words(name)) + " ")) {
				return reject("INSTRUCTION", "a persona or role label");
			}
		}
		if (looksEncoded(output)) {
			return reject("ENCODED", "encoded or obfuscated text");
		}
		return Optional.empty();
	}

	private Optional<Rejection> regulatedData(String output, Sources sources) {
		List<PiiMatch> found = this.redactor.find(output);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		String customer = normalized(String.join("\n", sources.customerMessages()));
		String passages = normalized(String.join("\n", sources.passages()));
		for (PiiMatch match : found) {
			String value = normalized(output.substring(match.start(), match.end()));
			boolean allowed = customer.contains(value) || (CONTACT.contains(match.kind()) && passages.contains(value));
			if (!allowed) {
				return reject("REGULATED_DATA", match.kind().name());
			}
		}
		return Optional.empty();
	}

	static boolean repeatsSystemPrompt(String output, String systemPrompt) {
		if (systemPrompt == null || systemPrompt.isBlank()) {
			return false;
		}
		Set<String> windows = new HashSet<>(windows(words(systemPrompt)));
		return windows(words(output)).stream().anyMatch(windows::contains);
	}

	private static List<String> windows(List<String> words) {
		List<String> windows = new ArrayList<>();
		for (int i = 0; i + WINDOW <= words.size(); i++) {
			windows.add(String.join(" ", words.subList(i, i + WINDOW)));
		}
		return windows;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	private static boolean looksEncoded(String output) {
		Matcher run = BASE64ISH.matcher(output);
		while (run.find()) {
			String token = run.group();
			// a long word of letters only is a word; base64 mixes cases and digits
			if (token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isUpperCase)
					&& token.chars().anyMatch(Character::isLowerCase)) {
				return true;
			}
		}
		String visible = output.replaceAll("\\[\\d+(?:\\s*,\\s*\\d+)*]", "").replaceAll("\\s+", "");
		if (visible.length() < 8) {
			return false;
		}
		long letters = visible.codePoints().filter(Character::isLetter).count();
		long digits = visible.codePoints().filter(Character::isDigit).count();
		return letters + digits < visible.codePointCount(0, visible.length()) * 0.6;
	}

	/** Lower case, letters and digits only, for "does this value occur there". */
	private static String normalized(String text) {
		return text.toLowerCase(Locale.ROOT)
			.replaceAll("^(?:https?://|ftp://)?(?:www\\.)?", "")
			.replaceAll("[^\\p{L}\\p{N}@.]+", "");
	}

	private static Optional<Rejection> reject(String check, String detail) {
		return Optional.of(new Rejection(check, detail));
	}

}
