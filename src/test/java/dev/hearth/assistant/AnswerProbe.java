package dev.hearth.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.knowledge.KnowledgeBase;
import dev.hearth.knowledge.KnowledgeSearch;
import dev.hearth.retrieval.SearchHit;

/**
 * A diagnosis tool, not a test: loads the sample knowledge base, then answers the
 * questions of every {@code in-*.jsonl} file that appears in {@code -Dprobe.dir} (in the
 * format of the evaluation sets), writing each answer and the hybrid search's hits (both
 * kinds, with their ranks) to {@code out-*.txt}, until a file named {@code stop} appears.
 * Run with {@code mvn test -Dtest=AnswerProbe -Dprobe.dir=DIR}.
 */
@SpringBootTest(properties = "hearth.knowledge.sample.enabled=true")
@ActiveProfiles("test")
class AnswerProbe {

	@Autowired
	AnswerPipeline pipeline;

	@Autowired
	RouterService router;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Queries queries;

	@Autowired
	dev.hearth.knowledge.FaqCatalog catalog;

	@Autowired
	ApplicationContext context;

	@Test
	void probe() throws Exception {
		String dir = System.getProperty("probe.dir");
		if (dir == null) {
			return;
		}
		this.jdbc.sql("truncate kb_document, faq_entry, kb_import_event cascade").update();
		this.knowledge.rebuildIndex();
		this.context.getBean("sampleKnowledgeBase", ApplicationRunner.class).run(null);
		this.router.trainNow();
		Path folder = Path.of(dir);
		Files.createDirectories(folder);
		while (!Files.exists(folder.resolve("stop"))) {
			try (var files = Files.list(folder)) {
				for (Path in : Files.list(folder)
					.filter((f) -> f.getFileName().toString().startsWith("cos-"))
					.toList()) {
					StringBuilder out = new StringBuilder();
					for (String line : Files.readAllLines(in)) {
						String[] pair = line.split("\t");
						if (pair.length == 2) {
							out.append(String.format("%.3f %s | %s%n", dev.hearth.knowledge.Vectors
								.cosine(this.queries.embed(pair[0]), this.queries.embed(pair[1])), pair[0], pair[1]));
						}
					}
					Files.writeString(folder.resolve(in.getFileName().toString().replace("cos-", "out-cos-")), out);
					Files.delete(in);
				}
				for (Path in : files.filter((f) -> f.getFileName().toString().startsWith("in-")).toList()) {
					StringBuilder out = new StringBuilder();
					for (LabelledQuestion question : SampleAnswerBenchmark.read(in)) {
						out.append("### ")
							.append(question.question())
							.append("  history=")
							.append(question.history().size())
							.append('\n');
						try {
							List<Turn> history = SampleAnswerBenchmark.played(this.pipeline, question.history());
							for (Turn turn : history) {
								out.append(turn.fromCustomer() ? "  < " : "  > ")
									.append(turn.text().replace('\n', ' '))
									.append('\n');
							}
							Answer answer = this.pipeline.answer(question.question(), history, (text) -> {
							});
							out.append("ANSWER ")
								.append(AnswerGrade.of(question, answer))
								.append(' ')
								.append(answer.decision())
								.append(' ')
								.append(answer.reason())
								.append(' ')
								.append(answer.answeredBy())
								.append(' ')
								.append(answer.faqId())
								.append(' ')
								.append(answer.citations().stream().map(Citation::source).toList())
								.append('\n')
								.append("  ")
								.append(answer.text().replace('\n', ' '))
								.append('\n');
							Query q = this.queries.of(question.question(), history);
							List<Passage> offered = new DocumentRetrieval((text, vector, top,
									filters) -> this.search.search(text, vector, top, filters).hits(), 4,
									List.of("customer"))
								.retrieve(q.text(), q.vector());
							for (Passage passage : offered) {
								out.append(String.format("  offered sim=%.3f bm25=%d %s%n", passage.similarity(),
										passage.hit().bm25Rank(), passage.hit().sectionPath()));
							}
							if (!offered.isEmpty()) {
								ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose(q.text(), q.vector(),
										offered, 3, java.util.Locale.ENGLISH, FollowUps.previousAnswer(history),
										this.queries::embed);
								if (composed.span() != null) {
									String shown = composed.span().heading() + "\n" + composed.span().text();
									out.append(String.format("  span cos=%.3f score=%.3f %s%n",
											dev.hearth.knowledge.Vectors.cosine(q.vector(), this.queries.embed(shown)),
											composed.score(), shown.replace('\n', ' ')));
								}
							}
							for (var candidate : answer.ranked().stream().limit(3).toList()) {
								this.catalog.entry(candidate.faqId())
									.ifPresent((entry) -> out.append(String.format("  entry %s p=%.3f cos=%.3f%n",
											entry.id(), candidate.probability(), dev.hearth.knowledge.Vectors
												.cosine(q.vector(), this.queries.embed(entry.answer())))));
							}
							List<SearchHit> hits = this.search
								.search(question.question(), 20, Map.of("audience", Set.of("customer")), null)
								.hits();
							for (int i = 0; i < hits.size(); i++) {
								SearchHit hit = hits.get(i);
								out.append(String.format("  %2d %-14s bm25=%-3d vec=%-3d sim=%.3f %s | %s%n", i + 1,
										hit.kind(), hit.bm25Rank(), hit.vectorRank(), hit.similarity(),
										hit.source().replaceAll(".*/", ""), hit.sectionPath()));
							}
						}
						catch (RuntimeException ex) {
							out.append("FAILED ").append(ex).append('\n');
						}
					}
					Files.writeString(folder
						.resolve(in.getFileName().toString().replace("in-", "out-").replace(".jsonl", ".txt")), out);
					Files.delete(in);
				}
			}
			Thread.sleep(500);
		}
	}

}
