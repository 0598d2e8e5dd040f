package dev.hearth.assistant;

/** Why the pipeline did not answer. */
public enum EscalationReason {

	/** Neither an FAQ entry nor any passage is about the question. */
	OUT_OF_SCOPE,
	/** Something related was found, but not confidently enough to answer. */
	LOW_CONFIDENCE,
	/** The language model's answer was not supported by the passages. */
	UNGROUNDED,
	/** The language model failed (unreachable, timed out, errored). */
	MODEL_FAILURE

}
