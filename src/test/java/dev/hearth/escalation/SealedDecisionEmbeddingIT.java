package dev.hearth.escalation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.assistant.Query;
import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.SealedColumns;
import dev.hearth.knowledge.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedding of an escalation decision's question is sealed like the question (V34):
 * what the decision log writes, what the knowledge-gap report computes for older rows,
 * and that a sealed vector moved to another row does not open.
 */
@SpringBootTest
@ActiveProfiles("test")
class SealedDecisionEmbeddingIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EscalationLog log;

	@Autowired
	KnowledgeGaps gaps;

	@Autowired
	FieldCipher cipher;

	@Autowired
	EmbeddingModel embeddings;

	private UUID conversation() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into conversation (id, language) values (?, 'en')").param(id).update();
		return id;
	}

	private record Stored(long id, String key, String question, String embedding) {
	}

	private List<Stored> stored(UUID conversation) {
		return this.jdbc.sql(
				"select id, enc_key, question, embedding from escalation_decision where conversation_id = ? order by id")
			.param(conversation)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private float[] opened(Stored row) {
		String text = this.cipher.open(row.key(), row.embedding(),
				SealedColumns.context("escalation_decision", "embedding", row.id()));
		return Vectors.decode(Base64.getDecoder().decode(text));
	}

	@Test
	void theEmbeddingColumnHoldsNoVectorInClear() {
		assertThat(this.jdbc.sql("""
				select data_type from information_schema.columns
				where table_name = 'escalation_decision' and column_name = 'embedding'
				""").query(String.class).single()).isEqualTo("text");
	}

	@Test
	void theDecisionLogSealsTheQuestionsEmbeddingWithTheQuestionsKey() {
		UUID conversation = conversation();
		String question = "Can you recommend a restaurant near the harbour?";
		float[] vector = this.embeddings.embed(question);
		this.log.record(conversation, 1,
				new EscalationDecision("pipeline:no-answer", "no answer", 0, EscalationDecision.Action.DECLINE),
				EscalationLog.Outcome.DECLINED, question, new Query(question, question, vector));

		Stored row = stored(conversation).get(0);
		assertThat(row.key()).isEqualTo("test-1");
		assertThat(row.embedding()).as("no float array in clear").doesNotStartWith("{").doesNotContain(",");
		assertThat(opened(row)).containsExactly(vector);
		// bound to its row: copied into another decision it does not open
		UUID other = conversation();
		this.log.record(other, 1,
				new EscalationDecision("pipeline:no-answer", "no answer", 0, EscalationDecision.Action.DECLINE),
				EscalationLog.Outcome.DECLINED, "Where is my parcel?", null);
		Stored second = stored(other).get(0);
		assertThat(second.embedding()).as("none kept without a query").isNull();
		assertThatThrownBy(() -> opened(new Stored(second.id(), row.key(), row.question(), row.embedding())))
			.isInstanceOf(RuntimeException.class);
	}

	@Test
	void theReportSealsWhatItEmbedsForOlderRowsAndStillClusters() {
		UUID conversation = conversation();
		// as V24 and V34 left rows from before: question in clear, no key, no embedding
		for (String question : List.of("Which restaurant near the harbour do you recommend?",
				"Can you recommend a restaurant by the harbour?")) {
			this.jdbc
				.sql("""
						insert into escalation_decision (conversation_id, message_seq, rule, fired, action, outcome, question)
						values (?, 1, 'pipeline:no-answer', '{}', 'DECLINE', 'DECLINED', ?)
						""")
				.param(conversation)
				.param(question)
				.update();
		}
		Instant now = Instant.now();
		List<KnowledgeGaps.Gap> report = this.gaps.report(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS),
				200, 1);
		assertThat(report).anySatisfy(
				(gap) -> assertThat(gap.phrasings()).contains("Which restaurant near the harbour do you recommend?"));

		List<Stored> rows = stored(conversation);
		assertThat(rows).hasSize(2).allSatisfy((row) -> {
			assertThat(row.key()).as("the row is sealed with the active key").isEqualTo("test-1");
			assertThat(row.question()).doesNotContain("restaurant");
			assertThat(row.embedding()).isNotNull();
			assertThat(opened(row)).hasSize(this.embeddings.dimensions());
		});
		// the second report reads the sealed vectors back instead of embedding again
		assertThat(this.gaps.report(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS), 200, 1)).anySatisfy(
				(gap) -> assertThat(gap.phrasings()).contains("Which restaurant near the harbour do you recommend?"));
		assertThat(stored(conversation)).extracting(Stored::embedding)
			.containsExactlyElementsOf(rows.stream().map(Stored::embedding).toList());
	}

}
