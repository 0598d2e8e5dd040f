package dev.hearth.assistant;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.hearth.knowledge.FaqCatalog;
import dev.hearth.knowledge.FaqEntry;

/**
 * Turns a customer's question into a {@link Query}: checks it, makes a follow-up
 * self-contained with the history ({@code FollowUps}) and embeds it with the knowledge
 * base's model, which is the only embedding call of a customer turn. Thread-safe if the
 * embedding model is.
 */
@Component
public class Queries {

	static final int MAX_QUESTION_CHARS = 2000;

	private final EmbeddingModel embeddings;

	private final ObservationRegistry observations;

	/** The answers of the FAQ entries, to recognise one in the conversation. */
	private final PerRevision<List<String>> faqAnswers;

	Queries(EmbeddingModel embeddings, ObjectProvider<ObservationRegistry> observations, FaqCatalog catalog) {
		this.embeddings = embeddings;
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		this.faqAnswers = new PerRevision<>(catalog::revision,
				() -> catalog.entries().stream().map(FaqEntry::answer).toList());
	}

	/** The answers of the FAQ entries, as of the FAQ's current revision. */
	List<String> faqAnswers() {
		return this.faqAnswers.get();
	}

	/**
	 * @param question what the customer wrote
	 * @param history the conversation before it, oldest first
	 * @throws IllegalArgumentException if the question is empty or longer than
	 * {@value #MAX_QUESTION_CHARS} characters
	 */
	public Query of(String question, List<Turn> history) {
		if (question == null || question.isBlank()) {
			throw new IllegalArgumentException("the question is empty");
		}
		if (question.length() > MAX_QUESTION_CHARS) {
			throw new IllegalArgumentException("the question has " + question.length() + " characters, at most "
					+ MAX_QUESTION_CHARS + " are allowed");
		}
		String text = history.isEmpty() ? question.strip()
				: FollowUps.contextualise(question, history, this.faqAnswers::get);
		long started = System.nanoTime();
		float[] vector = Observation.createNotStarted("hearth.model.embed", this.observations)
			.contextualName("embed question")
			.observe(() -> this.embeddings.embed(text));
		return new Query(question, text, vector, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Embeds another text with the same model, to compare candidate answers with the
	 * question ({@link AnswerEvidence}).
	 */
	float[] embed(String text) {
		return Observation.createNotStarted("hearth.model.embed", this.observations)
			.contextualName("embed answer")
			.observe(() -> this.embeddings.embed(text));
	}

}
