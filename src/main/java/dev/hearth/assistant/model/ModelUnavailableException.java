package dev.hearth.assistant.model;

/**
 * The language model could not answer: its GGUF file is missing or not a model, llama.cpp
 * failed, or the OpenAI-compatible server is down, slow or refused the request.
 * <p>
 * Thrown by {@code ChatModel.call} and signalled as the error of
 * {@code ChatModel.stream}'s {@code Flux} by every model of this package, and at start-up
 * when the configured model cannot be loaded. The message says what failed, with which
 * file or server; {@link #action()} says what an operator can do about it. Callers answer
 * the customer another way (extractively, or by escalating to a person).
 */
public class ModelUnavailableException extends RuntimeException {

	private final String action;

	ModelUnavailableException(String message, String action) {
		this(message, action, null);
	}

	ModelUnavailableException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/**
	 * What to do about it, for an operator: a sentence.
	 * @return the suggested action
	 */
	public String action() {
		return this.action;
	}

}
