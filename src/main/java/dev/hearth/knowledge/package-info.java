/**
 * The knowledge base: documents and FAQ entries, the import pipeline that turns files
 * into searchable passages, and PostgreSQL as their system of record.
 * <p>
 * A document file is parsed ({@link dev.hearth.knowledge.DocumentParser}: Apache Tika for
 * PDF, DOCX and HTML, Hearth's own reader for Markdown and plain text) into headings and
 * paragraphs, cut into chunks that follow its structure
 * ({@link dev.hearth.knowledge.Chunker}), embedded in-process through Spring AI's
 * {@code EmbeddingModel}, and stored with one transaction per document. FAQ files (JSONL
 * or CSV, see {@code kb-import/README.md}) become FAQ entries with all their phrasings
 * embedded.
 * <p>
 * Every write bumps the knowledge base's revision and then updates the Lucene index of
 * the {@code retrieval} module under the same lock, so searchers see a document's old
 * version or its new one, never half of either. The index is derived: it records the
 * revision it reflects, and at start-up a missing or stale index is rebuilt from
 * PostgreSQL. A failed import leaves the previous version in place.
 * <p>
 * The admin API ({@code /api/admin/documents}, {@code /faq}, {@code /index},
 * {@code /search}, {@code /status}) is what the kb-import CLI talks to; it sends several
 * document files per request ({@code DocumentBatchController}), each imported on its own.
 * On the first start with an empty knowledge base, the bundled sample knowledge base of
 * Northwind Fibre is imported.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package dev.hearth.knowledge;
