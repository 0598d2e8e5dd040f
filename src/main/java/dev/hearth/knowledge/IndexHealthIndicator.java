package dev.hearth.knowledge;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code index} health contributor, part of the readiness group: UP while the
 * knowledge base's Lucene index can be searched (with its passage count and revision),
 * DOWN when it cannot (closed, or its files unreadable), so a replica that cannot answer
 * from the knowledge base stops receiving traffic. The start-up rebuild from PostgreSQL
 * ({@link IndexStartup}) finishes before the application reports ready at all.
 * Thread-safe.
 */
@Component
class IndexHealthIndicator implements HealthIndicator {

	private final KnowledgeIndex index;

	IndexHealthIndicator(KnowledgeIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		try {
			int passages = this.index.passages().size();
			return Health.up()
				.withDetail("passages", passages)
				.withDetail("revision", this.index.passages().revision())
				.build();
		}
		catch (RuntimeException ex) {
			return Health.down()
				.withDetail("error",
						"The knowledge index cannot be searched (" + ex.getMessage()
								+ "): restart the replica or run kb-import rebuild")
				.build();
		}
	}

}
