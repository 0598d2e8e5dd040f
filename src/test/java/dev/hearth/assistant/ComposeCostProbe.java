package dev.hearth.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

/**
 * A tool, not a test: the CPU time of extractive composition (span choice and its checks'
 * inputs) with the first {@code n} of the passages a doc2dial run offered, from its rows
 * ({@code -Dprobe.rows=FILE}); skipped without them.
 */
class ComposeCostProbe {

	@Test
	void composeCost() throws Exception {
		String file = System.getProperty("probe.rows");
		Assumptions.assumeTrue(file != null, "pass -Dprobe.rows=FILE");
		JsonNode rows = JsonMapper.builder().build().readTree(Files.readString(Path.of(file)));
		List<String> queries = new ArrayList<>();
		List<String> previous = new ArrayList<>();
		List<List<Passage>> offered = new ArrayList<>();
		for (JsonNode row : rows) {
			if (!row.has("offered") || row.get("offered").size() < 6) {
				continue;
			}
			List<Passage> passages = new ArrayList<>();
			for (JsonNode p : row.get("offered")) {
				passages
					.add(new Passage(
							new SearchHit("id", "doc", "group", PassageKind.DOCUMENT_CHUNK, p.get("source").asString(),
									p.get("title").asString(), p.get("sectionPath").asString(),
									p.get("passage").asString(), "/kb", "en", Map.of(), 0.5f, p.get("bm25Rank").asInt(),
									p.get("vectorRank").asInt(), (float) p.get("similarity").asDouble()),
							p.get("similarity").asDouble()));
			}
			queries.add(row.get("offeredQuery").asString());
			previous.add(row.get("previousAnswer").asString());
			offered.add(passages);
		}
		for (int round = 0; round < 5; round++) {
			for (int n : new int[] { 4, 6 }) {
				long started = System.nanoTime();
				for (int i = 0; i < queries.size(); i++) {
					ExtractiveAnswers.compose(queries.get(i), null, offered.get(i).subList(0, n), 3, Locale.ENGLISH,
							previous.get(i), null);
					FaqAnswers.common(offered.get(i).subList(0, n));
				}
				System.out.printf("round %d, %d passages: %.3f ms per question (%d questions)%n", round, n,
						(System.nanoTime() - started) / 1e6 / queries.size(), queries.size());
			}
			// as the composer chooses since ADR 0041: the next passage's span when the
			// checks fail; thread CPU time, which the machine's load does not change
			Answerability checks = new Answerability(0);
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			for (boolean holding : new boolean[] { false, true }) {
				long cpu = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < queries.size(); i++) {
					String query = queries.get(i);
					java.util.Set<String> common = FaqAnswers.common(offered.get(i));
					if (holding) {
						ExtractiveAnswers.composeHolding(query, null, offered.get(i), 3, Locale.ENGLISH,
								previous.get(i), null,
								(c) -> checks.judge(query, c.span().context(), c.span().text(), common).answers());
					}
					else {
						ExtractiveAnswers.Composed c = ExtractiveAnswers.compose(query, null, offered.get(i), 3,
								Locale.ENGLISH, previous.get(i), null);
						if (!c.text().isBlank()) {
							checks.judge(query, c.span().context(), c.span().text(), common);
						}
					}
				}
				System.out.printf("round %d, 6 passages, %s: %.3f ms CPU per question%n", round,
						holding ? "next passage when the checks fail" : "one composition and its checks",
						(threads.getCurrentThreadCpuTime() - cpu) / 1e6 / queries.size());
			}
		}
	}

}
