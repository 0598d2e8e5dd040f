package dev.hearth.kbimport;

import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** {@code search QUERY}: searches the knowledge base as the assistant would. */
final class SearchCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("search", "Search the knowledge base as the assistant would",
			"QUERY", 1, CommandSpec.UNLIMITED, """
					Runs QUERY through the server's hybrid search (BM25 and vectors) and shows the
					best passages: score, title, section path, source and a short excerpt. Several
					words without quotes are joined into one query. With --json, prints one JSON
					array of the server's results unchanged.

					Examples:
					  kb-import search "how do I reset my password"
					  kb-import search router firmware update --top 3 --tag product=router
					  kb-import search "refund" --fusion bm25 --json
					""",
			List.of(Option.value("--top", "N", "how many results (default 5, at most 100)"),
					Option.repeatable("--tag", "KEY=VALUE", "only documents with this tag"),
					Option.value("--fusion", "rrf|linear|bm25|vector",
							"how to combine the searches (default: the server's)"),
					Option.flag("--json", "print the server's JSON array")),
			SearchCommand::new);

	private static final List<String> FUSIONS = List.of("rrf", "linear", "bm25", "vector");

	private static final int PASSAGE_WIDTH = 240;

	@Override
	public int run(ParsedArgs args, Session session) {
		String query = String.join(" ", args.positional()).strip();
		if (query.isEmpty()) {
			throw new UsageException("QUERY is empty", "search");
		}
		int top = args.intValue("--top", 5, 1, 100);
		Tags tags = Tags.parse(args.values("--tag"), "search");
		String fusion = args.choice("--fusion", FUSIONS);
		JsonNode results = session.client().search(query, top, tags, fusion);
		if (!results.isArray()) {
			throw new ApiException(200, "the server's search answer is not a list of results", null);
		}
		if (args.flag("--json")) {
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
