package dev.hearth.knowledge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FaqFileReaderTest {

	private final FaqFileReader reader = new FaqFileReader(JsonMapper.builder().build(), "en");

	@Test
	void jsonlReadsGoodLinesAndReportsBadOnesByLineNumber() {
		String jsonl = """
				{"id": "billing-due", "question": "When is my bill due?", "examples": ["bill due date", "when do I pay"], "answer": "On the 1st.", "tags": {"product": "fibre", "audience": ["customer"]}}

				{"id": "no-answer", "question": "Where?"}
				not json
				{"id": "only-examples", "examples": ["eSIM?"], "answer": "Yes.", "language": "DE"}
				{"id": "billing-due", "question": "dup", "answer": "x"}
				{"id": "bad id!", "question": "q", "answer": "a"}
				""";
		FaqFileReader.Result result = this.reader.read(jsonl, FaqFormat.JSONL);
		assertThat(result.entries()).extracting(FaqEntry::id).containsExactly("billing-due", "only-examples");
		FaqEntry first = result.entries().get(0);
		assertThat(first.phrasings()).containsExactly("When is my bill due?", "bill due date", "when do I pay");
		assertThat(first.tags()).isEqualTo(Map.of("audience", List.of("customer"), "product", List.of("fibre")));
		assertThat(result.entries().get(1).language()).isEqualTo("de");
		assertThat(result.failures()).extracting(FaqFileReader.Failure::line).containsExactly(3, 4, 6, 7);
		assertThat(result.failures().get(0).reason()).isEqualTo("entry no-answer has no answer");
		assertThat(result.failures().get(1).reason()).startsWith("not valid JSON");
		assertThat(result.failures().get(2).reason()).isEqualTo("id billing-due appears again (first on line 1)");
		assertThat(result.failures().get(3).reason()).startsWith("id must be 1-200 letters");
	}

	@Test
	void csvGroupsRowsByIdAndTreatsOtherColumnsAsTags() {
		String csv = """
				id,question,example,answer,product,audience
				roaming,Does roaming cost extra?,"roaming, EU",Not in the EU.,mobile,customer
				roaming,,"Is ""roaming"" free?",,,
				static-ip,Can I get a static IP?,static ip,"Yes, for business
				plans.",fibre|business-fibre,business
				,,orphan,,,
				""";
		FaqFileReader.Result result = this.reader.read(csv, FaqFormat.CSV);
		assertThat(result.entries()).extracting(FaqEntry::id).containsExactly("roaming", "static-ip");
		assertThat(result.entries().get(0).examples()).containsExactly("roaming, EU", "Is \"roaming\" free?");
		assertThat(result.entries().get(1).answer()).isEqualTo("Yes, for business\nplans.");
		assertThat(result.entries().get(1).tags().get("product")).containsExactly("business-fibre", "fibre");
		assertThat(result.failures()).containsExactly(new FaqFileReader.Failure(6, "has no id"));
	}

	@Test
	void csvWithoutTheRequiredColumnsSaysWhichAreNeeded() {
		FaqFileReader.Result result = this.reader.read("name,text\nx,y\n", FaqFormat.CSV);
		assertThat(result.entries()).isEmpty();
		assertThat(result.failures().get(0).reason())
			.startsWith("the header must name id, answer and question or example");
	}

	@Test
	void csvRowsKeepTheLineTheyStartOnAcrossBlankLinesAndLineBreaksInCells() {
		String csv = "\ufeffid,question,answer\r\n\r\na,\"A\r\nquestion?\",x\r\nb,B?,\r\n";
		FaqFileReader.Result result = this.reader.read(csv, FaqFormat.CSV);
		assertThat(result.entries()).extracting(FaqEntry::id).containsExactly("a");
		assertThat(result.entries().get(0).question()).isEqualTo("A\r\nquestion?");
		assertThat(result.failures()).hasSize(1);
		assertThat(result.failures().get(0).line()).isEqualTo(5);
	}

	@Test
	void csvWithAnUnclosedQuoteSaysWhereAndHowToQuote() {
		String csv = "id,question,answer\nok,Fine?,Yes.\nbad,\"Never closed?,No.\n";
		FaqFileReader.Result result = this.reader.read(csv, FaqFormat.CSV);
		assertThat(result.entries()).extracting(FaqEntry::id).containsExactly("ok");
		assertThat(result.failures()).hasSize(1);
		assertThat(result.failures().get(0).line()).isEqualTo(3);
		assertThat(result.failures().get(0).reason()).startsWith("is not valid CSV (")
			.endsWith("with double quotes, and write a quote inside it twice");
	}

}
