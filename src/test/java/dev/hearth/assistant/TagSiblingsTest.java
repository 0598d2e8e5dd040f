package dev.hearth.assistant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;

class TagSiblingsTest {

	private static final FaqEntry BUNDLE = entry("bundle",
			"Do I get a discount if I have broadband and mobile with you?",
			"Yes. Every mobile line on the same account gets €4 off per month.", "fibre", "mobile");

	private static final FaqEntry OWN_ROUTER = entry("own-router", "Can I use my own router?",
			"Yes. Support helps up to the fibre box. Northwind TV Boxes work with any router.", "fibre");

	private static final FaqEntry TV_BOX = entry("tv-box", "Can I get another TV Box?", "Yes, €5 a month.", "tv");

	private static final FaqEntry DUE_DATE = entry("due-date", "When is my bill due?", "14 days after the bill date.",
			"fibre", "mobile", "tv");

	private final AtomicLong revision = new AtomicLong(1);

	private final TagSiblings siblings = new TagSiblings(() -> List.of(BUNDLE, OWN_ROUTER, TV_BOX, DUE_DATE),
			this.revision::get);

	@Test
	void anEntryTaggedForOtherValuesThanTheQuestionNamesAndSayingItsOwnIsASiblings() {
		assertThat(this.siblings.otherValue("is there a discount if I take TV and broadband together?", BUNDLE))
			.contains("tv");
	}

	@Test
	void aQuestionThatNamesTheEntrysOwnValueToo() {
		assertThat(this.siblings.otherValue("discount on TV if I have mobile and fibre?", BUNDLE)).isEmpty();
	}

	@Test
	void anEntryThatSaysTheQuestionsValueAnswersIt() {
		assertThat(this.siblings.otherValue("can I use my own router with the TV?", OWN_ROUTER)).isEmpty();
	}

	@Test
	void anEntryWhoseOwnQuestionNamesNoValueIsAboutNone() {
		// "mobile" and "TV" are devices here: the Wi-Fi entry's answer mentions the
		// fibre box, its question names no product
		FaqEntry wifi = entry("wifi-slow", "My Wi-Fi is slow. What can I do?",
				"Restart your Hub. Mesh Pods come with Fibre 900.", "fibre");
		assertThat(this.siblings.otherValue("the wifi is really slow on my mobile", wifi)).isEmpty();
		assertThat(this.siblings.otherValue("my tv keeps buffering, I think the wifi is slow", wifi)).isEmpty();
	}

	@Test
	void anEntryTaggedForEveryValueIsNoSiblings() {
		assertThat(this.siblings.otherValue("when is my mobile bill due?", DUE_DATE)).isEmpty();
	}

	@Test
	void aQuestionThatNamesNoValueLeavesTheEntryAlone() {
		assertThat(this.siblings.otherValue("is there a bundle discount?", BUNDLE)).isEmpty();
	}

	@Test
	void theAudienceIsNoSiblingTagAndUntaggedEntriesAreNeverSiblings() {
		FaqEntry internal = new FaqEntry("internal", "Mobile refunds?", List.of(), "Customer refunds for mobile.", "en",
				Map.of("audience", List.of("internal")));
		TagSiblings audiences = new TagSiblings(() -> List.of(internal, BUNDLE), this.revision::get);
		assertThat(audiences.otherValue("refunds for a customer", internal)).isEmpty();
	}

	private static FaqEntry entry(String id, String question, String answer, String... products) {
		return new FaqEntry(id, question, List.of(), answer, "en",
				Map.of("audience", List.of("customer"), "product", List.of(products)));
	}

}
