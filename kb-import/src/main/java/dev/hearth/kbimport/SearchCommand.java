package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import tools.jackson.databind.JsonNode;

/** {@code search QUERY}: searches the knowledge base as the assistant would. */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Search the knowledge base as the assistant would",
		description = { "Runs QUERY through the server's hybrid search (BM25 and vectors) and shows the",
				"best passages: score, title, section path, source and a short excerpt. Several",
				"words without quotes are joined into one query. With --json, prints one JSON",
				"array of the server's results unchanged." },
		footerHeading = "%nExamples:%n",
		footer = { "  kb-import search \"how do I reset my password\"",
				"  kb-import search router firmware update --top 3 --tag product=router",
				"  kb-import search \"refund\" --fusion bm25 --json" })
final class SearchCommand implements CliCommand {

	/** How the server combines its searches. */
	enum Fusion {

		RRF, LINEAR, BM25, VECTOR

	}

	@Parameters(paramLabel = "QUERY", arity = "1..*", description = "what to search for")
	List<String> words;

	@Option(names = "--top", paramLabel = "N", description = "how many results, 1 to 100 (default 5)")
	int top = 5;

	@Option(names = "--tag", paramLabel = "KEY=VALUE", description = "only documents with this tag (repeatable)")
	List<String> tags = new ArrayList<>();

	@Option(names = "--fusion", paramLabel = "FUSION",
			description = "how to combine the searches: ${COMPLETION-CANDIDATES} (default: the server's)")
	Fusion fusion;

	@Option(names = "--json", description = "print the server's JSON array")
	boolean json;

	private static final int PASSAGE_WIDTH = 240;

	@Override
	public int run(Session session) {
		String query = String.join(" ", this.words).strip();
		if (query.isEmpty()) {
			throw new UsageException("QUERY is empty", "search");
		}
		int top = CliCommand.within("--top", this.top, 1, 100, "search");
		Tags tags = Tags.parse(this.tags, "search");
		String fusion = (this.fusion != null) ? this.fusion.name().toLowerCase(Locale.ROOT) : null;
		JsonNode results = session.client().search(query, top, tags, fusion);
		if (!results.isArray()) {
			throw new ApiException(200, "the server's search answer is not a list of results", null);
		}
		if (this.json) {
			session.out().println(Json.pretty(results));
			return 0;
		}
		List<JsonNode> hits = Json.elements(results);
		if (hits.isEmpty()) {
			session.out().println("No results for \"" + query + "\".");
			return 0;
		}
		for (int i = 0; i < hits.size(); i++) {
			print(session, i + 1, hits.get(i));
		}
		return 0;
	}

	private static void print(Session session, int rank, JsonNode hit) {
		double score = hit.path("score").asDouble(0);
		String title = Json.text(hit, "title", "(untitled)");
		session.out().printf(Locale.ROOT, "%d. [%.3f] %s%n", rank, score, title);
		String indent = " ".repeat(String.valueOf(rank).length() + 2);
		String section = sectionPath(hit.path("sectionPath"));
		if (!section.isEmpty()) {
			session.out().println(indent + section);
		}
		session.out().println(indent + Json.text(hit, "source", ""));
		session.out().println(indent + Texts.excerpt(Json.text(hit, "passage", ""), PASSAGE_WIDTH));
		session.out().println();
	}

	/**
	 * The section path as text, whether the server sends a string or an array of
	 * headings.
	 */
	private static String sectionPath(JsonNode node) {
		if (node.isArray()) {
			return String.join(" › ", node.values().stream().map((heading) -> heading.asString("")).toList());
		}
		return (node.isValueNode() && !node.isNull()) ? node.asString() : "";
	}

}
