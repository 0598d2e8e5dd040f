package dev.hearth.assistant;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The embeddings of texts taken from the knowledge base (FAQ answers, the spans and
 * sentences of passages) that the pipeline compares with a question, each computed once
 * and kept by its text: there are only as many of them as the knowledge base has, and the
 * same span is weighed again whenever a question leads to it, so this spares a turn one
 * to four embedding calls. A changed text is a new key; a new model means a restart. Also
 * the first part of a reply Hearth wrote itself (an FAQ entry's answer, an extractive
 * span, a notice), which the next question of the conversation is searched with
 * ({@link DocumentRetrieval#composed}): such a text is only {@link #answered noted} when
 * the conversation stores it ({@link AnswerPipeline#wroteReply}), and embedded the first
 * time a later turn asks for it. Never used for what customers write, nor for a language
 * model's or a person's answer (those are not noted, so {@link #ofAnswer} returns
 * {@code null}). Thread-safe when the embedding function is.
 */
final class KnowledgeTextEmbeddings {

	/** Most texts kept; at about 1.5 KB a vector, 15 MB. Full, it starts again. */
	static final int MAX_CACHED = 10_000;

	private final Function<String, float[]> embeddings;

	private final Map<String, float[]> cached = new ConcurrentHashMap<>();

	/**
	 * Answer texts given from the knowledge base; a set of its texts, so bounded alike.
	 */
	private final Set<String> answers = ConcurrentHashMap.newKeySet();

	/**
	 * @param embeddings embeds a text with the knowledge base's model
	 */
	KnowledgeTextEmbeddings(Function<String, float[]> embeddings) {
		this.embeddings = embeddings;
	}

	/** The text's embedding; callers must not change the array. */
	float[] embed(String text) {
		float[] vector = this.cached.get(text);
		if (vector != null) {
			return vector;
		}
		vector = this.embeddings.apply(text);
		if (this.cached.size() >= MAX_CACHED) {
			this.cached.clear();
		}
		this.cached.put(text, vector);
		return vector;
	}

	/**
	 * Notes that the pipeline answered with this text, taken from the knowledge base (not
	 * written by a model or a person).
	 */
	void answered(String text) {
		if (this.answers.size() >= MAX_CACHED) {
			this.answers.clear();
		}
		this.answers.add(text);
	}

	/**
	 * The embedding of a text the pipeline {@link #answered answered with}, computed
	 * once; {@code null} for any other text (it may hold what a customer wrote: the
	 * caller embeds it for this turn alone).
	 */
	float[] ofAnswer(String text) {
		return this.answers.contains(text) ? embed(text) : null;
	}

}
