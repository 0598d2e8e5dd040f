package dev.hearth.assistant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.knowledge.DocumentImporter;
import dev.hearth.knowledge.KnowledgeBase;
import dev.hearth.knowledge.KnowledgeSearch;
import dev.hearth.knowledge.Sentences;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

/**
 * Document question answering on doc2dial (validation split,
 * {@code shared/data/doc2dial-val}, not in the repository; skipped with a message when
 * absent). Every second document (in file order) is imported for customers; the others
 * are left out. Answerable: questions whose gold document was imported, asked with their
 * dialogue history; right when the answer is not escalated and a cited passage of the
 * gold document covers at least half of the gold grounding span's words (also reported:
 * the answer text itself covers half). Unanswerable (generated negatives): questions
 * whose gold document was left out; right when escalated. {@code -Dbench.questions=N}
 * questions of each kind (default 300), taken evenly over the file; {@code -Dbench.split}
 * names the splits to ask, comma-separated ({@link Doc2dialSplits}: {@code report}, the
 * default, {@code dev}, {@code train}; each writes its rows). Run with
 * {@code mvn test -Dtest=Doc2dialBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/doc2dial.json}.
 */
@SpringBootTest
@ActiveProfiles("test")
class Doc2dialBenchmark {

	@Autowired
	AnswerPipeline pipeline;

	@Autowired
	RouterService router;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	DocumentImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	Queries queries;

	@Autowired
	org.springframework.ai.embedding.EmbeddingModel embeddings;

	@Test
	void documentAnswers() throws Exception {
		Optional<Path> data = BenchData.folder("doc2dial-val");
		Assumptions.assumeTrue(data.isPresent(),
				"doc2dial-val not found: put shared/data next to the checkout or pass -Dbench.data=FOLDER");
		int perKind = Integer.getInteger("bench.questions", 300);
		JsonMapper json = JsonMapper.builder().build();
		this.jdbc.sql("truncate kb_document, faq_entry, kb_import_event cascade").update();
		this.knowledge.rebuildIndex();
		this.router.trainNow();

		Map<String, String> sourceOfDoc = new HashMap<>();
		Set<String> imported = new HashSet<>();
		List<String> lines = Files.readAllLines(data.get().resolve("documents.jsonl"));
		long started = System.nanoTime();
		for (int i = 0; i < lines.size(); i++) {
			JsonNode doc = json.readTree(lines.get(i));
			String docId = doc.get("doc_id").asString();
			String source = "doc2dial/" + doc.get("domain").asString() + "/" + i + ".txt";
			sourceOfDoc.put(docId, source);
			if (i % 2 == 0) {
				String title = docId.substring(0, docId.lastIndexOf('#'));
				this.importer.importDocument(source,
						(title + "\n\n" + doc.get("doc_text").asString()).getBytes(StandardCharsets.UTF_8),
						Map.of("audience", List.of("customer")), "en", "benchmark");
				imported.add(docId);
			}
		}
		System.out.printf("%nImported %d of %d doc2dial documents in %d s%n", imported.size(), lines.size(),
				(System.nanoTime() - started) / 1_000_000_000);

		List<JsonNode> answerable = new ArrayList<>();
		List<JsonNode> unanswerable = new ArrayList<>();
		for (String line : Files.readAllLines(data.get().resolve("questions.jsonl"))) {
			JsonNode question = json.readTree(line);
			(imported.contains(question.get("doc_id").asString()) ? answerable : unanswerable).add(question);
		}
		Doc2dialSplits splits = Doc2dialSplits.of(answerable, unanswerable, perKind,
				Integer.getInteger("bench.trainNegatives", 300));
		for (String split : System.getProperty("bench.split", "report").split(",")) {
			List<List<JsonNode>> asked = splits.named(split.strip());
			run(split.strip(), asked.get(0), asked.get(1), sourceOfDoc, json);
		}
	}

	private void run(String split, List<JsonNode> askAnswerable, List<JsonNode> askUnanswerable,
			Map<String, String> sourceOfDoc, JsonMapper json) throws Exception {
		this.light = "train".equals(split);
		int cited = 0;
		int inText = 0;
		int answeredAnswerable = 0;
		int[] citedAt = new int[CoverageSweep.THRESHOLDS.length];
		int[] escalatedAt = new int[CoverageSweep.THRESHOLDS.length];
		System.out.printf("split %s: %d answerable, %d unanswerable questions%n", split, askAnswerable.size(),
				askUnanswerable.size());
		Diagnosis diagnosis = new Diagnosis();
		List<Map<String, Object>> perQuestion = new ArrayList<>();
		for (JsonNode question : askAnswerable) {
			Answer answer = ask(question);
			perQuestion.add(diagnosis.answerable(question, answer, sourceOfDoc.get(question.get("doc_id").asString())));
			double keptUpTo = CoverageSweep.keptUpTo(question.get("question").asString(), history(question), answer);
			if (answer.decision() == Decision.ANSWERED) {
				answeredAnswerable++;
				String gold = question.get("gold_text").asString();
				String goldSource = sourceOfDoc.get(question.get("doc_id").asString());
				boolean citedGold = answer.citations()
					.stream()
					.anyMatch((c) -> c.source().equals(goldSource) && covers(c.passage(), gold));
				cited += citedGold ? 1 : 0;
				inText += covers(answer.text(), gold) ? 1 : 0;
				for (int t = 0; t < citedAt.length; t++) {
					citedAt[t] += (citedGold && CoverageSweep.kept(keptUpTo, CoverageSweep.THRESHOLDS[t])) ? 1 : 0;
				}
			}
		}
		int escalated = 0;
		for (JsonNode question : askUnanswerable) {
			Answer answer = ask(question);
			perQuestion.add(diagnosis.unanswerable(question, answer));
			escalated += (answer.decision() == Decision.ESCALATE) ? 1 : 0;
			double keptUpTo = CoverageSweep.keptUpTo(question.get("question").asString(), history(question), answer);
			for (int t = 0; t < escalatedAt.length; t++) {
				escalatedAt[t] += (answer.decision() == Decision.ESCALATE
						|| !CoverageSweep.kept(keptUpTo, CoverageSweep.THRESHOLDS[t])) ? 1 : 0;
			}
		}
		double n1 = askAnswerable.size();
		double n2 = askUnanswerable.size();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("answerable", askAnswerable.size());
		report.put("answered", answeredAnswerable / n1);
		report.put("answerCited", cited / n1);
		report.put("answerInText", inText / n1);
		report.put("unanswerable", askUnanswerable.size());
		report.put("unanswerableEscalated", escalated / n2);
		System.out.println("\n=== doc2dial document QA ===");
		report.forEach((key, value) -> System.out.println(key + ": " + value));
		System.out
			.println("min-coverage sweep (valid for a run with min-coverage=0): answer cited / unanswerable escalated");
		for (int t = 0; t < citedAt.length; t++) {
			System.out.printf("  %.1f  %.3f  %.3f%n", CoverageSweep.THRESHOLDS[t], citedAt[t] / n1,
					escalatedAt[t] / n2);
		}
		diagnosis.print(n1, n2);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/doc2dial-" + split + "-questions.json"),
				json.writerWithDefaultPrettyPrinter().writeValueAsString(perQuestion));
		Files.writeString(Path.of("target/bench/doc2dial" + ("report".equals(split) ? "" : "-" + split) + ".json"),
				json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
	}

	/** Whether the per-question retrieval variants are skipped (the training split). */
	private boolean light;

	/**
	 * Where answerable questions are lost: retrieval (the gold span's passage not among
	 * the passages the pipeline composes from), span selection (the gold document cited
	 * with another span), or answerability (the gold span's passage retrieved, the
	 * question escalated); and recall@1/5/20 of the gold span's passage and document.
	 */
	private final class Diagnosis {

		static final int[] KS = { 1, 4, 5, 20 };

		final Map<String, Integer> outcomes = new LinkedHashMap<>();

		final int[] spanAt = new int[KS.length];

		final int[] docAt = new int[KS.length];

		/**
		 * Recall@k of the gold span's passage per way of forming the search from the
		 * turn.
		 */
		final Map<String, int[]> variants = new LinkedHashMap<>();

		private void variant(String name, List<SearchHit> found, String goldSource, String gold) {
			int rank = -1;
			List<SearchHit> chunks = found.stream().filter((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK).toList();
			for (int i = 0; i < chunks.size() && rank < 0; i++) {
				if (chunks.get(i).source().equals(goldSource) && covers(chunks.get(i).passage(), gold)) {
					rank = i;
				}
			}
			int[] at = this.variants.computeIfAbsent(name, (key) -> new int[KS.length]);
			for (int k = 0; k < KS.length; k++) {
				at[k] += (rank >= 0 && rank < KS[k]) ? 1 : 0;
			}
		}

		Map<String, Object> answerable(JsonNode question, Answer answer, String goldSource) {
			String gold = question.get("gold_text").asString();
			String query = Doc2dialBenchmark.this.queries.of(question.get("question").asString(), history(question))
				.text();
			List<SearchHit> hits = Doc2dialBenchmark.this.search
				.search(query, 20, Map.of("audience", Set.of("customer")), null)
				.hits()
				.stream()
				.filter((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK)
				.toList();
			int spanRank = -1;
			int docRank = -1;
			for (int i = 0; i < hits.size(); i++) {
				if (hits.get(i).source().equals(goldSource)) {
					docRank = (docRank < 0) ? i : docRank;
					if (spanRank < 0 && covers(hits.get(i).passage(), gold)) {
						spanRank = i;
					}
				}
			}
			for (int k = 0; k < KS.length; k++) {
				this.spanAt[k] += (spanRank >= 0 && spanRank < KS[k]) ? 1 : 0;
				this.docAt[k] += (docRank >= 0 && docRank < KS[k]) ? 1 : 0;
			}
			Map<String, Set<String>> customers = Map.of("audience", Set.of("customer"));
			if (Doc2dialBenchmark.this.light) {
				return finish(question, answer, goldSource, gold, query, hits, spanRank, docRank);
			}
			Query turn = Doc2dialBenchmark.this.queries.of(question.get("question").asString(), history(question));
			String withHistory = DocumentRetrieval.withHistory(turn.text(), history(question));
			KnowledgeSearch search = Doc2dialBenchmark.this.search;
			variant("question alone", search.search(question.get("question").asString(), 20, customers, null).hits(),
					goldSource, gold);
			variant("pipeline query (FollowUps)", hits, goldSource, gold);
			variant("pipeline query, BM25 with customer turns", search
				.search(DocumentRetrieval.withHistory(turn.text(),
						history(question).stream().filter(Turn::fromCustomer).toList()), turn.vector(), 20, customers)
				.hits(), goldSource, gold);
			variant("pipeline query, BM25 with history",
					search.search(withHistory, turn.vector(), 20, customers).hits(), goldSource, gold);
			variant("pipeline query with history, embedded too", search.search(withHistory, 20, customers, null).hits(),
					goldSource, gold);
			List<DocumentRetrieval.Piece> pieces = DocumentRetrieval.pieces(turn.text(), history(question));
			DocumentRetrieval.PieceVectors pieceVectors = (piece) -> piece.fromCustomer()
					? Doc2dialBenchmark.this.queries.of(piece.text(), history(question).subList(0, piece.turn()))
						.vector()
					: Doc2dialBenchmark.this.embeddings.embed(piece.text());
			float[] composed = (pieces.size() > 1) ? DocumentRetrieval.composed(pieces, turn.vector(), pieceVectors)
					: turn.vector();
			variant("pipeline query with history, vector composed (word weights)",
					search.search(withHistory, composed, 20, customers).hits(), goldSource, gold);
			float[] equal = turn.vector().clone();
			for (int p = 1; p < pieces.size(); p++) {
				float[] v = pieceVectors.of(pieces.get(p));
				for (int i = 0; i < equal.length; i++) {
					equal[i] += v[i];
				}
			}
			variant("pipeline query with history, vector composed (equal weights)",
					search.search(withHistory, equal, 20, customers).hits(), goldSource, gold);
			variant("... RRF", search.search(withHistory, 20, customers, dev.hearth.retrieval.Fusion.RRF).hits(),
					goldSource, gold);
			variant("... BM25 only",
					search.search(withHistory, 20, customers, dev.hearth.retrieval.Fusion.BM25_ONLY).hits(), goldSource,
					gold);
			variant("... vector only",
					search.search(withHistory, 20, customers, dev.hearth.retrieval.Fusion.VECTOR_ONLY).hits(),
					goldSource, gold);
			return finish(question, answer, goldSource, gold, query, hits, spanRank, docRank);
		}

		private Map<String, Object> finish(JsonNode question, Answer answer, String goldSource, String gold,
				String query, List<SearchHit> hits, int spanRank, int docRank) {
			String outcome;
			if (answer.decision() == Decision.ANSWERED) {
				boolean goldDoc = answer.citations().stream().anyMatch((c) -> c.source().equals(goldSource));
				boolean goldSpan = answer.citations()
					.stream()
					.anyMatch((c) -> c.source().equals(goldSource) && covers(c.passage(), gold));
				outcome = goldSpan ? "right"
						: goldDoc ? "b: gold document, other passage cited"
								: (spanRank >= 0 && spanRank < 4) ? "b: gold passage retrieved, other document cited"
										: "a: answered from another document, gold passage not retrieved";
			}
			else {
				outcome = (spanRank >= 0 && spanRank < 4) ? "c: gold passage retrieved, escalated"
						: "a: gold passage not retrieved, escalated";
			}
			this.outcomes.merge(outcome, 1, Integer::sum);
			Map<String, Object> row = row(question, answer, query, hits);
			row.put("keptUpTo", CoverageSweep.keptUpTo(question.get("question").asString(), history(question), answer));
			row.put("kind", "answerable");
			row.put("goldSource", goldSource);
			row.put("gold", gold);
			row.put("spanRank", spanRank);
			row.put("docRank", docRank);
			row.put("outcome", outcome);
			putJudged(row, goldSource, gold);
			return row;
		}

		Map<String, Object> unanswerable(JsonNode question, Answer answer) {
			String query = Doc2dialBenchmark.this.queries.of(question.get("question").asString(), history(question))
				.text();
			List<SearchHit> hits = Doc2dialBenchmark.this.search
				.search(query, 20, Map.of("audience", Set.of("customer")), null)
				.hits()
				.stream()
				.filter((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK)
				.toList();
			Map<String, Object> row = row(question, answer, query, hits);
			row.put("keptUpTo", CoverageSweep.keptUpTo(question.get("question").asString(), history(question), answer));
			row.put("kind", "unanswerable");
			putJudged(row, null, null);
			this.outcomes.merge((answer.decision() == Decision.ESCALATE) ? "negative escalated" : "negative answered",
					1, Integer::sum);
			return row;
		}

		private Map<String, Object> row(JsonNode question, Answer answer, String query, List<SearchHit> hits) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", question.get("id").asString());
			row.put("question", question.get("question").asString());
			row.put("query", query);
			row.put("decision", answer.decision().name());
			row.put("reason", String.valueOf(answer.reason()));
			row.put("confidence", answer.confidence());
			row.put("answer", answer.text());
			row.put("cited", answer.citations().stream().map(Citation::source).toList());
			row.put("top",
					hits.stream()
						.limit(8)
						.map((h) -> h.source() + " " + h.similarity() + " " + h.bm25Rank() + " " + h.vectorRank())
						.toList());
			if (answer.decision() == Decision.ANSWERED && !answer.citations().isEmpty()) {
				Citation cited = answer.citations().get(0);
				for (int i = 0; i < hits.size(); i++) {
					if (hits.get(i).source().equals(cited.source()) && hits.get(i).passage().equals(cited.passage())) {
						row.put("citedRank", i);
						row.put("citedBm25Rank", hits.get(i).bm25Rank());
						row.put("citedVectorRank", hits.get(i).vectorRank());
						row.put("citedSimilarity", hits.get(i).similarity());
						break;
					}
				}
				float[] vector = Doc2dialBenchmark.this.queries
					.of(question.get("question").asString(), history(question))
					.vector();
				String span = answer.text().replaceFirst("^\\*\\*[^*]*\\*\\*\\s*", "").replaceFirst("\\s*\\[1]$", "");
				double best = -1;
				for (String sentence : Sentences.of(span, Locale.ENGLISH)) {
					best = Math.max(best, cosine(vector, Doc2dialBenchmark.this.embeddings.embed(sentence)));
				}
				row.put("spanSentenceSimilarity", best);
				double bestPassage = -1;
				for (String sentence : Sentences.of(cited.passage(), Locale.ENGLISH)) {
					bestPassage = Math.max(bestPassage,
							cosine(vector, Doc2dialBenchmark.this.embeddings.embed(sentence)));
				}
				row.put("passageSentenceSimilarity", bestPassage);
			}
			return row;
		}

		void print(double answerable, double unanswerable) {
			System.out.println("\n=== doc2dial diagnosis ===");
			for (int k = 0; k < KS.length; k++) {
				System.out.printf("recall@%d  gold span's passage %.3f  gold document %.3f%n", KS[k],
						this.spanAt[k] / answerable, this.docAt[k] / answerable);
			}
			this.outcomes.forEach((outcome, n) -> System.out.printf("%-70s %d%n", outcome, n));
			System.out.println("recall@1/4/5/20 of the gold span's passage by search formed from the turn:");
			this.variants.forEach((name, at) -> System.out.printf("  %-45s %.3f %.3f %.3f %.3f%n", name,
					at[0] / answerable, at[1] / answerable, at[2] / answerable, at[3] / answerable));
		}

	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return dot / Math.sqrt(na * nb);
	}

	/** The span the last question's document answer was judged on, if any. */
	private DocumentComposition.Judged lastJudged;

	private List<Turn> lastHistory = List.of();

	/** What the last question's extractive composition was given, if any. */
	private DocumentComposition.Offered lastOffered;

	private Answer ask(JsonNode question) {
		// marks where each question's debug lines start, to read which gate refused it
		System.out.println("@@question " + question.get("id").asString());
		List<DocumentComposition.Judged> judged = new ArrayList<>();
		List<DocumentComposition.Offered> offered = new ArrayList<>();
		this.pipeline.observeSpans(judged::add);
		this.pipeline.observeOffered(offered::add);
		Answer answer = this.pipeline.answer(question.get("question").asString(), history(question), (text) -> {
		});
		this.lastJudged = judged.isEmpty() ? null : judged.get(judged.size() - 1);
		this.lastHistory = history(question);
		this.lastOffered = offered.isEmpty() ? null : offered.get(offered.size() - 1);
		return answer;
	}

	/**
	 * The judged span's features and whether it would be right: the answer to an
	 * answerable question whose passage holds the gold span, never for a generated
	 * negative ({@code AnswerabilityFit} learns from these).
	 */
	private void putJudged(Map<String, Object> row, String goldSource, String gold) {
		DocumentComposition.Offered offered = this.lastOffered;
		if (offered != null) {
			// what span choice had to choose from (SpanChoiceFit replays it)
			row.put("offeredQuery", offered.query());
			row.put("previousAnswer", offered.previousAnswer());
			List<Map<String, Object>> passages = new ArrayList<>();
			for (Passage passage : offered.passages()) {
				Map<String, Object> p = new LinkedHashMap<>();
				SearchHit hit = passage.hit();
				p.put("source", hit.source());
				p.put("title", hit.title());
				p.put("sectionPath", hit.sectionPath());
				p.put("citation", hit.citation());
				p.put("passage", hit.passage());
				p.put("language", hit.language());
				p.put("similarity", passage.similarity());
				p.put("bm25Rank", hit.bm25Rank());
				p.put("vectorRank", hit.vectorRank());
				p.put("gold", goldSource != null && hit.source().equals(goldSource) && covers(hit.passage(), gold));
				passages.add(p);
			}
			row.put("offered", passages);
		}
		DocumentComposition.Judged judged = this.lastJudged;
		row.put("judged", judged != null);
		if (judged == null) {
			return;
		}
		Map<String, Object> features = new LinkedHashMap<>();
		double[] values = judged.features().values();
		for (int i = 0; i < values.length; i++) {
			features.put(SpanFeatures.NAMES.get(i), values[i]);
		}
		row.put("features", features);
		// the span's own similarity (ADR 0035), to replay gates on a run without one
		Query turn = this.queries.of(row.get("question").toString(), this.lastHistory);
		row.put("spanShown", judged.span().shown());
		row.put("spanSimilarity", cosine(turn.vector(), this.queries.embed(judged.span().shown())));
		row.put("judgedAnswers", judged.answers());
		row.put("judgedRight", goldSource != null && judged.span().passage().hit().source().equals(goldSource)
				&& covers(judged.span().passage().hit().passage(), gold));
	}

	private static List<Turn> history(JsonNode question) {
		List<Turn> history = new ArrayList<>();
		for (JsonNode turn : question.get("history")) {
			history.add(new Turn("user".equals(turn.get("role").asString()), turn.get("utterance").asString()));
		}
		return history;
	}

	/** Whether {@code text} holds at least half of the gold span's words. */
	static boolean covers(String text, String gold) {
		Set<String> have = new HashSet<>(words(text));
		List<String> wanted = words(gold);
		long found = wanted.stream().filter(have::contains).count();
		return !wanted.isEmpty() && found * 2 >= wanted.size();
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

}
