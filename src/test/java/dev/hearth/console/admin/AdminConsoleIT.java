package dev.hearth.console.admin;

import dev.hearth.testing.Tables;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.hearth.console.ConsoleUsers;
import dev.hearth.knowledge.KnowledgeBase;
import dev.hearth.knowledge.KnowledgeDocument;
import dev.hearth.privacy.AuditTrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The knowledge base, audit log and training-data pages of the console through the real
 * security chain, against the real PostgreSQL, embedding model and index.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminConsoleIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	AuditTrail audit;

	@BeforeEach
	void emptyKnowledgeBase() {
		Tables.truncate(this.jdbc, "kb_document, faq_entry, kb_import_event cascade");
		this.knowledge.rebuildIndex();
	}

	@Test
	void agentsCannotReachAdminPagesAndSupervisorsOnlyTheKnowledgeBase() throws Exception {
		this.mvc.perform(get("/console/admin/knowledge").with(ConsoleUsers.agent("carla")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/console/admin/knowledge/documents").file(markdown("docs/x.md", "# X\n\nText."))
				.with(ConsoleUsers.agent("carla"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/admin/knowledge").with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/console/admin/audit").with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/admin/training-examples.jsonl").with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/admin/audit").with(ConsoleUsers.admin("ada"))).andExpect(status().isOk());
		this.mvc.perform(get("/console/admin/training-examples.jsonl").with(ConsoleUsers.admin("ada")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
	}

	@Test
	void uploadsSeveralDocumentsAndReportsEachFailureWithoutLosingTheOthers() throws Exception {
		this.mvc
			.perform(multipart("/console/admin/knowledge/documents")
				.file(markdown("router.md", "# Router\n\nPlug the fibre cable into the port marked FIBRE."))
				.file(markdown("empty.md", ""))
				.param("folder", "/docs/help/")
				.param("tags", "audience:customer, product:fibre")
				.with(ConsoleUsers.supervisor("sam"))
				.with(csrf()))
			.andExpect(redirectedUrl("/console/admin/knowledge"))
			.andExpect(flash().attribute("problem", containsString("1 of 2")))
			.andExpect(flash().attribute("uploadResults", hasSize(2)));
		List<KnowledgeDocument> documents = this.knowledge.documents(null);
		assertThat(documents).singleElement().satisfies((d) -> {
			assertThat(d.source()).isEqualTo("docs/help/router.md");
			assertThat(d.tags()).isEqualTo(Map.of("audience", List.of("customer"), "product", List.of("fibre")));
		});
		assertThat(this.knowledge.importHistory(true, 5)).singleElement()
			.satisfies((e) -> assertThat(e.source()).isEqualTo("docs/help/empty.md"));
		this.mvc
			.perform(get("/console/admin/knowledge/history").param("failures", "true")
				.with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("docs/help/empty.md"), containsString("EMPTY"))));
		this.mvc.perform(get("/console/admin/knowledge").param("q", "router").with(ConsoleUsers.supervisor("sam")))
			.andExpect(content().string(containsString("docs/help/router.md")));
	}

	@Test
	void aBadTagOrNoFileIsExplainedAndNothingIsImported() throws Exception {
		this.mvc
			.perform(multipart("/console/admin/knowledge/documents").file(markdown("a.md", "# A\n\nText."))
				.param("tags", "no separator")
				.with(ConsoleUsers.supervisor("sam"))
				.with(csrf()))
			.andExpect(redirectedUrl("/console/admin/knowledge"))
			.andExpect(flash().attribute("problem", containsString("must look like key:value")));
		this.mvc
			.perform(multipart("/console/admin/knowledge/documents").with(ConsoleUsers.supervisor("sam")).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/knowledge"))
			.andExpect(flash().attribute("problem", "Choose at least one file to import."));
		assertThat(this.knowledge.documents(null)).isEmpty();
	}

	@Test
	void importsAnFaqFileThenEditsAndDeletesAnEntry() throws Exception {
		String jsonl = """
				{"id": "billing-due", "question": "When is my bill due?", "answer": "On the first of the month."}
				not json
				""";
		this.mvc
			.perform(multipart("/console/admin/knowledge/faq-file")
				.file(new MockMultipartFile("file", "faq.jsonl", "application/jsonl",
						jsonl.getBytes(StandardCharsets.UTF_8)))
				.with(ConsoleUsers.supervisor("sam"))
				.with(csrf()))
			.andExpect(redirectedUrl("/console/admin/knowledge"))
			.andExpect(flash().attribute("notice", containsString("1 added")))
			.andExpect(flash().attribute("faqFailures", hasSize(1)));
		this.mvc.perform(get("/console/admin/knowledge/faq/billing-due").with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("On the first of the month.")));

		this.mvc
			.perform(post("/console/admin/knowledge/faq").param("id", "billing-due")
				.param("question", "When is my bill due?")
				.param("examples", "due date of my invoice\n\nwhen do I pay")
				.param("answer", "On the third working day of the month.")
				.param("language", "en")
				.param("tags", "audience:customer")
				.with(ConsoleUsers.supervisor("sam"))
				.with(csrf()))
			.andExpect(redirectedUrl("/console/admin/knowledge"))
			.andExpect(flash().attribute("notice", containsString("billing-due saved")));
		assertThat(this.knowledge.faqEntry("billing-due").orElseThrow().entry().examples())
			.containsExactly("due date of my invoice", "when do I pay");

		this.mvc
			.perform(post("/console/admin/knowledge/faq").param("id", "billing-due")
				.param("question", "When is my bill due?")
				.param("answer", "")
				.param("language", "en")
				.with(ConsoleUsers.supervisor("sam"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("entry billing-due has no answer"),
					containsString("value=\"When is my bill due?\""))));

		this.mvc
			.perform(post("/console/admin/knowledge/faq/billing-due/delete").with(ConsoleUsers.supervisor("sam"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "FAQ entry billing-due deleted."));
		assertThat(this.knowledge.faqEntry("billing-due")).isEmpty();
		this.mvc.perform(get("/console/admin/knowledge/faq/billing-due").with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isNotFound());
	}

	@Test
	void deletesADocumentAndRebuildsTheIndex() throws Exception {
		this.mvc
			.perform(multipart("/console/admin/knowledge/documents").file(markdown("a.md", "# A\n\nSome text."))
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "1 file(s) imported."));
		this.mvc
			.perform(post("/console/admin/knowledge/documents/delete").param("source", "a.md")
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "Document a.md deleted."));
		this.mvc.perform(post("/console/admin/knowledge/rebuild").with(ConsoleUsers.admin("ada")).with(csrf()))
			.andExpect(flash().attribute("notice", containsString("Index rebuilt: 0 passages")));
		assertThat(this.knowledge.importHistory(false, 5)).extracting(KnowledgeBase.ImportEvent::actor)
			.containsOnly("ada");
	}

	@Test
	void theAuditLogFiltersAndVerifiesTheChain() throws Exception {
		// other tests break the chain on purpose; start a new one
		Tables.truncate(this.jdbc, "audit_event, audit_checkpoint, audit_checkpoint_anchor");
		this.audit.record("CLAIM", "alice", "conv-audit-1", Map.of());
		this.audit.record("RESOLVE", "alice", "conv-audit-1", Map.of("outcome", "answered"));
		this.mvc
			.perform(get("/console/admin/audit").param("kind", "RESOLVE")
				.param("subject", "audit-1")
				.param("verify", "true")
				.with(ConsoleUsers.admin("ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("outcome: answered"), containsString("Intact: all"),
					not(containsString("<td>CLAIM</td>")))));
		this.mvc.perform(get("/console/admin/audit").param("from", "yesterday").with(ConsoleUsers.admin("ada")))
			.andExpect(status().isBadRequest())
			.andExpect(
					content().string(containsString("from must be a date like 2026-11-01, got &#39;yesterday&#39;")));
	}

	@Test
	void germanPagesComeFromTheGermanBundle() throws Exception {
		this.mvc
			.perform(get("/console/admin/knowledge").header("Accept-Language", "de")
				.with(ConsoleUsers.supervisor("sam")))
			.andExpect(content().string(containsString("Dokumente hochladen")));
	}

	private static MockMultipartFile markdown(String name, String text) {
		return new MockMultipartFile("files", name, "text/markdown", text.getBytes(StandardCharsets.UTF_8));
	}

}
