package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The question splits of {@link Doc2dialBenchmark}. Answerable questions are those whose
 * gold document is imported (every second document), the others are the generated
 * negatives; a dialogue is wholly one or the other.
 * <ul>
 * <li>{@code report}: {@code perKind} answerable and {@code perKind} negatives taken
 * evenly over the file; the reported figures, never fitted on.</li>
 * <li>{@code dev}: the same, taken evenly over the questions of the dialogues none of
 * whose questions is reported.</li>
 * <li>{@code train}: every other question of those dialogues (not a reported question's
 * dialogue, not a development question); the negatives taken evenly,
 * {@code trainNegatives} of them.</li>
 * </ul>
 * The reported and the development questions together touch every dialogue of doc2dial's
 * validation split, so no dialogue is free of both: a fit on {@code train} (and
 * {@code dev}) rows is held out by dialogue with {@link #fold} — five folds of the
 * dialogues; the development questions of fold k are judged by weights fitted on the rows
 * of the other folds' dialogues only. Not thread-safe; a value type of lists.
 */
record Doc2dialSplits(List<JsonNode> reportAnswerable, List<JsonNode> reportUnanswerable, List<JsonNode> devAnswerable,
		List<JsonNode> devUnanswerable, List<JsonNode> trainAnswerable, List<JsonNode> trainUnanswerable) {

	static final int FOLDS = 5;

	static Doc2dialSplits of(List<JsonNode> answerable, List<JsonNode> unanswerable, int perKind, int trainNegatives) {
		List<JsonNode> reportA = evenly(answerable, perKind);
		List<JsonNode> reportU = evenly(unanswerable, perKind);
		Set<String> reported = dialogues(reportA);
		reported.addAll(dialogues(reportU));
		List<JsonNode> restA = answerable.stream().filter((q) -> !reported.contains(dialogue(q))).toList();
		List<JsonNode> restU = unanswerable.stream().filter((q) -> !reported.contains(dialogue(q))).toList();
		List<JsonNode> devA = evenly(restA, perKind);
		List<JsonNode> devU = evenly(restU, perKind);
		Set<String> dev = ids(devA);
		dev.addAll(ids(devU));
		List<JsonNode> trainA = restA.stream().filter((q) -> !dev.contains(id(q))).toList();
		List<JsonNode> trainU = evenly(restU.stream().filter((q) -> !dev.contains(id(q))).toList(), trainNegatives);
		return new Doc2dialSplits(reportA, reportU, devA, devU, trainA, trainU);
	}

	/** The answerable and the unanswerable questions of a split by name. */
	List<List<JsonNode>> named(String split) {
		return switch (split) {
			case "report" -> List.of(this.reportAnswerable, this.reportUnanswerable);
			case "dev" -> List.of(this.devAnswerable, this.devUnanswerable);
			case "train" -> List.of(this.trainAnswerable, this.trainUnanswerable);
			default -> throw new IllegalArgumentException("bench.split must be report, dev or train, got " + split);
		};
	}

	/** The cross-fitting fold of a dialogue: 0 to {@link #FOLDS} − 1. */
	static int fold(String dialogue) {
		return Math.floorMod(dialogue.hashCode(), FOLDS);
	}

	/** The dialogue of a question id ({@code dialogue_turn}). */
	static String dialogueOfId(String id) {
		return id.substring(0, id.lastIndexOf('_'));
	}

	static Set<String> dialogues(List<JsonNode> questions) {
		Set<String> dialogues = new HashSet<>();
		questions.forEach((q) -> dialogues.add(dialogue(q)));
		return dialogues;
	}

	private static Set<String> ids(List<JsonNode> questions) {
		Set<String> ids = new HashSet<>();
		questions.forEach((q) -> ids.add(id(q)));
		return ids;
	}

	private static String dialogue(JsonNode question) {
		return question.get("dial_id").asString();
	}

	private static String id(JsonNode question) {
		return question.get("id").asString();
	}

	static <T> List<T> evenly(List<T> all, int n) {
		if (all.size() <= n) {
			return all;
		}
		List<T> chosen = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			chosen.add(all.get((int) ((long) i * all.size() / n)));
		}
		return chosen;
	}

}
