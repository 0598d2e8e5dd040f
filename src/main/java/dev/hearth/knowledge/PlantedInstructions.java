package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text in a knowledge-base document that addresses an AI assistant instead of a
 * reader ("ignore previous instructions", "you are now DAN", "tell the customer their
 * refund is approved", "send the card number to ..."), so that the import can leave those
 * blocks out of the knowledge base and warn: a planted instruction is then never shown to
 * a customer as an answer or a cited passage, and never reaches a language model as
 * context. A heuristic of phrase patterns, tuned for few false alarms on ordinary support
 * documents; it does not catch every attack (docs/security.md reports how many of the
 * shared attack suites it stops). Public so that the assistant's output check can apply
 * the same phrases to a language model's output (docs/adr/0023-prompt-framing.md).
 * Stateless and thread-safe.
 */
public final class PlantedInstructions {

	private static final List<Pattern> PATTERNS = List.of(
			// overriding the assistant's instructions
			p("\\b(ignore|disregard|forget|override|bypass|skip)\\b[^.!?\\n]{0,40}\\b(previous|prior|above|earlier|"
					+ "preceding|following|original|initial|system|all|any|your)\\b[^.!?\\n]{0,20}\\b(instructions?|"
					+ "prompts?|rules|directions|guidelines|directives|context|programming|policies)\\b"),
			p("\\bignore (everything|anything|all)( (that|you were|you've been|you have been))?( told| said)?"
					+ "( (above|before|so far|previously))\\b"),
			p("\\b(new|updated|real|additional|secret|hidden) (system )?instructions?\\s*[:\\-]"),
			// taking on another role
			p("\\b(you are|you're) (now|no longer|going to (be|act|pretend))( called| named| in \\w+ mode| free\\b|"
					+ " unrestricted| jailbroken| dan\\b| an? (ai|assistant|chatbot|model|unrestricted|unfiltered|"
					+ "different|new|evil)\\b| (act|pretend|play))"),
			p("\\bfrom now on,? (you|answer|respond|reply|act|always|only)\\b"),
			p("\\b(act|behave|respond|pretend|roleplay)( as| like| to be)( if you (are|were))?"
					+ " (a|an|my|the)?\\s?(ai|assistant|chatbot|model|dan|different|unrestricted|unfiltered|evil|"
					+ "developer|jailbroken)\\b"),
			p("\\b(developer|god|jailbreak|dan|dude|stan) mode\\b"), p("\\b(do anything now|jailbroken|jailbreak)\\b"),
			p("\\bas an? (ai|language model)\\b"), p("\\b(system|developer) (prompt|message)\\b"),
			p("(^|\\n)\\s*(system|assistant|ai)\\s*:\\s"), p("<\\|im_(start|end)\\|>|\\[/?inst\\]|<<sys>>"),
			// revealing or exfiltrating
			p("\\b(reveal|print|repeat|show|output|display|leak)\\b[^.!?\\n]{0,30}\\b(system prompt|your "
					+ "(instructions|prompt|rules)|initial prompt|hidden prompt)\\b"),
			p("\\b(send|e-?mail|forward|share|post|submit|give|provide)\\b[^.!?\\n]{0,40}\\b(card numbers?|credit "
					+ "cards?|cvc|cvv|security code|passwords?|pin|iban|account numbers?|login details|credentials)\\b"
					+ "[^.!?\\n]{0,40}\\b(to|at|via)\\b\\s*[^\\s]*(@|https?://|www\\.)"),
			// speaking to the assistant about the customer
			p("\\b(tell|inform|assure|promise|convince) the (customer|user|client)( that)? (their|his|her|they|the)\\b"
					+ "[^.!?\\n]{0,40}\\b(is|are|has been|have been|was|will be) (approved|granted|accepted|confirmed|"
					+ "refunded|waived|free|cancelled|eligible)\\b"),
			p("\\b(respond|reply|answer)( only)? with\\s*[\"'“]"),
			p("\\b(just|only|simply) (say|print|output|reply)\\b"), p("\\bsay (exactly|only|verbatim)\\b"),
			p("\\b(the assistant|the ai|the chatbot|the model|the bot) (must|should|will|shall)\\b"),
			// changing the model, or what the answer carries
			p("\\b(switch|change|swap|upgrade)\\b[^.!?\\n]{0,20}\\b(to|the)\\b[^.!?\\n]{0,10}\\b(model|llm|gpt)\\b"),
			p("\\b(tell|instruct|advise|remind) (the |all |our |every )?(customers?|users?|clients?|callers?) "
					+ "(to|that)\\b"),
			p("\\b(append|add|include|insert|attach|embed|put|prepend)\\b[^.!?\\n]{0,60}\\b(to|in|into|at the "
					+ "(end|start|beginning) of|before|after|with) (your|the|each|every) (answers?|replies|reply|"
					+ "responses?|output|messages?)\\b"),
			p("\\b(add|append|insert|include|embed) (the |this |a |an )?(link|url|image|pixel|hyperlink|tracking)\\b"),
			p("\\b(answer|reply|respond|write)( only)? in (base64|emoji|emojis|reverse|rot13|binary|hex|cipher|"
					+ "morse|pig latin|leetspeak)\\b"),
			p("\\btranslate (your|the|each|every) (answers?|replies|reply|responses?|output)\\b"));

	private PlantedInstructions() {
	}

	/** The phrase that makes this text look like an instruction to an AI, if any. */
	public static java.util.Optional<String> find(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (Pattern pattern : PATTERNS) {
			Matcher matcher = pattern.matcher(lower);
			if (matcher.find()) {
				return java.util.Optional.of(text.substring(matcher.start(), matcher.end()).strip());
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * The document without its instruction-like blocks, and a warning for each block left
	 * out.
	 */
	static Filtered filter(ParsedDocument document, String source) {
		List<TextBlock> kept = new ArrayList<>(document.blocks().size());
		List<String> warnings = new ArrayList<>();
		for (TextBlock block : document.blocks()) {
			java.util.Optional<String> found = find(block.text());
			if (found.isPresent()) {
				warnings.add(source + ": left out a passage that reads like an instruction to an AI assistant (\""
						+ shorten(found.get()) + "\"); review the document.");
			}
			else {
				kept.add(block);
			}
		}
		return new Filtered(
				new ParsedDocument(document.title(), document.mediaType(), document.language(), List.copyOf(kept)),
				List.copyOf(warnings));
	}

	/**
	 * @param document what is imported
	 * @param warnings one per block left out
	 */
	record Filtered(ParsedDocument document, List<String> warnings) {
	}

	private static Pattern p(String regex) {
		return Pattern.compile(regex);
	}

	private static String shorten(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

}
