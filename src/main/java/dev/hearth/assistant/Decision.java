package dev.hearth.assistant;

/** What Hearth does with a question. */
public enum Decision {

	/** Hearth answered. */
	ANSWERED,
	/** Hearth should not answer: hand over (the reason says why). */
	ESCALATE

}
