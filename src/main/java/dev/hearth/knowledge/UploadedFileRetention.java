package dev.hearth.knowledge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.privacy.RetentionPurger;

/**
 * Uploaded files as a data class of the retention job: Hearth keeps no file bytes, only
 * the documents parsed from them, so documents not imported again since the cutoff are
 * deleted the way an admin deletes one (passages, search index, audit). Kept for ever
 * unless {@code hearth.retention.uploaded-files} is set.
 */
@Component
class UploadedFileRetention implements RetentionPurger {

	private final JdbcClient jdbc;

	private final KnowledgeBase knowledge;

	UploadedFileRetention(JdbcClient jdbc, KnowledgeBase knowledge) {
		this.jdbc = jdbc;
		this.knowledge = knowledge;
	}

	@Override
	public String dataClass() {
		return "uploaded-files";
	}

	@Override
	public int purgeBatch(Instant cutoff, int batchSize) {
		List<String> sources = this.jdbc
			.sql("select source from kb_document where updated_at < ? order by updated_at limit ?")
			.param(Timestamp.from(cutoff))
			.param(batchSize)
			.query(String.class)
			.list();
		int deleted = 0;
		for (String source : sources) {
			deleted += this.knowledge.deleteDocument(source, "retention") ? 1 : 0;
		}
		return deleted;
	}

}
