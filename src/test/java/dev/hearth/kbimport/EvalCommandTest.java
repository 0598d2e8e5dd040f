package dev.hearth.kbimport;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest {

	private static final EvalCommand.Labelled REFUND_DOC = new EvalCommand.Labelled("charged twice", null,
			"docs/billing/refunds.md", List.of("5–7 working days"), "document");

	@Test
	void aDocumentQuestionIsRightWhenTheExpectedDocumentIsCitedWithAGoldPhrase() {
		assertThat(EvalCommand.grade(REFUND_DOC, answer("ANSWERED", "extractive", null,
				"We return it within 5-7 working days. [1]", "sample-kb/docs/billing/refunds.md")))
			.isZero();
		assertThat(EvalCommand.grade(REFUND_DOC,
				answer("ANSWERED", "extractive", null, "We return it soon. [1]", "sample-kb/docs/billing/refunds.md")))
			.isEqualTo(1);
		assertThat(EvalCommand.grade(REFUND_DOC, answer("ANSWERED", "extractive", null, "within 5–7 working days [1]",
				"sample-kb/docs/billing/invoices.md")))
			.isEqualTo(1);
		assertThat(EvalCommand.grade(REFUND_DOC,
				answer("ANSWERED", "faq", "refund-timeframe", "Refunds take 5–7 working days.", null)))
			.isZero();
		assertThat(EvalCommand.grade(REFUND_DOC, answer("ESCALATE", null, null, "", null))).isEqualTo(2);
	}

	@Test
	void anFaqOrEscalationQuestionIsGradedByItsExpectation() {
		EvalCommand.Labelled faq = new EvalCommand.Labelled("q", "refund-timeframe", null, List.of(), "faq");
		EvalCommand.Labelled escalate = new EvalCommand.Labelled("q", "escalate", null, List.of(), "escalate");
		assertThat(EvalCommand.grade(faq, answer("ANSWERED", "faq", "refund-timeframe", "x", null))).isZero();
		assertThat(EvalCommand.grade(faq, answer("ANSWERED", "faq", "billing-due-date", "x", null))).isEqualTo(1);
		assertThat(EvalCommand.grade(escalate, answer("ESCALATE", null, null, "", null))).isZero();
		assertThat(EvalCommand.grade(escalate, answer("ANSWERED", "faq", "billing-due-date", "x", null))).isEqualTo(1);
	}

	private static JsonNode answer(String decision, String answeredBy, String faqId, String text, String source) {
		var node = Json.MAPPER.createObjectNode().put("decision", decision).put("text", text);
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
