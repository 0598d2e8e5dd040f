package dev.hearth.widget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestedQuestionsTest {

	private final List<String> asked = new ArrayList<>();

	private final PopularQuestions popular = (language, limit) -> {
		this.asked.add(language);
		return List.of("Most asked " + language, "Second " + language, "Third " + language).subList(0, limit);
	};

	private SuggestedQuestions suggestions(Duration refresh) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("popular", this.popular);
		WidgetProperties properties = new WidgetProperties("demo", List.of(),
				new WidgetProperties.RateLimit(60, 20, 600, 6000, true), Duration.ofSeconds(1), Duration.ofMinutes(5),
				refresh);
		return new SuggestedQuestions(beans.getBeanProvider(PopularQuestions.class), properties);
	}

	private static WidgetProperties.Site site(Map<String, List<String>> suggestions) {
		return new WidgetProperties.Site("shop", List.of(), "Shop", "#112233", null, "right", Map.of(), suggestions,
				null);
	}

	@Test
	void aSitesOwnQuestionsWinAndAnEmptyListTurnsThemOff() {
		SuggestedQuestions suggestions = suggestions(Duration.ofMinutes(5));
		WidgetProperties.Site site = site(
				Map.of("en", List.of(" Own one ", "", "Own two", "Own three", "Own four"), "de", List.of()));
		assertThat(suggestions.forSite(site, Locale.ENGLISH)).containsExactly("Own one", "Own two", "Own three");
		assertThat(suggestions.forSite(site, Locale.GERMAN)).isEmpty();
		assertThat(this.asked).isEmpty();
	}

	@Test
	void otherwiseTheMostAskedInTheLanguageCountedOncePerRefresh() {
		SuggestedQuestions suggestions = suggestions(Duration.ofMinutes(5));
		WidgetProperties.Site site = site(Map.of());
		assertThat(suggestions.forSite(site, Locale.GERMAN)).containsExactly("Most asked de", "Second de", "Third de");
		suggestions.forSite(site, Locale.GERMAN);
		suggestions.forSite(site, Locale.ENGLISH);
		assertThat(this.asked).containsExactly("de", "en");
		SuggestedQuestions uncached = suggestions(Duration.ZERO);
		uncached.forSite(site, Locale.GERMAN);
		uncached.forSite(site, Locale.GERMAN);
		assertThat(this.asked).containsExactly("de", "en", "de", "de");
	}

	@Test
	void withoutASourceThereAreNone() {
		WidgetProperties properties = new WidgetProperties("demo", List.of(),
				new WidgetProperties.RateLimit(60, 20, 600, 6000, true), Duration.ofSeconds(1), Duration.ofMinutes(5),
				Duration.ofMinutes(5));
		SuggestedQuestions suggestions = new SuggestedQuestions(
				new StaticListableBeanFactory().getBeanProvider(PopularQuestions.class), properties);
		assertThat(suggestions.forSite(site(Map.of()), Locale.ENGLISH)).isEmpty();
	}

}
