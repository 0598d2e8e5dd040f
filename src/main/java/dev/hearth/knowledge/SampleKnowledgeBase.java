package dev.hearth.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.hearth.privacy.AuditTrail;

/**
 * On the first start with an empty knowledge base, imports the bundled sample knowledge
 * base of the fictional Northwind Fibre ({@code sample-kb/} on the class path: documents
 * listed with their tags in {@code index.json}, and {@code faq.jsonl}), so that a new
 * installation answers at once. Turned off with
 * {@code hearth.knowledge.sample.enabled=false}.
 * <p>
 * The sample is never mixed with a company's own content: it loads only into an empty
 * knowledge base, and when anything else arrives while it loads (an import started right
 * after the first start) it stops and removes what it had loaded. {@link #remove} (the
 * admin API's {@code DELETE /api/admin/sample}) removes it later.
 */
@Component
@Order(20)
class SampleKnowledgeBase implements ApplicationRunner {

	static final String ROOT = "sample-kb/";

	private static final Logger log = LoggerFactory.getLogger(SampleKnowledgeBase.class);

	private final KnowledgeProperties properties;

	private final KnowledgeStore store;

	private final DocumentImporter documents;

	private final FaqImporter faq;

	private final JsonMapper json;

	private final KnowledgeBase knowledge;

	private final AuditTrail audit;

	SampleKnowledgeBase(KnowledgeProperties properties, KnowledgeStore store, DocumentImporter documents,
			FaqImporter faq, JsonMapper json, KnowledgeBase knowledge, AuditTrail audit) {
		this.knowledge = knowledge;
		this.properties = properties;
		this.store = store;
		this.documents = documents;
		this.faq = faq;
		this.json = json;
		this.audit = audit;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Map<String, Long> counts = this.store.counts();
		if (!this.properties.sample().enabled() || counts.get("documents") > 0 || counts.get("faqEntries") > 0) {
			return;
		}
		ClassPathResource index = new ClassPathResource(ROOT + "index.json");
		if (!index.exists()) {
			log.warn("The knowledge base is empty and no sample knowledge base is bundled");
			return;
		}
		long started = System.nanoTime();
		SampleFile[] files;
		try (InputStream in = index.getInputStream()) {
			files = this.json.readValue(in, SampleFile[].class);
		}
		int imported = 0;
		List<String> failed = new java.util.ArrayList<>();
		for (SampleFile file : files) {
			if (!onlySample(imported, 0)) {
				abandon();
				return;
			}
			try (InputStream in = new ClassPathResource(ROOT + file.path()).getInputStream()) {
				this.documents.importDocument(ROOT + file.path(), in.readAllBytes(), file.tags(), file.language(),
						"sample");
				imported++;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Sample document {} was not imported: {}", file.path(), ex.getMessage());
				failed.add(file.path());
			}
		}
		ClassPathResource faqFile = new ClassPathResource(ROOT + "faq.jsonl");
		FaqImportResult faqResult = null;
		if (!onlySample(imported, 0)) {
			abandon();
			return;
		}
		if (faqFile.exists()) {
			try (InputStream in = faqFile.getInputStream()) {
				faqResult = this.faq.importFaq(new String(in.readAllBytes(), StandardCharsets.UTF_8), FaqFormat.JSONL,
						false, ROOT + "faq.jsonl", "sample");
			}
		}
		int faqEntries = (faqResult != null) ? faqResult.entries() : 0;
		log.info("Imported the sample knowledge base: {} documents and {} FAQ entries in {} ms", imported, faqEntries,
				(System.nanoTime() - started) / 1_000_000);
		this.audit.record("SAMPLE_IMPORTED", "sample", ROOT,
				Map.of("documents", imported, "faqEntries", faqEntries, "failed", failed));
	}

	/**
	 * Removes the sample knowledge base: its documents (sources under {@value #ROOT}) and
	 * the FAQ entries of its {@code faq.jsonl}; the company's own content stays.
	 * @param actor who asked, for the import history
	 * @return documents and FAQ entries removed
	 */
	Removed remove(String actor) throws IOException {
		int documents = 0;
		for (KnowledgeDocument document : this.store.documents()) {
			if (document.source().startsWith(ROOT) && this.knowledge.deleteDocument(document.source(), actor)) {
				documents++;
			}
		}
		int entries = 0;
		ClassPathResource faqFile = new ClassPathResource(ROOT + "faq.jsonl");
		if (faqFile.exists()) {
			try (InputStream in = faqFile.getInputStream()) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					if (!line.isBlank()
							&& this.knowledge.deleteFaqEntry(this.json.readTree(line).get("id").asString(), actor)) {
						entries++;
					}
				}
			}
		}
		log.info("Removed the sample knowledge base: {} documents and {} FAQ entries", documents, entries);
		return new Removed(documents, entries);
	}

	/**
	 * @param documents sample documents removed
	 * @param faqEntries sample FAQ entries removed
	 */
	record Removed(int documents, int faqEntries) {
	}

	private boolean onlySample(int documents, int faqEntries) {
		Map<String, Long> counts = this.store.counts();
		return counts.get("documents") == documents && counts.get("faqEntries") == faqEntries;
	}

	private void abandon() throws IOException {
		log.warn("Not loading the sample knowledge base: other content is being imported; removing the part loaded");
		remove("sample");
	}

	/**
	 * An entry of {@code index.json}.
	 *
	 * @param path file path below {@code sample-kb/}
	 * @param tags its tags
	 * @param language its language
	 */
	record SampleFile(String path, Map<String, List<String>> tags, String language) {
	}

}
