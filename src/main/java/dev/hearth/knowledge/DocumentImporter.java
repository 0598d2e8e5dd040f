package dev.hearth.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Service;

/**
 * Imports one document file: unchanged content is recognised by its SHA-256 and skipped;
 * otherwise the file is parsed, chunked and embedded outside any transaction, then stored
 * (and indexed) as one new version. A file that cannot be imported is recorded as a
 * failure and leaves the previous version searchable. Thread-safe.
 */
@Service
public class DocumentImporter {

	private static final Logger log = LoggerFactory.getLogger(DocumentImporter.class);

	private final DocumentParser parser;

	private final Chunker chunker;

	private final EmbeddingModel embeddings;

	private final KnowledgeStore store;

	private final KnowledgeWriter writer;

	private final KnowledgeProperties properties;

	private final ImportMetrics metrics;

	DocumentImporter(DocumentParser parser, EmbeddingModel embeddings, KnowledgeStore store, KnowledgeWriter writer,
			KnowledgeProperties properties, ImportMetrics metrics) {
		this.metrics = metrics;
		this.parser = parser;
		this.chunker = new Chunker(properties.chunk().maxChars(), properties.chunk().overlapChars());
		this.embeddings = embeddings;
		this.store = store;
		this.writer = writer;
		this.properties = properties;
	}

	/**
	 * @param source the document's source path, its identity in the knowledge base
	 * @param bytes the file
	 * @param tags tags to filter on (audience, product, ...)
	 * @param language the document's language, or {@code null} for the file's own or the
	 * default
	 * @param actor who imports, for the import history
	 * @throws DocumentRejectedException when the file cannot be imported
	 * @throws IllegalArgumentException when the source or tags are malformed
	 */
	public DocumentImportResult importDocument(String source, byte[] bytes, Map<String, List<String>> tags,
			String language, String actor) {
		long started = System.nanoTime();
		String checkedSource = checkSource(source);
		Map<String, List<String>> checkedTags = Tags.normalise(tags);
		if (bytes.length > this.properties.maxDocumentBytes()) {
			throw rejected(
					DocumentRejectedException.tooLarge(checkedSource, bytes.length, this.properties.maxDocumentBytes()),
					checkedSource, actor);
		}
		String hash = sha256(bytes);
		Optional<KnowledgeDocument> existing = this.store.findDocument(checkedSource);
		if (existing.isPresent() && existing.get().contentHash().equals(hash)
				&& existing.get().tags().equals(checkedTags)
				&& (language == null || language.isBlank() || existing.get().language().equals(language))) {
			KnowledgeDocument document = existing.get();
			this.metrics.document(ImportOutcome.UNCHANGED, 0, System.nanoTime() - started);
			return new DocumentImportResult(checkedSource, ImportOutcome.UNCHANGED, document.id(), document.version(),
					document.chunks(), document.title(), (System.nanoTime() - started) / 1_000_000,
					Audiences.applied(document.tags()));
		}
		ParsedDocument parsed;
		try {
			parsed = this.parser.parse(bytes, checkedSource, language);
		}
		catch (DocumentRejectedException ex) {
			throw rejected(ex, checkedSource, actor);
		}
		PlantedInstructions.Filtered filtered = PlantedInstructions.filter(parsed, checkedSource);
		if (filtered.document().textLength() == 0) {
			throw rejected(new DocumentRejectedException(RejectionReason.EMPTY, checkedSource
					+ " has no text to import besides passages that read like instructions to an AI assistant."),
					checkedSource, actor);
		}
		parsed = filtered.document();
		long parsedAt = System.nanoTime();
		List<Chunk> chunks = this.chunker.chunk(parsed);
		List<String> texts = new ArrayList<>(chunks.size());
		for (Chunk chunk : chunks) {
			texts.add(Passages.chunkMatchText(parsed.title(), chunk.sectionPath(), chunk.text()));
		}
		long chunkedAt = System.nanoTime();
		List<float[]> vectors = this.embeddings.embed(texts);
		long embeddedAt = System.nanoTime();
		List<StoredChunk> stored = new ArrayList<>(chunks.size());
		for (int i = 0; i < chunks.size(); i++) {
			stored.add(new StoredChunk(UUID.randomUUID(), chunks.get(i), vectors.get(i)));
		}
		DocumentImportResult result = this.writer
			.saveDocument(checkedSource, parsed, stored, hash, checkedTags, bytes.length, actor, started)
			.withWarnings(filtered.warnings());
		filtered.warnings().forEach(log::warn);
		this.metrics.document(result.outcome(), chunks.size(), System.nanoTime() - started);
		if (log.isDebugEnabled()) {
			log.debug("Imported {} ({} chunks): parse {} ms, chunk {} ms, embed {} ms, store and index {} ms",
					checkedSource, chunks.size(), (parsedAt - started) / 1_000_000, (chunkedAt - parsedAt) / 1_000_000,
					(embeddedAt - chunkedAt) / 1_000_000, (System.nanoTime() - embeddedAt) / 1_000_000);
		}
		return result;
	}

	private DocumentRejectedException rejected(DocumentRejectedException ex, String source, String actor) {
		this.writer.recordFailure("DOCUMENT", source, ex.reason() + ": " + ex.getMessage(), actor);
		this.metrics.document(ImportOutcome.FAILED, 0, 0);
		return ex;
	}

	static String checkSource(String source) {
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException("source is required: the document's path, e.g. docs/billing.md");
		}
		String normalised = source.strip().replace('\\', '/');
		if (normalised.length() > 1000) {
			throw new IllegalArgumentException("source is longer than 1000 characters");
		}
		for (int i = 0; i < normalised.length(); i++) {
			if (Character.isISOControl(normalised.charAt(i))) {
				throw new IllegalArgumentException("source must not contain control characters");
			}
		}
		return normalised;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

}
