package dev.hearth.escalation;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.Decision;

/**
 * The rules evaluated on every customer turn. {@link #beforeAnswering} runs on the
 * question alone (a customer who asks for a person gets one, without a bot answer first);
 * {@link #afterAnswering} on the pipeline's decision. Thread-safe: stateless.
 */
@Component
public class EscalationPolicy {

	static final String ASKED_FOR_PERSON = "customer-asked-for-person";

	private static final Pattern PERSON = Pattern.compile("(?iu)\\b(?:"
			+ "(?:talk|speak|chat)\\s+(?:to|with)\\s+(?:a|an|some|your|real|live)?\\s*(?:real\\s+|live\\s+|actual\\s+)?"
			+ "(?:human|person|agent|someone|somebody|representative|rep|operator|advisor|adviser|staff|employee)"
			+ "|(?:human|live|real)\\s+(?:agent|person|being|support|help)"
			+ "|customer\\s+(?:service|support)\\s+(?:agent|representative|rep)"
			+ "|(?:get|connect|transfer|put)\\s+me\\s+(?:to|through\\s+to|with)\\s+(?:a|an|someone|somebody|your)?\\s*"
			+ "(?:human|person|agent|representative|someone|somebody|operator|colleague)"
			+ "|representative|not\\s+(?:a|this)\\s+(?:bot|robot|machine)|stop\\s+the\\s+bot|are\\s+you\\s+a\\s+bot"
			+ "|(?:mit\\s+einem|einen)\\s+(?:menschen|mitarbeiter|berater|mitarbeiterin|beraterin)"
			+ "|(?:menschen|mitarbeiter)\\s+sprechen|echte[nr]?\\s+(?:person|menschen|mitarbeiter))\\b");

	/** A rule that fires on the question alone, if any. */
	public Optional<EscalationDecision> beforeAnswering(String question) {
		if (PERSON.matcher(question).find()) {
			return Optional.of(customerAskedForPerson());
		}
		return Optional.empty();
	}

	/**
	 * The decision when a customer asks for a person, in words or with the widget's "Talk
	 * to a person" button.
	 */
	public EscalationDecision customerAskedForPerson() {
		return new EscalationDecision(ASKED_FOR_PERSON, "The customer asked for a person.", 2,
				EscalationDecision.Action.HUMAN);
	}

	/** A rule that fires on the pipeline's answer, if any. */
	public Optional<EscalationDecision> afterAnswering(Answer answer) {
		if (answer.decision() == Decision.ESCALATE) {
			String reason = switch (answer.reason()) {
				case OUT_OF_SCOPE -> "Hearth's knowledge base does not cover the question.";
				case LOW_CONFIDENCE -> "Hearth found related information but is not sure enough to answer.";
				case UNGROUNDED -> "The language model's answer was not supported by the knowledge base.";
				case MODEL_FAILURE -> "The language model failed.";
			};
			EscalationDecision.Action action = switch (answer.reason()) {
				case OUT_OF_SCOPE, LOW_CONFIDENCE -> EscalationDecision.Action.APPROVED_LLM;
				case UNGROUNDED, MODEL_FAILURE -> EscalationDecision.Action.HUMAN;
			};
			return Optional.of(new EscalationDecision("pipeline:" + answer.reason(), reason, 1, action));
		}
		return Optional.empty();
	}

}
