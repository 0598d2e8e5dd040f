package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code eval --set FILE}: runs labelled questions through the answer pipeline and
 * reports quality.
 */
final class EvalCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("eval", "Measure answer quality on a labelled question set", "", 0,
			0, """
					Runs every question of --set through the same answer pipeline as the chat widget
					and prints accuracy (a correct escalation counts as correct), in-scope accuracy,
					out-of-scope recall, MCC (escalate = positive), MRR of the expected FAQ entry
					and the pipeline's latency. Each line of a set is
					  {"question": "...", "expected": "<faq id>"}
					or
					  {"question": "...", "expected": "escalate"}
					or a document question
					  {"question": "...", "expected_source": "docs/a.md", "gold": ["5 days"]}
					(right when a citation's source ends with expected_source and the answer holds
					one of the gold phrases; an FAQ answer holding a gold phrase is right too).
					Any line may name a "group"; every question is also reported per group as
					answered right / answered wrong / escalated (a correct escalation is right).
					Accuracy, MCC, MRR and calibration use the lines with "expected" only.

					With --calibrate VAL.jsonl, first chooses the FAQ router's out-of-scope
					threshold on that validation set (maximum accuracy, ties broken by
					out-of-scope recall), reports it and evaluates --set with it; --save makes it
					the live threshold.
					With --json OUT, also writes the metrics as JSON to OUT.

					Examples:
					  kb-import eval --set test.jsonl
					  kb-import eval --set test.jsonl --calibrate val.jsonl --save --json m.json
					""",
			List.of(Option.value("--set", "FILE", "the labelled questions to evaluate (JSONL)"),
					Option.value("--calibrate", "FILE", "choose the out-of-scope threshold on this validation set"),
					Option.flag("--save", "with --calibrate: make the chosen threshold the live one"),
					Option.value("--json", "OUT", "write the metrics as JSON to this file"),
					Option.value("--misses", "N", "list up to N wrong answers (default 10)")),
			EvalCommand::new);

	@Override
	public int run(ParsedArgs args, Session session) {
		String set = args.value("--set");
		if (set == null) {
			throw new UsageException("eval needs --set FILE", "eval");
		}
		if (args.flag("--save") && args.value("--calibrate") == null) {
			throw new UsageException("--save goes with --calibrate", "eval");
		}
		List<Labelled> questions = read(set);
		Double threshold = null;
		if (args.value("--calibrate") != null) {
			List<Labelled> validation = read(args.value("--calibrate"));
			List<EvalMetrics.Outcome> outcomes = evaluate(validation, null, session, "calibrating", new TreeMap<>());
			outcomes.removeIf((outcome) -> outcome.expected() == null);
			EvalMetrics.Calibration calibration = EvalMetrics.calibrate(outcomes);
			threshold = calibration.threshold();
			session.out()
				.printf("Calibrated on %d questions: threshold %.4f (accuracy %.4f, out-of-scope recall %.4f)%n",
						validation.size(), calibration.threshold(), calibration.accuracy(),
						calibration.outOfScopeRecall());
			if (args.flag("--save")) {
				session.client().saveThreshold(threshold);
				session.out().println("Saved: the live out-of-scope threshold is now " + EvalMetrics.round(threshold));
			}
		}
		Map<String, int[]> groups = new TreeMap<>();
		List<EvalMetrics.Outcome> outcomes = evaluate(questions, threshold, session, "evaluating", groups);
		outcomes.removeIf((outcome) -> outcome.expected() == null);
		EvalMetrics.Summary summary = EvalMetrics.summarise(outcomes);
		print(summary, outcomes, args.intValue("--misses", 10, 0, 10_000), session);
		printGroups(groups, session);
		String json = args.value("--json");
		if (json != null) {
			try {
				Files.writeString(Path.of(json),
						Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary.json(threshold))
								+ "\n");
			}
			catch (IOException ex) {
				throw new UsageException("cannot write " + json + ": " + Texts.describe(ex), "eval");
			}
			session.out().println("Wrote " + json);
		}
		return 0;
	}

	private static List<EvalMetrics.Outcome> evaluate(List<Labelled> questions, Double threshold, Session session,
			String what, Map<String, int[]> groups) {
		List<EvalMetrics.Outcome> outcomes = new ArrayList<>(questions.size());
		int step = Math.max(1, questions.size() / 10);
		for (int i = 0; i < questions.size(); i++) {
			Labelled labelled = questions.get(i);
			JsonNode answer = session.client().answer(labelled.question(), threshold);
			List<String> ranked = new ArrayList<>();
			for (JsonNode candidate : Json.elements(answer.get("ranked"))) {
				ranked.add(Json.text(candidate, "faqId", ""));
			}
			String predicted;
			if ("ESCALATE".equals(Json.text(answer, "decision", ""))) {
				predicted = EvalMetrics.ESCALATE;
			}
			else {
				String faqId = Json.text(answer, "faqId", null);
				predicted = (faqId != null && !faqId.isEmpty() && !"null".equals(faqId)) ? faqId : "document";
			}
			double confidence = ranked.isEmpty() ? 0 : answer.path("ranked").get(0).path("probability").asDouble(0);
			double routerConfidence = answer.path("routerConfidence").asDouble(confidence);
			outcomes.add(new EvalMetrics.Outcome(labelled.question(), labelled.expected(), predicted, ranked,
					routerConfidence, answer.path("timings").path("total").asLong(0)));
			int grade = grade(labelled, answer);
			groups.computeIfAbsent(labelled.group(), (g) -> new int[3])[grade]++;
			groups.computeIfAbsent("all", (g) -> new int[3])[grade]++;
			if ((i + 1) % step == 0 || i + 1 == questions.size()) {
				session.err().printf("kb-import: %s %d/%d%n", what, i + 1, questions.size());
			}
		}
		return outcomes;
	}

	/** 0 answered right (or rightly escalated), 1 answered wrong, 2 escalated. */
	static int grade(Labelled labelled, JsonNode answer) {
		boolean escalated = "ESCALATE".equals(Json.text(answer, "decision", ""));
		if (EvalMetrics.ESCALATE.equals(labelled.expected())) {
			return escalated ? 0 : 1;
		}
		if (escalated) {
			return 2;
		}
		boolean faq = "faq".equals(Json.text(answer, "answeredBy", ""));
		String faqId = Json.text(answer, "faqId", "");
		boolean source = (labelled.expected() != null && faq && labelled.expected().equals(faqId))
				|| (labelled.expectedSource() != null && !faq && cites(answer, labelled.expectedSource()))
				|| (labelled.expected() == null && !labelled.gold().isEmpty() && faq);
		String text = normalise(Json.text(answer, "text", ""));
		boolean gold = labelled.gold().isEmpty()
				|| labelled.gold().stream().anyMatch((phrase) -> text.contains(normalise(phrase)));
		return (source && gold) ? 0 : 1;
	}

	private static boolean cites(JsonNode answer, String source) {
		for (JsonNode citation : Json.elements(answer.get("citations"))) {
			if (Json.text(citation, "source", "").endsWith(source)) {
				return true;
			}
		}
		return false;
	}

	private static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\u2010-\u2015\u2212]", "-")
			.replaceAll("\\s+", " ");
	}

	private static void printGroups(Map<String, int[]> groups, Session session) {
		session.out().println();
		session.out().printf("%-16s %6s %6s %6s %10s%n", "group", "n", "right", "wrong", "escalated");
		groups.forEach((group, c) -> session.out()
			.printf("%-16s %6d %6d %6d %10d%n", group, c[0] + c[1] + c[2], c[0], c[1], c[2]));
	}

	private static void print(EvalMetrics.Summary summary, List<EvalMetrics.Outcome> outcomes, int misses,
			Session session) {
		Table table = Table.withoutHeader(2);
		table.row("questions", Integer.toString(summary.n()));
		table.row("accuracy", String.format("%.4f", summary.accuracy()));
		table.row("in-scope accuracy", String.format("%.4f", summary.inScopeAccuracy()));
		table.row("out-of-scope recall", String.format("%.4f", summary.outOfScopeRecall()));
		table.row("MCC (escalate = positive)", String.format("%.4f", summary.mcc()));
		table.row("MRR", String.format("%.4f", summary.mrr()));
		table.row("latency p50 / p95", summary.p50() + " ms / " + summary.p95() + " ms");
		table.print(session.out());
		List<EvalMetrics.Outcome> wrong = outcomes.stream().filter((o) -> !o.correct()).limit(misses).toList();
		if (!wrong.isEmpty()) {
			session.out().println();
			session.out().println("Misses (expected → got):");
			for (EvalMetrics.Outcome outcome : wrong) {
				session.out()
					.println("  " + outcome.expected() + " → " + outcome.predicted() + ": " + outcome.question());
			}
		}
	}

	private static List<Labelled> read(String file) {
		Path path = Path.of(file);
		if (!Files.isRegularFile(path)) {
			throw new UsageException("no such file: " + file, "eval");
		}
		List<Labelled> questions = new ArrayList<>();
		try {
			List<String> lines = Files.readAllLines(path);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).isBlank()) {
					continue;
				}
				JsonNode node = Json.MAPPER.readTree(lines.get(i));
				String question = Json.text(node, "question", null);
				String expected = Json.text(node, "expected", null);
				String expectedSource = Json.text(node, "expected_source", null);
				if (question == null || question.isBlank() || ((expected == null || expected.isBlank())
						&& (expectedSource == null || expectedSource.isBlank()))) {
					throw new UsageException(file + " line " + (i + 1)
							+ ": needs {\"question\": \"...\", \"expected\": \"<faq id> or escalate\"} or"
							+ " {\"question\": \"...\", \"expected_source\": \"<document path>\"}", "eval");
				}
				List<String> gold = new ArrayList<>();
				for (JsonNode phrase : Json.elements(node.get("gold"))) {
					gold.add(phrase.asString());
				}
				String group = Json.text(node, "group", null);
				if (group == null || group.isBlank()) {
					group = EvalMetrics.ESCALATE.equals(expected) ? "escalate"
							: (expected != null) ? "faq" : "document";
				}
				questions.add(new Labelled(question, expected, expectedSource, gold, group));
			}
		}
		catch (JacksonException ex) {
			throw new UsageException(file + " is not JSONL: " + ex.getOriginalMessage(), "eval");
		}
		catch (IOException ex) {
			throw new UsageException("cannot read " + file + ": " + Texts.describe(ex), "eval");
		}
		if (questions.isEmpty()) {
			throw new UsageException(file + " has no questions", "eval");
		}
		return questions;
	}

	record Labelled(String question, String expected, String expectedSource, List<String> gold, String group) {
	}

}
