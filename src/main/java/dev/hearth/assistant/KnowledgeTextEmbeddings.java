package dev.hearth.assistant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The embeddings of texts taken from the knowledge base (FAQ answers, the spans and
 * sentences of passages) that the pipeline compares with a question, each computed once
 * and kept by its text: there are only as many of them as the knowledge base has, and the
 * same span is weighed again whenever a question leads to it, so this spares a turn one
 * to four embedding calls. A changed text is a new key; a new model means a restart.
 * Never used for what customers write. Thread-safe when the embedding function is.
 */
final class KnowledgeTextEmbeddings {

	/** Most texts kept; at about 1.5 KB a vector, 15 MB. Full, it starts again. */
	static final int MAX_CACHED = 10_000;

	private final Function<String, float[]> embeddings;

	private final Map<String, float[]> cached = new ConcurrentHashMap<>();

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

}
