package dev.hearth.conversation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.knowledge.FaqCatalog;
import dev.hearth.knowledge.FaqEntry;
import dev.hearth.widget.PopularQuestions;

/**
 * The widget's default suggested questions: the FAQ entries that answered customers most
 * often (assistant messages with decision {@code ANSWERED}, answered by {@code faq}),
 * shown by their canonical question in the widget's language; while fewer have answered
 * (a new installation), the entries with the most phrasings fill the list. Entries meant
 * for another audience than customers, deleted entries and entries without a canonical
 * question are left out. One grouped query over the answers per call (and a read of the
 * FAQ while it falls short): the widget caches the result
 * ({@code hearth.widget.suggestions-refresh}). Thread-safe.
 */
@Component
final class MostAskedFaqs implements PopularQuestions {

	/** How many of the most used entries are counted (before the language filter). */
	private static final int COUNTED = 50;

	private final JdbcClient jdbc;

	private final FaqCatalog catalog;

	MostAskedFaqs(JdbcClient jdbc, FaqCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Override
	public List<String> mostAsked(String language, int limit) {
		Map<String, String> questions = new LinkedHashMap<>();
		for (String id : faqIds()) {
			if (questions.size() >= limit) {
				break;
			}
			Optional<FaqEntry> entry = this.catalog.entry(id);
			if (entry.isPresent() && suggestible(entry.get(), language)) {
				questions.put(id, entry.get().question().strip());
			}
		}
		if (questions.size() < limit) {
			// too few answers yet (a new installation): the entries the company wrote the
			// most phrasings for, which are the questions its customers ask most often
			this.catalog.entries()
				.stream()
				.filter((entry) -> !entry.examples().isEmpty() && suggestible(entry, language)
						&& !questions.containsKey(entry.id()))
				.sorted(Comparator.comparingInt((FaqEntry entry) -> entry.examples().size())
					.reversed()
					.thenComparing(FaqEntry::id))
				.limit(limit - questions.size())
				.forEach((entry) -> questions.put(entry.id(), entry.question().strip()));
		}
		return List.copyOf(questions.values());
	}

	private static boolean suggestible(FaqEntry entry, String language) {
		List<String> audience = entry.tags().getOrDefault("audience", List.of());
		return entry.question() != null && !entry.question().isBlank() && entry.language().equalsIgnoreCase(language)
				&& (audience.isEmpty() || audience.contains("customer"));
	}

	/** The FAQ ids by how often they answered customers, most first. */
	private List<String> faqIds() {
		return this.jdbc.sql("""
				select answer ->> 'faqId' as faq_id from conversation_message
				where role = 'ASSISTANT' and answer ->> 'answeredBy' = 'faq' and answer ->> 'decision' = 'ANSWERED'
				  and answer ->> 'faqId' is not null
				group by 1 order by count(*) desc, 1 limit :limit
				""").param("limit", COUNTED).query(String.class).list();
	}

}
