package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EvalCommandTest {

	private static final Labelled REFUND_DOC = new Labelled("charged twice", null, "docs/billing/refunds.md",
			List.of("5–7 working days"), "document");

	@TempDir
	Path temp;

	@Test
	void aDocumentQuestionIsRightWhenTheExpectedDocumentIsCitedWithAGoldPhrase() {
		assertThat(Grade.of(REFUND_DOC, answer("ANSWERED", "extractive", null,
				"We return it within 5-7 working days. [1]", "sample-kb/docs/billing/refunds.md")))
			.isEqualTo(Grade.RIGHT);
		assertThat(Grade.of(REFUND_DOC,
				answer("ANSWERED", "extractive", null, "We return it soon. [1]", "sample-kb/docs/billing/refunds.md")))
			.isEqualTo(Grade.WRONG);
		assertThat(Grade.of(REFUND_DOC, answer("ANSWERED", "extractive", null, "within 5–7 working days [1]",
				"sample-kb/docs/billing/invoices.md")))
			.isEqualTo(Grade.WRONG);
		assertThat(Grade.of(REFUND_DOC,
				answer("ANSWERED", "faq", "refund-timeframe", "Refunds take 5–7 working days.", null)))
			.isEqualTo(Grade.RIGHT);
		assertThat(Grade.of(REFUND_DOC, answer("ESCALATE", null, null, "", null))).isEqualTo(Grade.ESCALATED);
	}

	@Test
	void anFaqOrEscalationQuestionIsGradedByItsExpectation() {
		Labelled faq = new Labelled("q", "refund-timeframe", null, List.of(), "faq");
		Labelled escalate = new Labelled("q", "escalate", null, List.of(), "escalate");
		assertThat(Grade.of(faq, answer("ANSWERED", "faq", "refund-timeframe", "x", null))).isEqualTo(Grade.RIGHT);
		assertThat(Grade.of(faq, answer("ANSWERED", "faq", "billing-due-date", "x", null))).isEqualTo(Grade.WRONG);
		assertThat(Grade.of(faq, answer("ESCALATE", null, null, "", null))).isEqualTo(Grade.ESCALATED);
		assertThat(Grade.of(escalate, answer("ESCALATE", null, null, "", null))).isEqualTo(Grade.RIGHT);
		assertThat(Grade.of(escalate, answer("ANSWERED", "faq", "billing-due-date", "x", null))).isEqualTo(Grade.WRONG);
	}

	@Test
	void aLineWithoutAGroupIsGroupedByWhatItExpects() throws IOException {
		Path set = this.temp.resolve("set.jsonl");
		Files.writeString(set, """
				{"question": "a", "expected": "bill"}
				{"question": "b", "expected": "escalate"}

				{"question": "c", "expected_source": "docs/a.md", "gold": ["5 days", "five days"]}
				{"question": "d", "expected": "bill", "expected_source": "docs/a.md", "group": "indirect"}
				""");
		assertThat(Labelled.read(set.toString())).extracting(Labelled::group)
			.containsExactly("faq", "escalate", "document", "indirect");
		assertThat(Labelled.read(set.toString()).get(2).gold()).containsExactly("5 days", "five days");
	}

	@Test
	void aLineWithNeitherExpectationIsRefusedWithItsLineNumber() throws IOException {
		Path set = this.temp.resolve("set.jsonl");
		Files.writeString(set, """
				{"question": "a", "expected": "bill"}
				{"question": "b", "gold": ["x"]}
				""");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> Labelled.read(set.toString()))
			.withMessageContaining("set.jsonl line 2: needs {\"question\": \"...\", \"expected\":")
			.withMessageContaining("\"expected_source\": \"<document path>\"}");
	}

	@Test
	void aFollowUpKeepsItsHistoryAndABadTurnIsRefused() throws IOException {
		Path set = this.temp.resolve("set.jsonl");
		Files.writeString(set,
				"""
						{"question": "and how long?", "expected": "refund", "history": [{"fromCustomer": true, "text": "I paid twice"}]}
						""");
		assertThat(Labelled.read(set.toString()).get(0).history())
			.containsExactly(new Labelled.Turn(true, "I paid twice"));
		Files.writeString(set, """
				{"question": "and how long?", "expected": "refund", "history": [{"text": "I paid twice"}]}
				""");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> Labelled.read(set.toString()))
			.withMessageContaining("set.jsonl line 1: each turn of \"history\" needs {\"fromCustomer\"");
	}

	@Test
	void countsArePerGroupAndForAll() {
		GradeCounts counts = new GradeCounts();
		counts.add("faq", Grade.RIGHT);
		counts.add("document", Grade.ESCALATED);
		counts.add("document", Grade.WRONG);
		assertThat(counts.count("document", Grade.WRONG)).isOne();
		assertThat(counts.count(GradeCounts.ALL, Grade.RIGHT)).isOne();
		assertThat(counts.count(GradeCounts.ALL, Grade.ESCALATED)).isOne();
		assertThat(counts.json()).containsOnlyKeys("all", "document", "faq");
	}

	private static JsonNode answer(String decision, String answeredBy, String faqId, String text, String source) {
		ObjectNode node = Json.MAPPER.createObjectNode().put("decision", decision).put("text", text);
		if (answeredBy != null) {
			node.put("answeredBy", answeredBy);
		}
		if (faqId != null) {
			node.put("faqId", faqId);
		}
		var citations = node.putArray("citations");
		if (source != null) {
			citations.addObject().put("source", source);
		}
		return node;
	}

}
