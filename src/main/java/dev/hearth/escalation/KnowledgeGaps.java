package dev.hearth.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.hearth.knowledge.Vectors;

/**
 * The knowledge-gap report: questions Hearth could not answer from its knowledge base
 * (decisions of the {@code pipeline:*} rules, whether a person or an approved LLM then
 * answered), clustered by meaning, biggest cluster first, each with a suggestion to add a
 * FAQ entry: the most typical question, the other phrasings customers used, and the
 * answer an agent gave in one of those conversations, if any. Questions are stored with
 * personal data already redacted. The decision log keeps each question's embedding from
 * its turn (when the question had no personal data to redact), sealed like the question;
 * only older or redacted questions are embedded here, once, and kept sealed (the row is
 * re-sealed with the active key then). Thread-safe.
 */
@Service
public class KnowledgeGaps {

	/**
	 * Questions at least this similar (cosine of sentence embeddings) share a cluster.
	 */
	static final double SAME_TOPIC = 0.72;

	private static final int MAX_QUESTIONS = 5000;

	private static final int EMBED_BATCH = 64;

	private final JdbcClient jdbc;

	private final TrainingExamples examples;

	private final EmbeddingModel embeddings;

	private final dev.hearth.crypto.SealedColumns questions;

	KnowledgeGaps(JdbcClient jdbc, EmbeddingModel embeddings, TrainingExamples examples,
			@Qualifier("decisionQuestions") dev.hearth.crypto.SealedColumns questions) {
		this.examples = examples;
		this.jdbc = jdbc;
		this.embeddings = embeddings;
		this.questions = questions;
	}

	/**
	 * A cluster of unanswered questions.
	 *
	 * @param question the most typical question of the cluster
	 * @param occurrences how often such a question was escalated
	 * @param conversations in how many conversations
	 * @param phrasings the distinct ways customers asked, most typical first (at most 10)
	 * @param rules how often each rule fired
	 * @param firstSeen the earliest
	 * @param lastSeen the latest
	 * @param suggestion what to add to the knowledge base
	 */
	public record Gap(String question, int occurrences, int conversations, List<String> phrasings,
			Map<String, Integer> rules, Instant firstSeen, Instant lastSeen, Suggestion suggestion) {

		/**
		 * This gap with its questions, phrasings and suggested answer passed through
		 * {@code mask}.
		 */
		public Gap masked(java.util.function.UnaryOperator<String> mask) {
			return new Gap(mask.apply(this.question), this.occurrences, this.conversations,
					this.phrasings.stream().map(mask).toList(), this.rules, this.firstSeen, this.lastSeen,
					(this.suggestion != null) ? this.suggestion.masked(mask) : null);
		}

	}

	/**
	 * A suggested FAQ entry, in the shape {@code kb-import faq} reads.
	 *
	 * @param action always {@code ADD_FAQ_ENTRY}
	 * @param question the entry's question
	 * @param phrasings further phrasings to train the router on
	 * @param answer an answer a person gave to such a question, or null: write one
	 */
	public record Suggestion(String action, String question, List<String> phrasings, String answer) {

		Suggestion masked(java.util.function.UnaryOperator<String> mask) {
			return new Suggestion(this.action, mask.apply(this.question), this.phrasings.stream().map(mask).toList(),
					(this.answer != null) ? mask.apply(this.answer) : null);
		}

	}

	/**
	 * An unanswered question; {@code unit} is its embedding scaled to length 1;
	 * {@code key} the key that seals the row.
	 */
	private record Row(long id, UUID conversation, String rule, String question, Instant at, float[] unit, String key) {
	}

	/**
	 * The report for {@code [from, to)}: clusters of at least {@code minOccurrences}
	 * questions, at most {@code limit}.
	 */
	public List<Gap> report(Instant from, Instant to, int limit, int minOccurrences) {
		if (limit < 1 || limit > 200) {
			throw new IllegalArgumentException("limit must be 1 to 200, got " + limit);
		}
		if (minOccurrences < 1) {
			throw new IllegalArgumentException("minOccurrences must be at least 1, got " + minOccurrences);
		}
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
		}
		List<List<Row>> clusters = cluster(load(from, to));
		// biggest, then most recent first; only the clusters reported get their agent
		// answer looked up
		return clusters.stream()
			.filter((cluster) -> cluster.size() >= minOccurrences)
			.sorted(Comparator.comparingInt((List<Row> cluster) -> cluster.size())
				.reversed()
				.thenComparing(KnowledgeGaps::lastSeen, Comparator.reverseOrder()))
			.limit(limit)
			.map(this::gap)
			.toList();
	}

	private static Instant lastSeen(List<Row> cluster) {
		return cluster.stream().map(Row::at).max(Comparator.naturalOrder()).orElseThrow();
	}

	/**
	 * The questions with their unit-length embeddings; missing ones are computed and
	 * kept.
	 */
	private List<Row> load(Instant from, Instant to) {
		List<Row> rows = new ArrayList<>(this.jdbc.sql("""
				select id, conversation_id, rule, enc_key, question, created_at, embedding from escalation_decision
				where rule like 'pipeline:%' and created_at >= ? and created_at < ?
				order by created_at desc limit ?
				""").param(Timestamp.from(from)).param(Timestamp.from(to)).param(MAX_QUESTIONS).query((rs, n) -> {
			long id = rs.getLong(1);
			String key = rs.getString(4);
			float[] vector = EscalationLog.vector(this.questions.open(key, "embedding", id, rs.getString(7)));
			return new Row(id, rs.getObject(2, UUID.class), rs.getString(3),
					this.questions.open(key, "question", id, rs.getString(5)), rs.getTimestamp(6).toInstant(),
					(vector != null) ? normalised(vector) : null, key);
		}).list());
		List<Integer> missing = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).unit() == null) {
				missing.add(i);
			}
		}
		for (int start = 0; start < missing.size(); start += EMBED_BATCH) {
			List<Integer> batch = missing.subList(start, Math.min(missing.size(), start + EMBED_BATCH));
			List<float[]> vectors = this.embeddings.embed(batch.stream().map((i) -> rows.get(i).question()).toList());
			for (int b = 0; b < batch.size(); b++) {
				Row row = rows.get(batch.get(b));
				keep(row, vectors.get(b));
				rows.set(batch.get(b), new Row(row.id(), row.conversation(), row.rule(), row.question(), row.at(),
						normalised(vectors.get(b)), row.key()));
			}
		}
		return rows;
	}

	/**
	 * Keeps a computed embedding sealed with the active key, re-sealing the question with
	 * it in the same statement (one key per row); skipped when the row's key changed
	 * meanwhile (the key rotation took it), so it is computed again next time.
	 */
	private void keep(Row row, float[] vector) {
		String key = this.questions.activeKey();
		this.jdbc.sql("""
				update escalation_decision set enc_key = ?, question = ?, embedding = ?
				where id = ? and enc_key is not distinct from ?
				""")
			.param(key)
			.param(this.questions.seal(key, "question", row.id(), row.question()))
			.param(this.questions.seal(key, "embedding", row.id(), EscalationLog.vectorText(vector)))
			.param(row.id())
			.param(row.key())
			.update();
	}

	/**
	 * Leader clustering: each question joins the closest cluster centroid within reach.
	 */
	private static List<List<Row>> cluster(List<Row> rows) {
		List<List<Row>> clusters = new ArrayList<>();
		List<float[]> sums = new ArrayList<>();
		for (Row row : rows) {
			float[] v = row.unit();
			int best = -1;
			double bestScore = SAME_TOPIC;
			for (int c = 0; c < clusters.size(); c++) {
				double score = Vectors.cosine(v, sums.get(c));
				if (score >= bestScore) {
					best = c;
					bestScore = score;
				}
			}
			if (best < 0) {
				clusters.add(new ArrayList<>(List.of(row)));
				sums.add(v.clone());
			}
			else {
				clusters.get(best).add(row);
				float[] sum = sums.get(best);
				for (int i = 0; i < sum.length; i++) {
					sum[i] += v[i];
				}
			}
		}
		return clusters;
	}

	private Gap gap(List<Row> cluster) {
		float[] centroid = new float[cluster.get(0).unit().length];
		for (Row row : cluster) {
			float[] v = row.unit();
			for (int i = 0; i < v.length; i++) {
				centroid[i] += v[i];
			}
		}
		List<Row> typical = new ArrayList<>(cluster);
		typical.sort(Comparator.comparingDouble((Row r) -> -Vectors.cosine(r.unit(), centroid)));
		Set<String> phrasings = new LinkedHashSet<>();
		for (Row row : typical) {
			if (phrasings.size() < 10) {
				phrasings.add(row.question().strip());
			}
		}
		Map<String, Integer> rules = new TreeMap<>();
		cluster.forEach((r) -> rules.merge(r.rule(), 1, Integer::sum));
		Set<UUID> conversations = new LinkedHashSet<>();
		cluster.forEach((r) -> conversations.add(r.conversation()));
		String question = phrasings.iterator().next();
		List<String> others = phrasings.stream().skip(1).toList();
		String answer = agentAnswer(conversations);
		Instant first = cluster.stream().map(Row::at).min(Comparator.naturalOrder()).orElseThrow();
		return new Gap(question, cluster.size(), conversations.size(), List.copyOf(phrasings),
				new LinkedHashMap<>(rules), first, lastSeen(cluster),
				new Suggestion("ADD_FAQ_ENTRY", question, others, answer));
	}

	private String agentAnswer(Set<UUID> conversations) {
		if (conversations.isEmpty()) {
			return null;
		}
		return this.examples.latestAgentAnswer(conversations).orElse(null);
	}

	private static float[] normalised(float[] v) {
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = (norm == 0) ? 0 : (float) (v[i] / norm);
		}
		return out;
	}

}
