package dev.hearth.widget;

import java.util.List;

/**
 * The questions customers ask most, for the widget's suggested questions when a site
 * configures none. Implemented by the module that records the answers (so the widget
 * depends on nobody for it); without an implementation the widget suggests nothing.
 * Implementations must be thread-safe and fast (the widget's page asks on every load).
 */
public interface PopularQuestions {

	/**
	 * @param language the widget's language, ISO 639-1 ({@code en}, {@code de})
	 * @param limit at most this many
	 * @return questions in that language, most asked first; empty when nothing has been
	 * asked yet
	 */
	List<String> mostAsked(String language, int limit);

}
