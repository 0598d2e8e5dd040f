package dev.hearth.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.retrieval.Fusion;
import dev.hearth.retrieval.SearchHit;

/**
 * Retrieval quality on the sample knowledge base: recall@1, recall@5 and MRR of the right
 * FAQ entry or document for the in-scope questions of
 * {@code docs/eval/sample-kb-questions.jsonl}, per retriever. Run with
 * {@code mvn test -Dtest=SampleQualityBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/sample-quality.json}.
 */
@SpringBootTest(properties = "hearth.knowledge.sample.enabled=true")
@ActiveProfiles("test")
class SampleQualityBenchmark {

	@Autowired
	KnowledgeSearch search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SampleKnowledgeBase sample;

	@Autowired
	KnowledgeWriter writer;

	@Test
	void quality() throws Exception {
		this.jdbc.sql("truncate kb_document, faq_entry, kb_import_event cascade").update();
		this.writer.rebuildIndex();
		this.sample.run(null);
		List<JsonNode> questions = questions();
		Map<String, Object> results = new LinkedHashMap<>();
		System.out.println("\n=== Sample knowledge base: retrieval quality (" + questions.size() + " questions) ===");
		System.out.printf("%-12s %9s %9s %7s%n", "retriever", "recall@1", "recall@5", "MRR");
		for (Fusion fusion : Fusion.values()) {
			int at1 = 0;
			int at5 = 0;
			double reciprocal = 0;
			for (JsonNode question : questions) {
				String expected = question.has("expected") ? "faq:" + question.get("expected").asString()
						: "sample-kb/" + question.get("expected_source").asString();
				List<SearchHit> hits = this.search.search(question.get("question").asString(), 10, Map.of(), fusion)
					.hits();
				for (int rank = 0; rank < hits.size(); rank++) {
					if (hits.get(rank).source().equals(expected)) {
						at1 += (rank == 0) ? 1 : 0;
						at5 += (rank < 5) ? 1 : 0;
						reciprocal += 1.0 / (rank + 1);
						break;
					}
				}
			}
			double n = questions.size();
			results.put(fusion.name(), Map.of("recallAt1", at1 / n, "recallAt5", at5 / n, "mrr", reciprocal / n));
			System.out.printf("%-12s %9.3f %9.3f %7.3f%n", fusion, at1 / n, at5 / n, reciprocal / n);
		}
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/sample-quality.json"),
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results));
	}

	private static List<JsonNode> questions() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> questions = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("docs/eval/sample-kb-questions.jsonl"))) {
			if (!line.isBlank()) {
				JsonNode node = json.readTree(line);
				if (!"escalate".equals(node.path("expected").asString(""))) {
					questions.add(node);
				}
			}
		}
		return questions;
	}

}
