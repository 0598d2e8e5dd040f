package dev.hearth.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.Citation;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.EscalationReason;
import dev.hearth.escalation.ClarifyOption;
import dev.hearth.escalation.HandoffSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side of the stored JSON: what is written as {@link StoredAnswer},
 * {@link StoredNotice}, {@link HandoffSummary} and {@link StoredDraft} reads back into
 * the typed records, older or newer rows included, and their JSON keeps the stored names.
 */
class StoredJsonReadTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Answer answer = new Answer(Decision.ESCALATE, EscalationReason.LOW_CONFIDENCE, "Maybe this.", 0.4,
			0.3, "faq-internal", "faq", List.of(new Citation(1, "Returns", "Policy", "kb", "/kb/returns", "Within 30")),
			List.of(new Answer.Candidate("faq-internal", 0.3)), Map.of("total", 12L));

	@Test
	void anAnswerReadsBackWithEveryFieldAndWithoutItsSchemaVersion() {
		MessageAnswer read = read(StoredAnswer.of(this.answer, new HandoffDetails("LIVE", "low-confidence", 60L)));
		assertThat(read.decision()).isEqualTo(Decision.ESCALATE);
		assertThat(read.confidence()).isEqualTo(0.4);
		assertThat(read.citations()).containsExactlyElementsOf(this.answer.citations());
		assertThat(read.ranked()).containsExactlyElementsOf(this.answer.ranked());
		assertThat(read.handoff()).isEqualTo(new HandoffDetails("LIVE", "low-confidence", 60L));
		JsonNode written = this.json.valueToTree(read);
		assertThat(written.propertyNames()).containsExactlyInAnyOrder("decision", "reason", "text", "confidence",
				"routerConfidence", "faqId", "answeredBy", "citations", "ranked", "timings", "handoff");
	}

	@Test
	void theCustomerSeesNeitherTheRouterNorTheFaqOfAnAnswerThatDidNotAnswer() {
		MessageAnswer read = read(StoredAnswer.of(this.answer, null, List.of(new ClarifyOption("a", "A?"))));
		JsonNode customer = this.json.valueToTree(read.forCustomer());
		assertThat(customer.propertyNames()).containsExactlyInAnyOrder("decision", "reason", "confidence", "answeredBy",
				"citations", "timings", "options");
	}

	@Test
	void aDeclineAndAClarifyingQuestionAreLabelledAsWhatTheCustomerGotNotAsTheirEscalateDecision() {
		assertThat(read(StoredAnswer.of(this.answer, null, null, "DECLINE")).label()).isEqualTo("DECLINE");
		assertThat(read(StoredAnswer.of(this.answer, null, List.of(new ClarifyOption("a", "A?")), "CLARIFY")).label())
			.isEqualTo("CLARIFY");
		assertThat(read(StoredAnswer.of(this.answer, null, List.of(new ClarifyOption("a", "A?")))).label())
			.as("stored before the verdict was kept")
			.isEqualTo("CLARIFY");
		assertThat(read(StoredAnswer.of(this.answer, new HandoffDetails("LIVE", "r", 60L))).label())
			.isEqualTo(this.answer.decision().name());
	}

	@Test
	void theCustomerSeesTheFaqOfAnAnswer() {
		Answer answered = new Answer(Decision.ANSWERED, null, "Yes.", 0.9, 0.9, "faq-1", "faq", List.of(), List.of(),
				Map.of());
		JsonNode customer = this.json.valueToTree(read(StoredAnswer.of(answered, null)).forCustomer());
		assertThat(customer.get("faqId").asString()).isEqualTo("faq-1");
		assertThat(customer.has("text")).isFalse();
		assertThat(customer.has("ranked")).isFalse();
	}

	@Test
	void aNoticeIsOnlyItsHandoff() {
		MessageAnswer read = read(
				new StoredNotice(StoredAnswer.SCHEMA_VERSION, new HandoffDetails("TICKET", "r", null)));
		assertThat(read.decision()).isNull();
		assertThat(this.json.writeValueAsString(read.forCustomer()))
			.isEqualTo("{\"handoff\":{\"mode\":\"TICKET\",\"rule\":\"r\"}}");
	}

	@Test
	void rowsOfAnotherSchemaVersionReadWithWhatTheyHave() {
		MessageAnswer read = this.json.readValue("{\"schemaVersion\":2,\"decision\":\"ANSWERED\",\"mood\":\"calm\"}",
				MessageAnswer.class);
		assertThat(read.decision()).isEqualTo(Decision.ANSWERED);
		assertThat(read.citations()).isNull();
		QueuedConversation.Summary summary = this.json.readValue("{\"question\":\"Where is it?\",\"extra\":1}",
				QueuedConversation.Summary.class);
		assertThat(summary.question()).isEqualTo("Where is it?");
		assertThat(this.json.writeValueAsString(QueuedConversation.Summary.EMPTY)).isEqualTo("{}");
	}

	@Test
	void aSummaryReadsBackWithoutItsSchemaVersionAndMasksItsTexts() {
		HandoffSummary stored = new HandoffSummary(HandoffSummary.SCHEMA_VERSION, "I am jane@x.de", "rule", "why",
				List.of("rule"), List.of("Customer: hi"), "ESCALATE LOW_CONFIDENCE", 0.4, "faq-1",
				List.of(new HandoffSummary.Source("Returns", "kb", "/kb/returns")));
		QueuedConversation.Summary read = this.json.readValue(this.json.writeValueAsString(stored),
				QueuedConversation.Summary.class);
		assertThat(read.passages()).containsExactlyElementsOf(stored.passages());
		JsonNode written = this.json.valueToTree(read);
		assertThat(written.has("schemaVersion")).isFalse();
		assertThat(written.propertyNames()).hasSize(9);
		assertThat(read.masked((text) -> text.replace("jane@x.de", "[EMAIL]")).question()).isEqualTo("I am [EMAIL]");
	}

	@Test
	void aDraftReadsBackWithoutItsSchemaVersion() {
		Instant at = Instant.parse("2026-12-04T22:00:00Z");
		AgentDraft read = this.json.readValue(
				this.json.writeValueAsString(new StoredDraft(StoredDraft.SCHEMA_VERSION, "Hello", "drafter", at)),
				AgentDraft.class);
		assertThat(read).isEqualTo(new AgentDraft("Hello", "drafter", at));
	}

	private MessageAnswer read(Record stored) {
		return this.json.readValue(this.json.writeValueAsString(stored), MessageAnswer.class);
	}

}
