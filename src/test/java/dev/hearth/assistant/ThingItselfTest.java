package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class ThingItselfTest {

	private static final FaqEntry ESIM = new FaqEntry("esim-setup", "How do I get and set up an eSIM?",
			List.of("can I have an esim", "switch from physical sim to esim"),
			"eSIMs are free on all Northwind mobile plans. To switch, go to Mobile > SIM > Switch to eSIM.", "en",
			Map.of("audience", List.of("customer")));

	private static final FaqEntry EXTRA_BOX = new FaqEntry("tv-extra-box",
			"Can I get another TV Box for a second room?", List.of("extra set top box"),
			"Yes. Extra TV Box 4K units cost €6 per month each.", "en", Map.of("audience", List.of("customer")));

	private static ExtractiveAnswers.Span span(String title, String sectionPath, String text) {
		SearchHit hit = new SearchHit("c", "d", "g", PassageKind.DOCUMENT_CHUNK, "docs/a.md", title, sectionPath, text,
				"/kb/d#0", "en", Map.of(), 1, 1, 1, 0.8f);
		return new ExtractiveAnswers.Span(new Passage(hit, 0.8), ExtractiveAnswers.heading(sectionPath), text);
	}

	private static final ExtractiveAnswers.Span ESIM_INTRO = span("eSIM", "eSIM",
			"An eSIM is a digital SIM built into your phone.");

	@Test
	void aSectionHeadedByTheThingAnswersWhatTheThingIs() {
		assertThat(ThingItself.sectionIsTheThing("what is an eSIM?", ESIM, ESIM_INTRO)).isTrue();
	}

	@Test
	void aQuestionThatAsksTheEntrysActionIsNotAboutTheThingAlone() {
		assertThat(ThingItself.sectionIsTheThing("how do I set up an esim", ESIM, ESIM_INTRO))
			.as("the entry's own words: nothing more in the entry than in the question")
			.isFalse();
		assertThat(ThingItself.sectionIsTheThing("how do I switch my physical sim to an esim?", ESIM,
				span("eSIM", "eSIM > Getting an eSIM > Switching from a physical SIM",
						"In the app, go to Mobile > SIM.")))
			.as("the heading names the action, which the entry's own question does not")
			.isFalse();
		assertThat(ThingItself.sectionIsTheThing("how do I activate my esim", ESIM, ESIM_INTRO))
			.as("the section's path never names the activation")
			.isFalse();
	}

	@Test
	void aModelNumberInTheHeadingIsPartOfTheThingsName() {
		ExtractiveAnswers.Span box = span("TV packages, channels and the TV Box 4K", "TV packages > Your TV Box 4K",
				"Every TV package includes one Northwind TV Box 4K. It has: 500 GB of storage.");
		assertThat(ThingItself.sectionIsTheThing("what comes with the TV Box?", EXTRA_BOX, box))
			.as("'what comes with' asks for a set, it is not what the question is about")
			.isTrue();
		assertThat(ThingItself.sectionIsTheThing("can I get a TV box for a second room", EXTRA_BOX, box)).isFalse();
	}

	@Test
	void aSectionAboutSomethingElseIsNotTheThing() {
		assertThat(ThingItself.sectionIsTheThing("what is an eSIM?", ESIM,
				span("Mobile plans", "Mobile plans > SIM cards and eSIM", "Every plan is available with an eSIM.")))
			.as("the heading names SIM cards, which the entry's own question does not")
			.isFalse();
	}

}
