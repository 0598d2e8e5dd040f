package dev.hearth.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doc2dial training rows never share a dialogue with the reported questions, and a
 * development question is only ever judged by weights fitted on other dialogues (skipped
 * without the shared data).
 */
class Doc2dialSplitsTest {

	@Test
	void trainingDialoguesAreDisjointFromTheReportedAndHeldOutDevelopmentQuestions() throws Exception {
		Optional<Path> data = BenchData.folder("doc2dial-val");
		Assumptions.assumeTrue(data.isPresent(), "doc2dial-val not found: pass -Dbench.data=FOLDER");
		JsonMapper json = JsonMapper.builder().build();
		List<String> documents = Files.readAllLines(data.get().resolve("documents.jsonl"));
		Set<String> imported = new HashSet<>();
		for (int i = 0; i < documents.size(); i += 2) {
			imported.add(json.readTree(documents.get(i)).get("doc_id").asString());
		}
		List<JsonNode> answerable = new ArrayList<>();
		List<JsonNode> unanswerable = new ArrayList<>();
		for (String line : Files.readAllLines(data.get().resolve("questions.jsonl"))) {
			JsonNode q = json.readTree(line);
			(imported.contains(q.get("doc_id").asString()) ? answerable : unanswerable).add(q);
		}
		Doc2dialSplits splits = Doc2dialSplits.of(answerable, unanswerable, 200, 300);

		assertThat(splits.reportAnswerable()).hasSize(200);
		assertThat(splits.devAnswerable()).hasSize(200);
		assertThat(splits.trainAnswerable()).hasSize(535);
		assertThat(splits.trainUnanswerable()).hasSize(300);
		Set<String> reported = Doc2dialSplits.dialogues(splits.reportAnswerable());
		reported.addAll(Doc2dialSplits.dialogues(splits.reportUnanswerable()));
		List<JsonNode> fitted = new ArrayList<>(splits.trainAnswerable());
		fitted.addAll(splits.trainUnanswerable());
		fitted.addAll(splits.devAnswerable());
		fitted.addAll(splits.devUnanswerable());
		// nothing fitted on comes from a reported question's dialogue
		assertThat(Doc2dialSplits.dialogues(fitted)).doesNotContainAnyElementsOf(reported);
		// no question is both a training and a development question
		Set<String> trainIds = new HashSet<>();
		splits.trainAnswerable().forEach((q) -> trainIds.add(q.get("id").asString()));
		splits.trainUnanswerable().forEach((q) -> trainIds.add(q.get("id").asString()));
		splits.devAnswerable().forEach((q) -> assertThat(trainIds).doesNotContain(q.get("id").asString()));
		splits.devUnanswerable().forEach((q) -> assertThat(trainIds).doesNotContain(q.get("id").asString()));
		// cross-fitting: the rows a fold's weights are fitted on share no dialogue with
		// the development questions that fold judges
		for (int fold = 0; fold < Doc2dialSplits.FOLDS; fold++) {
			int k = fold;
			Set<String> judged = new HashSet<>();
			splits.devAnswerable()
				.stream()
				.filter((q) -> Doc2dialSplits.fold(Doc2dialSplits.dialogueOfId(q.get("id").asString())) == k)
				.forEach((q) -> judged.add(q.get("dial_id").asString()));
			Set<String> fittedOn = new HashSet<>();
			fitted.stream()
				.filter((q) -> Doc2dialSplits.fold(Doc2dialSplits.dialogueOfId(q.get("id").asString())) != k)
				.forEach((q) -> fittedOn.add(q.get("dial_id").asString()));
			assertThat(judged).isNotEmpty().doesNotContainAnyElementsOf(fittedOn);
		}
	}

}
