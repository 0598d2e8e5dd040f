package dev.hearth.widget;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The questions the widget offers as buttons at the start of a conversation: the site's
 * own ({@code hearth.widget.sites[].suggestions.<language>}, an empty list turning them
 * off), or else the most asked FAQ questions in the widget's language
 * ({@link PopularQuestions}), refreshed at most every
 * {@code hearth.widget.suggestions-refresh}. Thread-safe.
 */
@Component
class SuggestedQuestions {

	/**
	 * At most this many buttons: more would push the greeting out of sight on a phone.
	 */
	static final int MAX = 3;

	private final ObjectProvider<PopularQuestions> popular;

	private final Duration refresh;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	SuggestedQuestions(ObjectProvider<PopularQuestions> popular, WidgetProperties properties) {
		this.popular = popular;
		this.refresh = properties.suggestionsRefresh();
	}

	/** The suggestions for a site's widget in a language, at most {@value #MAX}. */
	List<String> forSite(WidgetProperties.Site site, Locale locale) {
		String language = locale.getLanguage();
		List<String> configured = site.suggestions().get(language);
		if (configured != null) {
			return configured.stream().filter((q) -> q != null && !q.isBlank()).map(String::strip).limit(MAX).toList();
		}
		long now = System.nanoTime();
		Cached cached = this.cache.get(language);
		if (cached == null || now - cached.at() >= this.refresh.toNanos()) {
			PopularQuestions source = this.popular.getIfAvailable();
			cached = new Cached((source != null) ? List.copyOf(source.mostAsked(language, MAX)) : List.of(), now);
			this.cache.put(language, cached);
		}
		return cached.questions();
	}

	private record Cached(List<String> questions, long at) {
	}

}
