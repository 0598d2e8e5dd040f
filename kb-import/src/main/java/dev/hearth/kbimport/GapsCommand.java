package dev.hearth.kbimport;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code gaps}: the knowledge-gap report. */
@Command(name = "gaps", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Show the questions Hearth could not answer",
		description = { "Clusters the questions Hearth escalated because its knowledge base had no",
				"answer, biggest first, each with its typical question, how often it came up",
				"and a suggested FAQ entry (with an agent's answer when one exists).",
				"--faq writes the suggestions as JSONL that 'kb-import faq' reads once you",
				"have checked and completed their answers." })
final class GapsCommand implements CliCommand {

	@Option(names = "--from", paramLabel = "DATE", description = "first day, e.g. 2026-11-01 (default: 30 days ago)")
	String from;

	@Option(names = "--to", paramLabel = "DATE", description = "last day, inclusive (default: today)")
	String to;

	@Option(names = "--limit", paramLabel = "N", description = "at most N clusters, 1 to 200 (default 20)")
	int limit = 20;

	@Option(names = "--min", paramLabel = "N", description = "clusters of at least N questions (default 2)")
	int min = 2;

	@Option(names = "--faq", description = "print FAQ entry suggestions as JSONL")
	boolean faq;

	@Option(names = "--json", description = "print the server's JSON")
	boolean json;

	@Override
	public int run(Session session) {
		int min = CliCommand.within("--min", this.min, 1, 100000, "gaps");
		QueryString query = new QueryString().add("limit", CliCommand.within("--limit", this.limit, 1, 200, "gaps"))
			.add("minOccurrences", min)
			.add("from", this.from)
			.add("to", this.to);
		JsonNode report = session.client().knowledgeGaps(query);
		List<JsonNode> gaps = Json.elements(report.path("gaps"));
		if (this.json) {
			session.out().println(Json.pretty(report));
			return 0;
		}
		if (this.faq) {
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
				.println("No unanswered questions came up at least " + min + " times between "
						+ Json.text(report, "from", "?") + " and " + Json.text(report, "to", "?") + ".");
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
