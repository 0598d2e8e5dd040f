package dev.hearth.knowledge;

import dev.hearth.testing.Tables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API end to end over HTTP, against the real PostgreSQL, the real embedding
 * model and a real Lucene index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KnowledgeApiIT {

	private static final String ROUTER_V1 = """
			# Router setup

			## Connecting the cables
			Plug the grey fibre cable into the port marked FIBRE. The power light turns green within two minutes.

			## Wi-Fi name and password
			The Wi-Fi name and password are printed on the sticker under the router.
			""";

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IndexStartup startup;

	@Autowired
	KnowledgeIndex index;

	AdminApi api;

	@BeforeEach
	void emptyKnowledgeBase() {
		Tables.truncate(this.jdbc, "kb_document, faq_entry, kb_import_event cascade");
		this.api = new AdminApi(this.port, this.system.dataDir());
		assertThat(this.api.post("/api/admin/index/rebuild").status()).isEqualTo(200);
	}

	@Test
	void withoutATokenTheAdminApiRefusesWithAProblemThatSaysWhatToDo() {
		AdminApi.Response response = this.api.anonymous("/api/admin/status");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("detail").asString()).contains("Authorization: Bearer");
	}

	@Test
	void importIsIncrementalAndSearchReturnsCitedPassages() {
		AdminApi.Response added = this.api.putDocument("docs/router.md", bytes(ROUTER_V1), "product:fibre");
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.json().get("outcome").asString()).isEqualTo("ADDED");
		assertThat(added.json().get("chunks").asInt()).isEqualTo(2);
		assertThat(added.json().get("audience").get(0).asString())
			.as("an untagged document is internal, and the import says so")
			.isEqualTo("internal");

		AdminApi.Response again = this.api.putDocument("docs/router.md", bytes(ROUTER_V1), "product:fibre");
		assertThat(again.json().get("outcome").asString()).isEqualTo("UNCHANGED");
		assertThat(again.json().get("version").asInt()).isEqualTo(1);

		AdminApi.Response hits = this.api.search("where is the wifi password", "top=3");
		assertThat(hits.status()).isEqualTo(200);
		JsonNode best = hits.json().get(0);
		assertThat(best.get("source").asString()).isEqualTo("docs/router.md");
		assertThat(best.get("title").asString()).isEqualTo("Router setup");
		assertThat(best.get("sectionPath").asString()).isEqualTo("Router setup > Wi-Fi name and password");
		assertThat(best.get("passage").asString()).contains("sticker under the router");
		String citation = best.get("citation").asString();
		assertThat(citation).startsWith("/kb/documents/").endsWith("#chunk-1");

		assertThat(this.api.anonymous(citation.substring(0, citation.indexOf('#'))).status())
			.as("the citation page of an internal (untagged) document is not public")
			.isEqualTo(404);

		AdminApi.Response updated = this.api.putDocument("docs/router.md",
				bytes(ROUTER_V1.replace("sticker under the router", "card in the box")), "product:fibre",
				"audience:customer");
		assertThat(updated.json().get("outcome").asString()).isEqualTo("UPDATED");
		assertThat(updated.json().get("audience").get(0).asString()).isEqualTo("customer");
		AdminApi.Response page = this.api.anonymous(citation.substring(0, citation.indexOf('#')));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"chunk-1\"").contains("card in the box");
		assertThat(updated.json().get("version").asInt()).isEqualTo(2);
		assertThat(this.api.search("where is the wifi password").json().get(0).get("passage").asString())
			.contains("card in the box");
	}

	@Test
	void aFailedImportIsReportedAndLeavesThePreviousVersionSearchable() {
		this.api.putDocument("docs/roaming.pdf",
				TestFiles.pdf("Roaming", List.of("Roaming in the EU is included in every mobile plan."), null));
		AdminApi.Response corrupt = this.api.putDocument("docs/roaming.pdf",
				"%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII));
		assertThat(corrupt.status()).isEqualTo(422);
		assertThat(corrupt.json().get("reason").asString()).isEqualTo("CORRUPT");
		assertThat(corrupt.json().get("detail").asString())
			.startsWith("docs/roaming.pdf is damaged or not a valid PDF");

		AdminApi.Response encrypted = this.api.putDocument("docs/secret.pdf",
				TestFiles.pdf("Secret", List.of("hidden"), "pw"));
		assertThat(encrypted.json().get("reason").asString()).isEqualTo("ENCRYPTED");

		JsonNode hits = this.api.search("is roaming in the EU included").json();
		assertThat(hits.get(0).get("passage").asString()).contains("Roaming in the EU is included");
		List<String> outcomes = this.jdbc.sql("select outcome from kb_import_event order by id")
			.query(String.class)
			.list();
		assertThat(outcomes).containsExactly("ADDED", "FAILED", "FAILED");
	}

	@Test
	void tagFiltersNeverLeakAnotherAudiencesPassages() {
		this.api.putDocument("docs/refunds.md",
				bytes("# Refunds\n\nRefunds reach your account within five working days."), "audience:customer");
		this.api.putDocument("internal/refund-limits.md",
				bytes("# Refund limits\n\nAgents may approve refunds up to 50 pounds without a supervisor."),
				"audience:agent");
		JsonNode customer = this.api.search("refund approval limit for agents", "tag=audience:customer", "top=10")
			.json();
		assertThat(customer).isNotEmpty();
		for (JsonNode hit : customer) {
			assertThat(hit.get("source").asString()).isEqualTo("docs/refunds.md");
		}
		JsonNode agent = this.api.search("refund approval limit for agents", "tag=audience:agent").json();
		assertThat(agent.get(0).get("source").asString()).isEqualTo("internal/refund-limits.md");
		String internalCitation = agent.get(0).get("citation").asString();
		assertThat(this.api.anonymous(internalCitation.substring(0, internalCitation.indexOf('#'))).status())
			.isEqualTo(404);
	}

	@Test
	void faqEntriesAreImportedIncrementallyAndFoundByParaphrase() {
		String faq = """
				{"id": "bill-due", "question": "When is my bill due?", "examples": ["payment date of my invoice", "when do I have to pay"], "answer": "Bills are due on the 14th of each month.", "tags": {"audience": "customer"}}
				{"id": "esim", "question": "Can I use an eSIM?", "examples": ["digital sim card"], "answer": "Yes, every mobile plan supports eSIM."}
				{"id": "broken", "question": "No answer here"}
				""";
		AdminApi.Response imported = this.api.postFaq(faq, "jsonl", false);
		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.json().get("added").asInt()).isEqualTo(2);
		assertThat(imported.json().get("audienceDefaulted").asInt())
			.as("an FAQ entry without an audience tag is imported for customers, and the import says so")
			.isEqualTo(1);
		assertThat(imported.json().get("failed").get(0).get("line").asInt()).isEqualTo(3);

		JsonNode hit = this.api.search("what day is the invoice payment due").json().get(0);
		assertThat(hit.get("kind").asString()).isEqualTo("FAQ");
		assertThat(hit.get("passage").asString()).isEqualTo("Bills are due on the 14th of each month.");
		assertThat(hit.get("citation").asString()).isEqualTo("/kb/faq/bill-due");

		AdminApi.Response again = this.api.postFaq(faq, "jsonl", false);
		assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);

		AdminApi.Response replaced = this.api.postFaq(faq.lines().findFirst().get(), "jsonl", true);
		assertThat(replaced.json().get("removed").asInt()).isEqualTo(1);
		assertThat(replaced.json().get("entries").asInt()).isEqualTo(1);
		assertThat(this.api.get("/api/admin/faq").json()).hasSize(1);

		AdminApi.Response unreadable = this.api.postFaq("not json at all", "jsonl", false);
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.json().get("detail").asString())
			.startsWith("No FAQ entry could be read from this JSONL file: line 1: not valid JSON");
	}

	@Test
	void deleteRemovesADocumentFromSearchAndAnUnknownSourceIs404() {
		this.api.putDocument("docs/tv.md", bytes("# TV\n\nThe set-top box needs a software update each spring."));
		assertThat(this.api.delete("/api/admin/documents?source=docs/tv.md").status()).isEqualTo(200);
		assertThat(this.api.delete("/api/admin/documents?source=docs/tv.md").status()).isEqualTo(404);
		assertThat(this.api.search("set-top box software update").json()).isEmpty();
		assertThat(this.api.get("/api/admin/documents").json()).isEmpty();
	}

	@Test
	void aStaleIndexIsRebuiltFromPostgresqlAtStartUp() throws Exception {
		this.api.putDocument("docs/moving.md", bytes("# Moving house\n\nTell us four weeks before you move."));
		this.api.postFaq("{\"id\": \"move\", \"question\": \"I am moving\", \"answer\": \"Tell us early.\"}", "jsonl",
				false);
		this.index.passages().rebuild(new ArrayList<dev.hearth.retrieval.IndexedPassage>().iterator(), 0, "other");
		assertThat(this.api.get("/api/admin/status").json().get("index").get("fresh").asBoolean()).isFalse();

		this.startup.run(null);

		JsonNode status = this.api.get("/api/admin/status").json();
		assertThat(status.get("index").get("fresh").asBoolean()).isTrue();
		assertThat(status.get("index").get("passages").asInt()).isEqualTo(2);
		assertThat(this.api.search("when should I tell you about a move").json()).hasSize(2);
	}

	@Test
	void malformedRequestsGetA400ThatSaysWhatWasWrong() {
		assertThat(this.api.search(" ").json().get("detail").asString())
			.isEqualTo("the query is empty: say what to search for");
		assertThat(this.api.search("router", "top=0").json().get("detail").asString())
			.isEqualTo("top must be between 1 and 100, got 0");
		assertThat(this.api.search("router", "tag=nocolon").json().get("detail").asString())
			.isEqualTo("tag 'nocolon' must look like key:value, e.g. product:fibre");
		assertThat(this.api.search("router", "fusion=magic").json().get("detail").asString())
			.isEqualTo("fusion must be rrf, linear, bm25 or vector, got 'magic'");
		AdminApi.Response noSource = this.api.putDocument(" ", bytes("x"));
		assertThat(noSource.status()).isEqualTo(400);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
