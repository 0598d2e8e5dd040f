package dev.hearth.knowledge;

import dev.hearth.testing.Tables;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The knowledge base as the console manages it, against the real PostgreSQL, embedding
 * model and index: filter, edit an FAQ entry, delete, rebuild, import history with
 * failures. (A random-port web environment like the other knowledge and conversation ITs,
 * so that it shares their application context: a new context writes a new local admin
 * token and the earlier contexts' token files would no longer be valid.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KnowledgeBaseIT {

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	DocumentImporter documents;

	@Autowired
	FaqImporter faq;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyKnowledgeBase() {
		Tables.truncate(this.jdbc, "kb_document, faq_entry, kb_import_event cascade");
		this.knowledge.rebuildIndex();
	}

	@Test
	void filtersDocumentsAndFaqEntries() {
		this.documents.importDocument("docs/router.md", "# Router setup\n\nPlug in the fibre cable.".getBytes(),
				Map.of("audience", List.of("customer")), null, "admin");
		this.documents.importDocument("docs/invoice.md", "# Invoices\n\nInvoices arrive monthly.".getBytes(), Map.of(),
				null, "admin");
		this.faq.saveEntry(entry("billing-due", "When is my bill due?", "On the first of the month."), "admin");
		assertThat(this.knowledge.documents("ROUTER")).extracting(KnowledgeDocument::source)
			.containsExactly("docs/router.md");
		assertThat(this.knowledge.documents("customer")).extracting(KnowledgeDocument::source)
			.containsExactly("docs/router.md");
		assertThat(this.knowledge.documents(" ")).hasSize(2);
		assertThat(this.knowledge.faqEntries("first of")).extracting((e) -> e.entry().id())
			.containsExactly("billing-due");
		assertThat(this.knowledge.faqEntries("nothing like this")).isEmpty();
		assertThat(this.knowledge.status().documents()).isEqualTo(2);
		assertThat(this.knowledge.status().indexFresh()).isTrue();
	}

	@Test
	void anEditedFaqEntryIsSearchableAtOnceAndAnUnchangedOneIsLeftAlone() {
		assertThat(this.faq.saveEntry(entry("wifi", "How do I change the Wi-Fi name?", "In the app."), "admin"))
			.isEqualTo(ImportOutcome.ADDED);
		assertThat(this.faq.saveEntry(entry("wifi", "How do I change the Wi-Fi name?", "In the app."), "admin"))
			.isEqualTo(ImportOutcome.UNCHANGED);
		assertThat(this.faq.saveEntry(
				entry("wifi", "How do I change the Wi-Fi name?", "Open the Northwind app, then Settings."), "admin"))
			.isEqualTo(ImportOutcome.UPDATED);
		StoredFaqEntry stored = this.knowledge.faqEntry("wifi").orElseThrow();
		assertThat(stored.version()).isEqualTo(2);
		assertThat(stored.entry().answer()).isEqualTo("Open the Northwind app, then Settings.");
		assertThat(this.search.search("change wifi name", 3, Map.of(), null).hits())
			.anySatisfy((hit) -> assertThat(hit.passage()).contains("Northwind app"));
	}

	@Test
	void deletesAndRecordsHistoryWithFailuresNewestFirst() {
		this.documents.importDocument("docs/a.md", "# A\n\nSome text.".getBytes(StandardCharsets.UTF_8), Map.of(), null,
				"alice");
		assertThatThrownBy(() -> this.documents.importDocument("docs/empty.md", new byte[0], Map.of(), null, "alice"))
			.isInstanceOf(DocumentRejectedException.class);
		this.faq.saveEntry(entry("x", "Question?", "Answer."), "alice");
		assertThat(this.knowledge.deleteDocument("docs/a.md", "bob")).isTrue();
		assertThat(this.knowledge.deleteDocument("docs/a.md", "bob")).isFalse();
		assertThat(this.knowledge.deleteFaqEntry("x", "bob")).isTrue();
		assertThat(this.knowledge.deleteFaqEntry("x", "bob")).isFalse();
		assertThat(this.knowledge.documents(null)).isEmpty();
		assertThat(this.knowledge.faqEntries(null)).isEmpty();

		List<KnowledgeBase.ImportEvent> history = this.knowledge.importHistory(false, 10);
		assertThat(history).extracting(KnowledgeBase.ImportEvent::outcome)
			.containsExactly("REMOVED", "REMOVED", "UPDATED", "FAILED", "ADDED");
		assertThat(history).extracting(KnowledgeBase.ImportEvent::actor)
			.containsExactly("bob", "bob", "alice", "alice", "alice");
		List<KnowledgeBase.ImportEvent> failures = this.knowledge.importHistory(true, 10);
		assertThat(failures).singleElement().satisfies((failure) -> {
			assertThat(failure.source()).isEqualTo("docs/empty.md");
			assertThat(failure.reason()).startsWith("EMPTY");
		});
	}

	@Test
	void rebuildsTheIndex() {
		this.faq.saveEntry(entry("x", "Question?", "Answer."), "alice");
		KnowledgeBase.Rebuilt rebuilt = this.knowledge.rebuildIndex();
		assertThat(rebuilt.passages()).isEqualTo(1);
		assertThat(rebuilt.revision()).isEqualTo(this.knowledge.status().revision());
	}

	private static FaqEntry entry(String id, String question, String answer) {
		return new FaqEntry(id, question, List.of(), answer, "en", Map.of());
	}

}
