package dev.hearth.escalation;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.privacy.RetentionPurger;

/** Training examples as a data class of the retention job, by when they were kept. */
@Component
class TrainingExampleRetention implements RetentionPurger {

	private final JdbcClient jdbc;

	TrainingExampleRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String dataClass() {
		return "training-examples";
	}

	@Override
	@Transactional
	public int purgeBatch(Instant cutoff, int batchSize) {
		return this.jdbc.sql("""
				delete from training_example where id in (
				    select id from training_example where created_at < ? order by id limit ? for update skip locked)
				""").param(Timestamp.from(cutoff)).param(batchSize).update();
	}

}
