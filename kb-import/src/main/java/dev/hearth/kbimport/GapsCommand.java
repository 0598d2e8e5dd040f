package dev.hearth.kbimport;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code gaps}: the knowledge-gap report. */
final class GapsCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("gaps", "Show the questions Hearth could not answer", "", 0, 0, """
			Clusters the questions Hearth escalated because its knowledge base had no
			answer, biggest first, each with its typical question, how often it came up
			and a suggested FAQ entry (with an agent's answer when one exists).
			--faq writes the suggestions as JSONL that 'kb-import faq' reads once you
			have checked and completed their answers.
			""",
			List.of(Option.value("--from", "DATE", "first day, e.g. 2026-11-01 (default: 30 days ago)"),
					Option.value("--to", "DATE", "last day, inclusive (default: today)"),
					Option.value("--limit", "N", "at most N clusters (default 20)"),
					Option.value("--min", "N", "clusters of at least N questions (default 2)"),
					Option.flag("--faq", "print FAQ entry suggestions as JSONL"),
					Option.flag("--json", "print the server's JSON")),
			GapsCommand::new);

	@Override
	public int run(ParsedArgs args, Session session) {
		QueryString query = new QueryString().add("limit", args.intValue("--limit", 20, 1, 200))
			.add("minOccurrences", args.intValue("--min", 2, 1, 100000))
			.add("from", args.value("--from"))
			.add("to", args.value("--to"));
		JsonNode report = session.client().knowledgeGaps(query);
		List<JsonNode> gaps = Json.elements(report.path("gaps"));
		if (args.flag("--json")) {
			session.out().println(Json.pretty(report));
			return 0;
		}
		if (args.flag("--faq")) {
			int n = 0;
			for (JsonNode gap : gaps) {
				JsonNode suggestion = gap.path("suggestion");
				var entry = Json.MAPPER.createObjectNode();
				entry.put("id", "gap-" + (++n));
				entry.put("question", suggestion.path("question").asString());
				entry.set("phrasings", suggestion.path("phrasings"));
				entry.put("answer", suggestion.path("answer").isNull() || suggestion.path("answer").isMissingNode()
						? "TODO: write the answer" : suggestion.path("answer").asString());
				session.out().println(entry.toString());
			}
			return 0;
		}
		if (gaps.isEmpty()) {
			session.out()
				.println("No unanswered questions came up at least " + args.intValue("--min", 2, 1, 100000)
						+ " times between " + Json.text(report, "from", "?") + " and " + Json.text(report, "to", "?")
						+ ".");
			return 0;
		}
		int rank = 0;
		for (JsonNode gap : gaps) {
			session.out()
				.println((++rank) + ". " + Json.text(gap, "question", "?") + "  (" + Json.number(gap, "occurrences", 0)
						+ " times, " + Json.number(gap, "conversations", 0) + " conversations)");
			for (JsonNode phrasing : Json.elements(gap.path("suggestion").path("phrasings"))) {
				session.out().println("     also: " + phrasing.asString());
			}
			JsonNode answer = gap.path("suggestion").path("answer");
			session.out()
				.println("     suggestion: add a FAQ entry" + ((answer.isMissingNode() || answer.isNull())
						? " (no agent answer yet)" : "; an agent answered: " + answer.asString()));
		}
		return 0;
	}

}
