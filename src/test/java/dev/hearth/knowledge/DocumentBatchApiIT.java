package dev.hearth.knowledge;

import dev.hearth.testing.Tables;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

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
 * The multi-document upload ({@code POST /api/admin/documents}) end to end over HTTP,
 * against the real PostgreSQL, parser, embedding model and index, with small limits so
 * that they can be crossed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.knowledge.batch.max-files=6", "hearth.knowledge.batch.max-bytes=40000",
				"hearth.knowledge.max-document-bytes=12000", "spring.servlet.multipart.max-request-size=100KB" })
@ActiveProfiles("test")
class DocumentBatchApiIT {

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	AdminApi api;

	@BeforeEach
	void emptyKnowledgeBase() {
		Tables.truncate(this.jdbc, "kb_document, faq_entry, kb_import_event cascade");
		this.api = new AdminApi(this.port, this.system.dataDir());
		assertThat(this.api.post("/api/admin/index/rebuild").status()).isEqualTo(200);
	}

	@Test
	void eachFileIsImportedOnItsOwnAndUnchangedFilesAreRecognisedPerFile() {
		SequencedMap<String, byte[]> files = new LinkedHashMap<>();
		files.put("docs/router.md", bytes("# Router setup\n\nThe Wi-Fi password is on the sticker under the router."));
		files.put("docs/hours.txt", bytes("Opening hours\n\nThe shop opens at nine on weekdays."));
		files.put("docs/roaming.pdf",
				TestFiles.pdf("Roaming", List.of("Roaming in the EU is included in every mobile plan."), null));
		AdminApi.Response first = this.api.postDocuments(files, "product:fibre");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("files").asInt()).isEqualTo(3);
		assertThat(first.json().get("added").asInt()).isEqualTo(3);
		assertThat(sources(first.json())).containsExactly("docs/router.md", "docs/hours.txt", "docs/roaming.pdf");
		JsonNode router = first.json().get("results").get(0);
		assertThat(router.get("outcome").asString()).isEqualTo("ADDED");
		assertThat(router.get("title").asString()).isEqualTo("Router setup");
		assertThat(router.get("version").asInt()).isEqualTo(1);
		assertThat(router.get("chunks").asInt()).isPositive();
		assertThat(router.has("detail")).as("no failure fields on an imported file").isFalse();

		files.put("docs/hours.txt", bytes("Opening hours\n\nThe shop opens at ten on weekdays."));
		AdminApi.Response second = this.api.postDocuments(files, "product:fibre");
		assertThat(outcomes(second.json())).containsExactly("UNCHANGED", "UPDATED", "UNCHANGED");
		assertThat(second.json().get("results").get(1).get("version").asInt()).isEqualTo(2);
		assertThat(second.json().get("unchanged").asInt()).isEqualTo(2);

		AdminApi.Response retagged = this.api.postDocuments(files, "product:mobile");
		assertThat(outcomes(retagged.json())).as("other tags: a new version of each")
			.containsExactly("UPDATED", "UPDATED", "UPDATED");

		assertThat(this.api.search("where is the wifi password").json().get(0).get("source").asString())
			.isEqualTo("docs/router.md");
		assertThat(this.jdbc.sql("select count(*) from kb_import_event where outcome = 'ADDED'")
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void badFilesFailWithTheirReasonAndTheOthersAreImported() {
		SequencedMap<String, byte[]> files = new LinkedHashMap<>();
		files.put("docs/good.md", bytes("# Refunds\n\nRefunds reach your account within five working days."));
		files.put("docs/corrupt.pdf", "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII));
		files.put("docs/secret.pdf", TestFiles.pdf("Secret", List.of("hidden"), "pw"));
		files.put("docs/photo.png", TestFiles.png());
		files.put("docs/huge.txt", bytes("word ".repeat(3000)));
		files.put("docs/also-good.txt", bytes("Delivery\n\nParcels arrive within two days."));
		AdminApi.Response response = this.api.postDocuments(files);
		assertThat(response.status()).isEqualTo(200);
		JsonNode results = response.json().get("results");
		assertThat(outcomes(response.json())).containsExactly("ADDED", "FAILED", "FAILED", "FAILED", "FAILED", "ADDED");
		assertThat(results.get(1).get("reason").asString()).isEqualTo("CORRUPT");
		assertThat(results.get(1).get("status").asInt()).isEqualTo(422);
		assertThat(results.get(1).get("detail").asString())
			.startsWith("docs/corrupt.pdf is damaged or not a valid PDF");
		assertThat(results.get(2).get("reason").asString()).isEqualTo("ENCRYPTED");
		assertThat(results.get(3).get("reason").asString()).isEqualTo("UNSUPPORTED");
		assertThat(results.get(4).get("reason").asString()).isEqualTo("TOO_LARGE");
		assertThat(results.get(4).get("status").asInt()).isEqualTo(413);
		assertThat(results.get(4).get("detail").asString())
			.isEqualTo("docs/huge.txt has 15000 bytes, more than the limit of 12000 "
					+ "(hearth.knowledge.max-document-bytes).");
		assertThat(response.json().get("failed").asInt()).isEqualTo(4);
		assertThat(this.jdbc.sql("select source from kb_document order by source").query(String.class).list())
			.containsExactly("docs/also-good.txt", "docs/good.md");
	}

	@Test
	void aBadSourceOrARepeatedOneFailsThatFileOnly() {
		SequencedMap<String, byte[]> files = new LinkedHashMap<>();
		files.put("docs/a\u0007.md", bytes("# A\n\nText of a."));
		files.put("docs/b.md", bytes("# B\n\nText of b."));
		files.put(" docs/b.md", bytes("# B again\n\nOther text of b."));
		AdminApi.Response response = this.api.postDocuments(files);
		assertThat(outcomes(response.json())).containsExactly("FAILED", "ADDED", "FAILED");
		assertThat(response.json().get("results").get(0).get("detail").asString())
			.isEqualTo("source must not contain control characters");
		assertThat(response.json().get("results").get(2).get("detail").asString())
			.isEqualTo("docs/b.md appears more than once in this request: each source is imported once.");
	}

	@Test
	void aRequestOverTheLimitsIsRefusedWholeWithWhatToDo() {
		SequencedMap<String, byte[]> seven = new LinkedHashMap<>();
		for (int i = 1; i <= 7; i++) {
			seven.put("docs/" + i + ".md", bytes("# Doc " + i + "\n\nText " + i + "."));
		}
		AdminApi.Response tooMany = this.api.postDocuments(seven);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("detail").asString()).isEqualTo("The request has 7 files, more than the limit "
				+ "of 6 (hearth.knowledge.batch.max-files): send the rest in another request.");

		SequencedMap<String, byte[]> heavy = new LinkedHashMap<>();
		for (int i = 1; i <= 5; i++) {
			heavy.put("docs/" + i + ".txt", bytes(("Line " + i + ".\n").repeat(1200)));
		}
		AdminApi.Response tooLarge = this.api.postDocuments(heavy);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.json().get("detail").asString()).startsWith("The request's files have 4")
			.endsWith("bytes together, more than the limit of 40000 (hearth.knowledge.batch.max-bytes): send fewer "
					+ "files per request.");

		SequencedMap<String, byte[]> overTheContainer = new LinkedHashMap<>();
		overTheContainer.put("docs/big.txt", bytes("x".repeat(120_000)));
		AdminApi.Response refused = this.api.postDocuments(overTheContainer);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.json().get("detail").asString())
			.startsWith("The request is larger than the server " + "reads in one upload")
			.endsWith("send fewer or smaller files per request.");

		SequencedMap<String, byte[]> overThePartCount = new LinkedHashMap<>();
		for (int i = 1; i <= 30; i++) {
			overThePartCount.put("docs/" + i + ".md", bytes("# Doc " + i));
		}
		AdminApi.Response tooManyParts = this.api.postDocuments(overThePartCount);
		assertThat(tooManyParts.status()).isEqualTo(400);
		assertThat(tooManyParts.json().get("detail").asString()).isEqualTo("The request has more parts than the "
				+ "server reads in one upload (server.tomcat.max-part-count): send fewer files per request.");

		assertThat(this.jdbc.sql("select count(*) from kb_document").query(Integer.class).single()).isZero();
	}

	@Test
	void aMalformedBodyIsA400ThatSaysHowToSendIt() {
		AdminApi.Response empty = this.api.postMultipart("/api/admin/documents", "b",
				bytes("--b\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nproduct:fibre\r\n--b--\r\n"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("detail").asString()).startsWith("The request has no documents");

		AdminApi.Response noSource = this.api.postMultipart("/api/admin/documents", "b", bytes(
				"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\n# A\r\n--b--\r\n"));
		assertThat(noSource.status()).isEqualTo(400);
		assertThat(noSource.json().get("detail").asString()).startsWith("File part 1 has no source part before it");

		AdminApi.Response unknown = this.api.postMultipart("/api/admin/documents", "b", bytes(
				"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.md\"\r\n\r\n# A\r\n--b--\r\n"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asString()).startsWith("Unexpected part 'files'");

		SequencedMap<String, byte[]> one = new LinkedHashMap<>();
		one.put("docs/a.md", bytes("# A\n\nText."));
		AdminApi.Response badTag = this.api.postDocuments(one, "nocolon");
		assertThat(badTag.status()).isEqualTo(400);
		assertThat(badTag.json().get("detail").asString()).contains("nocolon");
		assertThat(this.jdbc.sql("select count(*) from kb_document").query(Integer.class).single()).isZero();
	}

	@Test
	void withoutATokenNothingIsImported() {
		SequencedMap<String, byte[]> one = new LinkedHashMap<>();
		one.put("docs/a.md", bytes("# A\n\nText."));
		AdminApi.Response response = this.api.anonymousPostDocuments(one);
		assertThat(response.status()).isEqualTo(401);
		assertThat(this.jdbc.sql("select count(*) from kb_document").query(Integer.class).single()).isZero();
	}

	@Test
	void theStatusGivesTheLimitsAndOneFileStillGoesByPut() {
		JsonNode status = this.api.get("/api/admin/status").json();
		assertThat(status.get("maxBatchFiles").asInt()).isEqualTo(6);
		assertThat(status.get("maxBatchBytes").asLong()).isEqualTo(40000);
		AdminApi.Response single = this.api.putDocument("docs/one.md", bytes("# One\n\nA single upload."));
		assertThat(single.status()).isEqualTo(200);
		assertThat(single.json().get("outcome").asString()).isEqualTo("ADDED");
	}

	private static List<String> sources(JsonNode result) {
		return result.get("results").valueStream().map((item) -> item.get("source").asString()).toList();
	}

	private static List<String> outcomes(JsonNode result) {
		return result.get("results").valueStream().map((item) -> item.get("outcome").asString()).toList();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
