package dev.hearth.knowledge;

import dev.hearth.testing.Tables;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample knowledge base is never mixed with a company's content, and a Markdown file
 * that is only a heading imports.
 */
@SpringBootTest(properties = "hearth.knowledge.sample.enabled=true")
@ActiveProfiles("test")
class SampleKnowledgeBaseIT {

	private static final byte[] HEADING_ONLY = "# Opening hours\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SampleKnowledgeBase sample;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	KnowledgeStore store;

	@Autowired
	DocumentImporter importer;

	@Test
	void theSampleLoadsOnlyIntoAnEmptyKnowledgeBaseAndIsRemovedWithoutTheCompanysContent() throws Exception {
		empty();
		DocumentImportResult hours = this.importer.importDocument("company/hours.md", HEADING_ONLY,
				Map.of("audience", List.of("customer")), "en", "test");
		assertThat(hours.chunks()).as("a file that is only a heading imports").isEqualTo(1);
		this.sample.run(null);
		assertThat(this.store.counts()).containsEntry("documents", 1L).containsEntry("faqEntries", 0L);

		empty();
		this.sample.run(null);
		long sampleDocuments = this.store.counts().get("documents");
		assertThat(sampleDocuments).isGreaterThan(20);
		assertThat(this.store.counts().get("faqEntries")).isGreaterThan(40);
		this.importer.importDocument("company/hours.md", HEADING_ONLY, Map.of("audience", List.of("customer")), "en",
				"test");
		SampleKnowledgeBase.Removed removed = this.sample.remove("test");
		assertThat(removed.documents()).isEqualTo(sampleDocuments);
		assertThat(this.store.documents()).extracting(KnowledgeDocument::source).containsExactly("company/hours.md");
		assertThat(this.store.counts()).containsEntry("faqEntries", 0L);
	}

	private void empty() {
		Tables.truncate(this.jdbc, "kb_document, faq_entry, kb_import_event cascade");
		this.knowledge.rebuildIndex();
	}

}
