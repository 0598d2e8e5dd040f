package dev.hearth.assistant;

import java.util.Set;

/**
 * The words of a customer's question that name its topic (content words, lightly stemmed,
 * without the words that only ask for a kind of fact such as "cost" or "how long"), for
 * other modules that must tell whether a text is about the question: the clarifying
 * question's options, for one. Thread-safe: stateless.
 */
public final class TopicWords {

	private TopicWords() {
	}

	/** The question's topic words; empty for a question without any. */
	public static Set<String> of(String question) {
		return Answerability.topicWords(question);
	}

	/**
	 * Whether the text contains every one of the topic words (and there is at least one):
	 * an FAQ entry whose phrasings name all the words of a short question ("bill") is one
	 * of the entries the question may mean.
	 */
	public static boolean shareAll(Set<String> topic, String text) {
		Set<String> words = ContentWords.setOf(text);
		return !topic.isEmpty() && words.containsAll(topic);
	}

	/** Whether the text contains at least one of the topic words. */
	public static boolean shareAny(Set<String> topic, String text) {
		Set<String> words = ContentWords.setOf(text);
		return topic.stream().anyMatch(words::contains);
	}

}
