package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class TableColumnsTest {

	private static final String PLANS = "Plan | Download | Upload | Minimum guaranteed speed (wired) | 24-month price\n"
			+ "Fibre 150 | 150 Mbps | 30 Mbps | 100 Mbps | €29.99\n"
			+ "Fibre 900 | 900 Mbps | 200 Mbps | 600 Mbps | €49.99";

	private static final String MEMBERSHIPS = "| Membership | Classes per week | Monthly fee |\n|---|---|---|\n"
			+ "| Basic | 2 | $30 |\n| Premium | Unlimited | $55 |";

	private static final FaqEntry SPEED = new FaqEntry("speed-minimum-guarantee",
			"What if I don't get the speed I'm paying for?", List.of("minimum guaranteed speed"),
			"Each plan has a minimum guaranteed wired download speed: Fibre 150 — 100 Mbps, Fibre 900 — 600 Mbps.",
			"en", Map.of("audience", List.of("customer")));

	private static ExtractiveAnswers.Span span(String heading, String text) {
		SearchHit hit = new SearchHit("c", "d", "g", PassageKind.DOCUMENT_CHUNK, "docs/a.md", "Title",
				"Title > " + heading, text, "/kb/d#0", "en", Map.of(), 1, 1, 1, 0.8f);
		return new ExtractiveAnswers.Span(new Passage(hit, 0.8), heading, text);
	}

	@Test
	void aTablesRowsAreItsCellsHeaderFirst() {
		assertThat(TableColumns.rows(MEMBERSHIPS)).containsExactly(
				List.of("Membership", "Classes per week", "Monthly fee"), List.of("Basic", "2", "$30"),
				List.of("Premium", "Unlimited", "$55"));
		assertThat(TableColumns.rows("No table here.")).isEmpty();
	}

	@Test
	void theColumnsAreTheHeadersAfterTheFirst() {
		assertThat(TableColumns.columns(PLANS)).contains("download", "upload", "price").doesNotContain("plan");
		assertThat(TableColumns.columns("Plan | Download")).as("a header without rows").isEmpty();
	}

	@Test
	void aQuestionNamingAColumnAndARowNamesTheCell() {
		assertThat(TableColumns.namesColumnAndRow("what upload do you get with fibre 900", PLANS)).isTrue();
		assertThat(TableColumns.namesColumnAndRow("how many classes a week with premium?", MEMBERSHIPS)).isTrue();
		assertThat(TableColumns.namesColumnAndRow("what upload do you get", PLANS)).as("no row named").isFalse();
		assertThat(TableColumns.namesColumnAndRow("is fibre 900 good for gaming", PLANS)).as("no column named")
			.isFalse();
		assertThat(TableColumns.namesColumnAndRow("what upload do you get with fibre 900", "Fibre 900 is fast."))
			.isFalse();
	}

	@Test
	void aLabelledRowIsShort() {
		assertThat(TableColumns.labelledRow("301–349: Kids")).isTrue();
		assertThat(TableColumns.labelledRow("Kids: €5 per month")).isTrue();
		assertThat(TableColumns
			.labelledRow("Kids mode: the TV Box only shows programmes rated 0 and 6 and the Kids channels."))
			.as("a sentence after a label")
			.isFalse();
		assertThat(TableColumns.labelledRow("Call us today")).isFalse();
	}

	@Test
	void aLabelledRowUnderTheHeadingOfItsColumnIsTheCellAsked() {
		assertThat(TableColumns.statesCellAsked("what channel is the kids stuff on",
				span("Channel numbers", "301–349: Kids")))
			.isTrue();
		assertThat(TableColumns.statesCellAsked("what room is yoga in", span("Rooms", "Studio 2: Yoga"))).isTrue();
		assertThat(TableColumns.statesCellAsked("what channel is the kids stuff on",
				span("Other TV settings", "Kids mode: only Kids channels")))
			.as("the heading names no column asked")
			.isFalse();
		assertThat(
				TableColumns.statesCellAsked("what channel is the news on", span("Channel numbers", "301–349: Kids")))
			.as("another row")
			.isFalse();
		assertThat(TableColumns.statesCellAsked("what upload do you get with fibre 900", span("Plans", PLANS)))
			.as("a whole table beats an entry by a column the entry never says")
			.isFalse();
		assertThat(TableColumns.statesCellAsked("how much is it to add a mesh pod?",
				span("Broadband add-ons", "Extra Mesh Pod: €4 each")))
			.as("the question never names the label's first word")
			.isFalse();
	}

	@Test
	void aSuperlativePicksARowByItsValue() {
		assertThat(TableColumns.superlatives("what's the upload speed on the fastest plan")).containsExactly("fastest");
		assertThat(TableColumns.superlatives("which is the most expensive membership?")).containsExactly("expensive");
		assertThat(TableColumns.superlatives("what about the rest of the month")).isEmpty();
		assertThat(TableColumns.superlatives("is there interest on the latest bill")).containsExactly("latest");
	}

	@Test
	void aColumnTheEntryNeverSays() {
		assertThat(TableColumns.namedOnlyBySpan("what's the upload speed on the fastest plan", SPEED,
				span("Our plans at a glance", PLANS)))
			.contains("upload");
		assertThat(TableColumns.namedOnlyBySpan("what's the download speed on fibre 900", SPEED,
				span("Our plans at a glance", PLANS)))
			.as("the entry gives download speeds")
			.isEmpty();
		assertThat(TableColumns.namedOnlyBySpan("what's the upload speed on the fastest plan", SPEED,
				span("Upgrading", "You can upgrade to a faster plan at any time.")))
			.as("no table")
			.isEmpty();
		assertThat(TableColumns.namedOnlyBySpan("is there a cap on how much I can download on fibre", SPEED,
				span("Our plans at a glance", PLANS)))
			.as("the table never names a cap")
			.isEmpty();
	}

}
