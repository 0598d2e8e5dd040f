package dev.hearth.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The knowledge base as the console manages it: documents and FAQ entries with a text
 * filter, deletion, an index rebuild, its status and the import history. Imports go
 * through {@link DocumentImporter} and {@link FaqImporter}, the same pipeline the
 * kb-import CLI uses. Thread-safe.
 */
@Service
public class KnowledgeBase {

	/** The most import-history rows one call returns. */
	public static final int MAX_HISTORY = 1000;

	private final KnowledgeStore store;

	private final KnowledgeWriter writer;

	private final KnowledgeIndex index;

	private final JdbcClient jdbc;

	KnowledgeBase(KnowledgeStore store, KnowledgeWriter writer, KnowledgeIndex index, JdbcClient jdbc) {
		this.store = store;
		this.writer = writer;
		this.index = index;
		this.jdbc = jdbc;
	}

	/**
	 * The knowledge base's size and whether the index reflects its latest revision.
	 *
	 * @param documents documents stored
	 * @param chunks their passages
	 * @param faqEntries FAQ entries stored
	 * @param revision the knowledge base revision
	 * @param indexRevision the revision the search index reflects
	 * @param indexFresh whether the index is up to date
	 */
	public record Status(long documents, long chunks, long faqEntries, long revision, long indexRevision,
			boolean indexFresh) {
	}

	/**
	 * What an index rebuild did.
	 *
	 * @param passages passages in the new index
	 * @param revision the revision it reflects
	 * @param millis time it took
	 */
	public record Rebuilt(int passages, long revision, long millis) {
	}

	/**
	 * One row of the import history.
	 *
	 * @param id its id
	 * @param at when
	 * @param kind {@code DOCUMENT} or {@code FAQ}
	 * @param source the file (or FAQ entry) concerned
	 * @param outcome ADDED, UPDATED, UNCHANGED, REMOVED or FAILED
	 * @param reason why it failed, or what changed; may be {@code null}
	 * @param actor who imported
	 */
	public record ImportEvent(long id, Instant at, String kind, String source, String outcome, String reason,
			String actor) {
	}

	public Status status() {
		var counts = this.store.counts();
		long revision = this.store.revision();
		return new Status(counts.get("documents"), counts.get("chunks"), counts.get("faqEntries"), revision,
				this.index.passages().revision(), this.index.isFresh(revision));
	}

	/**
	 * Documents whose source, title or tags contain the filter (ignoring case), by
	 * source.
	 * @param filter text to look for, or {@code null} or blank for all documents
	 */
	public List<KnowledgeDocument> documents(String filter) {
		String needle = needle(filter);
		return this.store.documents()
			.stream()
			.filter((d) -> needle == null || contains(d.source(), needle) || contains(d.title(), needle)
					|| contains(d.tags().toString(), needle))
			.toList();
	}

	/**
	 * FAQ entries whose id, question, examples or answer contain the filter (ignoring
	 * case), by id.
	 * @param filter text to look for, or {@code null} or blank for all entries
	 */
	public List<StoredFaqEntry> faqEntries(String filter) {
		String needle = needle(filter);
		return this.store.faqEntries().stream().filter((stored) -> {
			FaqEntry e = stored.entry();
			return needle == null || contains(e.id(), needle) || contains(e.question(), needle)
					|| contains(e.answer(), needle) || e.examples().stream().anyMatch((x) -> contains(x, needle));
		}).toList();
	}

	public Optional<StoredFaqEntry> faqEntry(String id) {
		return this.store.faqEntries().stream().filter((stored) -> stored.entry().id().equals(id)).findFirst();
	}

	/**
	 * Deletes a document and its passages.
	 * @return whether there was such a document
	 */
	public boolean deleteDocument(String source, String actor) {
		return this.writer.deleteDocument(DocumentImporter.checkSource(source), actor).isPresent();
	}

	/**
	 * Deletes an FAQ entry and its phrasings.
	 * @return whether there was such an entry
	 */
	public boolean deleteFaqEntry(String id, String actor) {
		if (!this.store.faqHashes().containsKey(id)) {
			return false;
		}
		this.writer.saveFaq(java.util.Map.of(), java.util.Map.of(), List.of(id), "faq/" + id, actor);
		return true;
	}

	/**
	 * Rebuilds the search index from PostgreSQL; searches see the old index meanwhile.
	 */
	public Rebuilt rebuildIndex() {
		KnowledgeWriter.RebuildResult result = this.writer.rebuildIndex();
		return new Rebuilt(result.passages(), result.revision(), result.millis());
	}

	/**
	 * The newest import-history rows first.
	 * @param failuresOnly only failed imports
	 * @param limit at most this many rows, 1 to {@value #MAX_HISTORY}
	 */
	public List<ImportEvent> importHistory(boolean failuresOnly, int limit) {
		if (limit < 1 || limit > MAX_HISTORY) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_HISTORY + ", got " + limit);
		}
		return this.jdbc
			.sql("select id, at, kind, source, outcome, reason, actor from kb_import_event"
					+ (failuresOnly ? " where outcome = 'FAILED'" : "") + " order by id desc limit ?")
			.param(limit)
			.query((rs, row) -> new ImportEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("kind"), rs.getString("source"), rs.getString("outcome"), rs.getString("reason"),
					rs.getString("actor")))
			.list();
	}

	private static String needle(String filter) {
		return (filter == null || filter.isBlank()) ? null : filter.strip().toLowerCase(Locale.ROOT);
	}

	private static boolean contains(String text, String needle) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
	}

}
