package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code eval --set FILE}: runs labelled questions through the answer pipeline and prints
 * their quality as the server computes it ({@code /api/admin/eval/**}, the one set of
 * metrics, from the lines with "expected" only); the tool itself only lists the misses
 * and counts every question per group as {@link Grade graded}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Measure answer quality on a labelled question set",
		description = { "Runs every question of --set through the same answer pipeline as the chat widget",
				"and prints accuracy (a correct escalation counts as correct), in-scope accuracy,",
				"out-of-scope recall, MCC (escalate = positive), MRR of the expected FAQ entry",
				"and the pipeline's latency. Each line of a set is",
				"  {\"question\": \"...\", \"expected\": \"<faq id>\"}", "or",
				"  {\"question\": \"...\", \"expected\": \"escalate\"}", "or a document question",
				"  {\"question\": \"...\", \"expected_source\": \"docs/a.md\", \"gold\": [\"5 days\"]}",
				"(right when a citation's source ends with expected_source and the answer holds",
				"one of the gold phrases; an FAQ answer holding a gold phrase is right too).",
				"Any line may name a \"group\"; every question is also reported per group and",
				"under \"all\" as answered right / answered wrong / escalated (a correct",
				"escalation is right). The metrics use the lines with \"expected\" only.",
				"A follow-up may carry the turns before it, sent with the question:",
				"  \"history\": [{\"fromCustomer\": true, \"text\": \"...\"}]", "",
				"With --calibrate VAL.jsonl, first chooses the FAQ router's out-of-scope",
				"threshold on that validation set (maximum accuracy, ties going to the",
				"higher threshold), reports it and evaluates --set with it; --save makes it", "the live threshold.",
				"With --json OUT, also writes the metrics and the per-group counts as JSON to OUT." },
		footerHeading = "%nExamples:%n", footer = { "  kb-import eval --set test.jsonl",
				"  kb-import eval --set test.jsonl --calibrate val.jsonl --save --json m.json" })
final class EvalCommand implements CliCommand {

	private static final String ESCALATE = Labelled.ESCALATE;

	@Option(names = "--set", paramLabel = "FILE", required = true,
			description = "the labelled questions to evaluate (JSONL)")
	String set;

	@Option(names = "--calibrate", paramLabel = "FILE",
			description = "choose the out-of-scope threshold on this validation set")
	String calibrate;

	@Option(names = "--save", description = "with --calibrate: make the chosen threshold the live one")
	boolean save;

	@Option(names = "--json", paramLabel = "OUT", description = "write the metrics as JSON to this file")
	String json;

	@Option(names = "--misses", paramLabel = "N", description = "list up to N wrong answers (default 10)")
	int misses = 10;

	@Override
	public int run(Session session) {
		if (this.save && this.calibrate == null) {
			throw new UsageException("--save goes with --calibrate", "eval");
		}
		int misses = CliCommand.within("--misses", this.misses, 0, 10_000, "eval");
		List<Labelled> questions = Labelled.read(this.set);
		Double threshold = null;
		if (this.calibrate != null) {
			List<Labelled> validation = Labelled.read(this.calibrate);
			if (validation.stream().allMatch((labelled) -> labelled.expected() == null)) {
				throw new UsageException(this.calibrate + " has no line with \"expected\" to calibrate on", "eval");
			}
			List<Outcome> calibrating = evaluate(validation, null, session, "calibrating", new GradeCounts());
			calibrating.removeIf((outcome) -> outcome.expected() == null);
			JsonNode choice = session.client().evaluation("calibration", outcomes(calibrating));
			threshold = choice.path("threshold").asDouble();
			session.out()
				.printf(Locale.ROOT,
						"Calibrated on %d questions: threshold %.4f (accuracy %.4f, out-of-scope recall %.4f)%n",
						calibrating.size(), threshold, choice.path("summary").path("accuracy").asDouble(),
						choice.path("summary").path("outOfScopeRecall").asDouble());
			if (this.save) {
				session.client().saveThreshold(threshold);
				session.out().println("Saved: the live out-of-scope threshold is now " + round(threshold));
			}
		}
		GradeCounts groups = new GradeCounts();
		List<Outcome> outcomes = evaluate(questions, threshold, session, "evaluating", groups);
		outcomes.removeIf((outcome) -> outcome.expected() == null);
		JsonNode summary = null;
		if (outcomes.isEmpty()) {
			session.out().println("No line has \"expected\": no accuracy, MCC, MRR or calibration.");
			session.out().println();
		}
		else {
			summary = session.client().evaluation("metrics", outcomes(outcomes));
			print(summary, outcomes, misses, session);
			session.out().println();
		}
		groups.print(session.out());
		if (this.json != null) {
			try {
				Files.writeString(Path.of(this.json), Json.MAPPER.writerWithDefaultPrettyPrinter()
					.writeValueAsString(json(summary, groups, threshold)) + "\n");
			}
			catch (IOException ex) {
				throw new UsageException("cannot write " + this.json + ": " + Texts.describe(ex), "eval");
			}
			session.out().println("Wrote " + this.json);
		}
		return 0;
	}

	private static List<Outcome> evaluate(List<Labelled> questions, Double threshold, Session session, String what,
			GradeCounts groups) {
		List<Outcome> outcomes = new ArrayList<>(questions.size());
		int step = Math.max(1, questions.size() / 10);
		for (int i = 0; i < questions.size(); i++) {
			Labelled labelled = questions.get(i);
			JsonNode answer = session.client().answer(labelled.question(), labelled.history(), threshold);
			List<String> ranked = new ArrayList<>();
			for (JsonNode candidate : Json.elements(answer.get("ranked"))) {
				ranked.add(Json.text(candidate, "faqId", ""));
			}
			String predicted;
			if ("ESCALATE".equals(Json.text(answer, "decision", ""))) {
				predicted = ESCALATE;
			}
			else {
				String faqId = Json.text(answer, "faqId", null);
				predicted = (faqId != null && !faqId.isEmpty() && !"null".equals(faqId)) ? faqId : "document";
			}
			double confidence = ranked.isEmpty() ? 0 : answer.path("ranked").get(0).path("probability").asDouble(0);
			double routerConfidence = answer.path("routerConfidence").asDouble(confidence);
			groups.add(labelled.group(), Grade.of(labelled, answer));
			outcomes.add(new Outcome(labelled.question(), labelled.expected(), predicted, ranked, routerConfidence,
					answer.path("timings").path("total").asLong(0)));
			if ((i + 1) % step == 0 || i + 1 == questions.size()) {
				session.err().printf("kb-import: %s %d/%d%n", what, i + 1, questions.size());
			}
		}
		return outcomes;
	}

	/** The outcomes as the server's evaluation reads them: "escalate" is null. */
	private static ArrayNode outcomes(List<Outcome> outcomes) {
		ArrayNode array = Json.MAPPER.createArrayNode();
		for (Outcome outcome : outcomes) {
			ObjectNode node = array.addObject();
			node.put("expected", ESCALATE.equals(outcome.expected()) ? null : outcome.expected());
			node.put("predicted", ESCALATE.equals(outcome.predicted()) ? null : outcome.predicted());
			outcome.ranked().forEach(node.putArray("ranked")::add);
			node.put("confidence", Math.max(0, Math.min(1, outcome.confidence())));
			node.put("latencyMillis", Math.max(0, outcome.latencyMillis()));
		}
		return array;
	}

	/**
	 * The metrics file: the server's figures under the names it has always had (absent
	 * when no line has "expected"), then the per-group counts.
	 */
	private static Map<String, Object> json(JsonNode summary, GradeCounts groups, Double threshold) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (summary == null) {
			json.put("groups", groups.json());
			return json;
		}
		json.put("n", summary.path("n").asInt());
		json.put("accuracy", round(summary.path("accuracy").asDouble()));
		json.put("in_scope_accuracy", round(summary.path("inScopeAccuracy").asDouble()));
		json.put("out_of_scope_recall", round(summary.path("outOfScopeRecall").asDouble()));
		json.put("mcc", round(summary.path("mcc").asDouble()));
		json.put("mrr", round(summary.path("mrr").asDouble()));
		json.put("ece", round(summary.path("ece").asDouble()));
		json.put("latency_ms", Map.of("p50", summary.path("latencyP50Millis").asLong(), "p95",
				summary.path("latencyP95Millis").asLong()));
		if (threshold != null) {
			json.put("threshold", round(threshold));
		}
		json.put("groups", groups.json());
		return json;
	}

	private static void print(JsonNode summary, List<Outcome> outcomes, int misses, Session session) {
		Table table = Table.withoutHeader(2);
		table.row("questions", summary.path("n").asString("?"));
		table.row("accuracy", figure(summary, "accuracy"));
		table.row("in-scope accuracy", figure(summary, "inScopeAccuracy"));
		table.row("out-of-scope recall", figure(summary, "outOfScopeRecall"));
		table.row("MCC (escalate = positive)", figure(summary, "mcc"));
		table.row("MRR", figure(summary, "mrr"));
		table.row("calibration error (ECE)", figure(summary, "ece"));
		table.row("latency p50 / p95", summary.path("latencyP50Millis").asLong() + " ms / "
				+ summary.path("latencyP95Millis").asLong() + " ms");
		table.print(session.out());
		List<Outcome> wrong = outcomes.stream()
			.filter((o) -> !o.expected().equals(o.predicted()))
			.limit(misses)
			.toList();
		if (!wrong.isEmpty()) {
			session.out().println();
			session.out().println("Misses (expected → got):");
			for (Outcome outcome : wrong) {
				session.out()
					.println("  " + outcome.expected() + " → " + outcome.predicted() + ": " + outcome.question());
			}
		}
	}

	private static String figure(JsonNode summary, String name) {
		return String.format(Locale.ROOT, "%.4f", summary.path(name).asDouble());
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

	/**
	 * What the answer pipeline did with one labelled question; {@code expected} and
	 * {@code predicted} are FAQ ids, "escalate", or (predicted) "document".
	 */
	private record Outcome(String question, String expected, String predicted, List<String> ranked, double confidence,
			long latencyMillis) {
	}

}
