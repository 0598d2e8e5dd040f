package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeWordsTest {

	/** What the index holds, as written in lower case. */
	private static final Set<String> INDEXED = Set.of("add", "tv", "package", "box", "how");

	private final List<Collection<String>> asked = new ArrayList<>();

	private final AtomicLong revision = new AtomicLong(1);

	private List<FaqEntry> entries = List.of(new FaqEntry("pay", "How can I pay?", List.of(),
			"Pay by direct debit or PayPal.", "en", Map.of("audience", List.of("customer"))));

	private final KnowledgeWords words = new KnowledgeWords((written) -> {
		this.asked.add(List.copyOf(written));
		Set<String> unheld = new LinkedHashSet<>();
		written.stream().filter((w) -> !INDEXED.contains(w.toLowerCase())).forEach(unheld::add);
		return unheld;
	}, (words) -> {
		this.together.add(words);
		return words.stream().allMatch((forms) -> forms.stream().anyMatch(TOGETHER::contains));
	}, () -> this.entries, this.revision::get);

	/** What one indexed passage holds together. */
	private static final Set<String> TOGETHER = Set.of("tv", "box");

	private final List<List<Set<String>>> together = new ArrayList<>();

	@Test
	void aWordNoTextHoldsIsUnknown() {
		assertThat(this.words.unknown("how to add netflix to my tv package")).containsExactly("netflix");
		assertThat(this.asked).containsExactly(List.of("add", "netflix", "tv", "package"));
		// a form the index holds as its stem
		assertThat(this.words.unknown("adding boxes")).isEmpty();
	}

	@Test
	void aWordOnlyAnFaqAnswerHoldsIsKnown() {
		assertThat(this.words.unknown("how to add PayPal to my tv package")).isEmpty();
		this.entries = List.of();
		this.revision.incrementAndGet();
		assertThat(this.words.unknown("how to add PayPal to my tv package")).containsExactly("paypal");
	}

	@Test
	void aQuestionWithoutTopicWordsAsksNothing() {
		assertThat(this.words.unknown("how do I?")).isEmpty();
		assertThat(this.asked).isEmpty();
	}

	@Test
	void aPhraseIsNamedTogetherWhenOnePassageOrEntryHoldsAllItsWords() {
		assertThat(this.words.namedTogether("TV box")).isTrue();
		assertThat(this.words.namedTogether("package box")).isFalse();
		assertThat(this.together).hasSize(2);
		// an FAQ entry holds both
		assertThat(this.words.namedTogether("direct debit")).isTrue();
		assertThat(this.together).hasSize(2);
	}

	@Test
	void aPhraseOfOneTopicWordIsNamedTogether() {
		assertThat(this.words.namedTogether("the package")).isTrue();
		assertThat(this.together).isEmpty();
	}

}
