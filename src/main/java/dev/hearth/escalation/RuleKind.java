package dev.hearth.escalation;

/** What a policy rule looks at. */
public enum RuleKind {

	/**
	 * The answer pipeline escalated because the question is outside the knowledge base.
	 */
	PIPELINE_OUT_OF_SCOPE,
	/** The answer pipeline found related information but was not confident enough. */
	PIPELINE_LOW_CONFIDENCE,
	/** The language model's answer was not supported by the knowledge base. */
	PIPELINE_UNGROUNDED,
	/** The language model failed. */
	PIPELINE_MODEL_FAILURE,
	/** The customer asks for a person, directly or indirectly. */
	ASKED_FOR_PERSON,
	/** The customer asks the same question again ({@code limit} repeats). */
	REPHRASING,
	/** The message is clearly negative ({@code limit} is the score that fires). */
	NEGATIVE_SENTIMENT,
	/** The message contains profanity. */
	PROFANITY,
	/** The message touches a topic the company configured ({@code phrases}). */
	SENSITIVE_TOPIC,
	/** The message contains personal data of the configured {@code dataClasses}. */
	REGULATED_DATA,
	/**
	 * The customer has written more than {@code limit} messages that Hearth could not
	 * resolve (escalated, declined, asked back, rated unhelpful); answered ones never
	 * count.
	 */
	TURN_LIMIT;

	/** Whether the rule needs the pipeline's answer, rather than the message alone. */
	public boolean afterAnswering() {
		return name().startsWith("PIPELINE_");
	}

}
