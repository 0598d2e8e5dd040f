package dev.hearth.knowledge;

import dev.hearth.testing.Tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index folder deleted while the server runs: searches keep answering from the files
 * the index still holds open, the next catch-up tick of the change feed notices the loss
 * and rebuilds the index from PostgreSQL into a new folder without a restart, and writes
 * work again afterwards.
 */
@SpringBootTest(properties = "hearth.system.change-feed.catch-up=1s")
@ActiveProfiles("test")
class IndexFolderDeletedIT {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@Autowired
	DocumentImporter importer;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	KnowledgeIndex index;

	@Autowired
	KnowledgeStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KnowledgeWriter writer;

	@Test
	void aDeletedIndexFolderIsRebuiltFromPostgresWithoutARestart() throws Exception {
		Tables.truncate(this.jdbc, "kb_document, faq_entry cascade");
		this.writer.rebuildIndex();
		String marker = "Zq" + Long.toString(System.nanoTime(), 36);
		importDocument("docs/lost-index-a.md", "The " + marker + " modem blinks amber while it updates its firmware.");
		assertThat(found(marker + " modem amber")).isTrue();

		Path folder = this.index.folder();
		long deleted = System.nanoTime();
		deleteRecursively(folder);
		assertThat(this.index.isLost()).isTrue();
		assertThat(found(marker + " modem amber")).as("searches answer from the files still open").isTrue();

		awaitTrue("the index is rebuilt at PostgreSQL's revision", () -> !this.index.isLost()
				&& this.index.passages().revision() == this.store.revision() && found(marker + " modem amber"));
		long millis = (System.nanoTime() - deleted) / 1_000_000;
		System.out.printf("index folder deleted: rebuilt from PostgreSQL and searchable again after %d ms%n", millis);

		String second = "Yk" + Long.toString(System.nanoTime(), 36);
		importDocument("docs/lost-index-b.md", "The " + second + " router restarts itself every night at four.");
		assertThat(found(second + " router restarts")).as("writes go to the rebuilt index").isTrue();
		assertThat(found(marker + " modem amber")).isTrue();
	}

	@Test
	void anImportIntoADeletedFolderIsStoredAndTheIndexRebuilt() throws Exception {
		Tables.truncate(this.jdbc, "kb_document, faq_entry cascade");
		this.writer.rebuildIndex();
		deleteRecursively(this.index.folder());
		String marker = "Wx" + Long.toString(System.nanoTime(), 36);
		// the committed document is kept whatever the index write does, and the index
		// is rebuilt from PostgreSQL (at once when the write fails, else on the next
		// tick)
		importDocument("docs/lost-index-c.md", "The " + marker + " set-top box needs a restart after updates.");
		awaitTrue("the document stored while the folder was gone is searched in the rebuilt index",
				() -> !this.index.isLost() && found(marker + " set-top box"));
	}

	private void importDocument(String source, String sentence) {
		this.importer.importDocument(source,
				("# Lost index\n\n## Help\n" + sentence + "\n").getBytes(StandardCharsets.UTF_8),
				Map.of("audience", List.of("customer")), "en", "test");
	}

	private boolean found(String query) {
		return this.search.search(query, 3, Map.of(), null)
			.hits()
			.stream()
			.anyMatch((hit) -> hit.passage().contains(query.split(" ")[0]));
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void awaitTrue(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + WITHIN.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + WITHIN + ": " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
