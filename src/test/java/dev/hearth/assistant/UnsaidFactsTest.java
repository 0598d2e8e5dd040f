package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class UnsaidFactsTest {

	private static final FaqEntry EXTRA_BOX = new FaqEntry("tv-extra-box",
			"Can I get another TV Box for a second room?", List.of("extra tv box", "tv in the bedroom"),
			"Yes. Extra TV Box 4K units cost €6 per month each. It arrives within 3 working days.", "en",
			Map.of("audience", List.of("customer")));

	private static final FaqEntry FIBRE_PRICES = new FaqEntry("plans-fibre-prices",
			"What fibre broadband plans do you offer and how much are they?", List.of("fibre prices"),
			"Fibre 150 (150 Mbps) €29.99 and Fibre 900 (900 Mbps) €49.99 per month.", "en",
			Map.of("audience", List.of("customer")));

	private static ExtractiveAnswers.Span span(String heading, String text) {
		SearchHit hit = new SearchHit("c", "d", "g", PassageKind.DOCUMENT_CHUNK, "docs/tv/channels.html",
				"TV packages, channels and your TV Box", "TV > " + heading, text, "/kb/d#0", "en", Map.of(), 1, 1, 1,
				0.8f);
		return new ExtractiveAnswers.Span(new Passage(hit, 0.8), heading, text);
	}

	private static final ExtractiveAnswers.Span ADD_ONS = span("Add-ons",
			"Add-ons are on a 30-day rolling contract:\nSports: €20 per month\nKids: €5 per month");

	private static final ExtractiveAnswers.Span PLANS = span("Our plans at a glance",
			"| Plan | Download | Upload | Minimum guaranteed speed | Price |\n| Fibre 150 | 150 Mbps | 30 Mbps | 100 Mbps | €29.99 |\n"
					+ "| Fibre 900 | 900 Mbps | 200 Mbps | 600 Mbps | €49.99 |");

	@Test
	void anAmountStatedOfAWordTheEntryNeverSays() {
		assertThat(UnsaidFacts.statedOnlyBySpan("how much extra is it for the kids channels",
				"how much extra is it for the kids channels", EXTRA_BOX, ADD_ONS))
			.contains("kid");
	}

	@Test
	void aSpeedStatedInATableWhoseHeaderNamesTheWord() {
		assertThat(UnsaidFacts.statedOnlyBySpan("what's the upload speed on fibre 900?",
				"what's the upload speed on fibre 900?", FIBRE_PRICES, PLANS))
			.contains("upload");
	}

	@Test
	void aCountOfWhatHowManyNames() {
		ExtractiveAnswers.Span recording = span("Recording programmes",
				"The TV Box 4K can store about 300 hours of HD recordings.");
		assertThat(UnsaidFacts.statedOnlyBySpan("How many hours of programmes can the TV box store?",
				"How many hours of programmes can the TV box store?", EXTRA_BOX, recording))
			.contains("hour");
		ExtractiveAnswers.Span days = span("Recording programmes",
				"You can store programmes for 3 days; extra hours cost more.");
		assertThat(UnsaidFacts.statedOnlyBySpan("How many hours of programmes can the TV box store?",
				"How many hours of programmes can the TV box store?", EXTRA_BOX, days))
			.as("a number, but not of hours")
			.isEmpty();
	}

	@Test
	void nothingWhenNoKindOfFactIsAskedOrTheEntrySaysEveryWord() {
		assertThat(UnsaidFacts.statedOnlyBySpan("can I get the kids channels", "can I get the kids channels", EXTRA_BOX,
				ADD_ONS))
			.as("no kind of fact asked")
			.isEmpty();
		assertThat(UnsaidFacts.statedOnlyBySpan("how much is an extra tv box", "how much is an extra tv box", EXTRA_BOX,
				span("Extra TV Boxes", "Extra TV Boxes cost €6 per month each.")))
			.as("the entry says every topic word")
			.isEmpty();
	}

	@Test
	void everyWordTheEntryNeverSaysMustBeTheSpans() {
		assertThat(UnsaidFacts.statedOnlyBySpan("how much is it to add a second kids channel",
				"how much is it to add a second kids channel", FIBRE_PRICES, ADD_ONS))
			.as("the span never says 'second'")
			.isEmpty();
	}

	@Test
	void aTimeIsANumberOfItsUnitsNotAnyDigit() {
		FaqEntry keep = new FaqEntry("porting-keep-number", "Can I keep my mobile number when I join?", List.of(),
				"Yes, and it's free. Your number moves the next working day.", "en", Map.of());
		String question = "how long will it take to move my home phone number over to you?";
		assertThat(UnsaidFacts.statedOnlyBySpan(question, question, keep,
				span("Moving home", "By phone: 0800 123 4567, option 3.")))
			.isEmpty();
		assertThat(UnsaidFacts.statedOnlyBySpan(question, question, keep,
				span("Home phone numbers", "To move a home phone number takes up to 10 working days.")))
			.isPresent();
	}

	@Test
	void theKindIsReadFromTheCustomersOwnWords() {
		assertThat(UnsaidFacts.statedOnlyBySpan("what TV add-ons are there? how much is the kids one",
				"and the kids one?", EXTRA_BOX, ADD_ONS))
			.isEmpty();
	}

}
