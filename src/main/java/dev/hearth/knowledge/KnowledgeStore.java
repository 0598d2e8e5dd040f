package dev.hearth.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.hearth.retrieval.IndexedPassage;

/**
 * The knowledge base's tables in PostgreSQL. Callers own the transactions: every write
 * here is meant to run inside one started by {@link KnowledgeWriter}. Thread-safe.
 */
@Repository
class KnowledgeStore {

	private static final TypeReference<Map<String, List<String>>> TAGS = new TypeReference<>() {
	};

	private static final String DOCUMENT_COLUMNS = """
			d.id, d.source, d.title, d.content_hash, d.version, d.language, d.tags::text as tags, d.media_type,
			d.size_bytes, d.created_at, d.updated_at,
			(select count(*) from kb_chunk c where c.document_id = d.id) as chunks
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final JsonMapper json;

	KnowledgeStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(template.getDataSource());
		this.streaming.setFetchSize(500);
		this.json = json;
	}

	// documents

	Optional<KnowledgeDocument> findDocument(String source) {
		return this.jdbc.sql("select " + DOCUMENT_COLUMNS + " from kb_document d where d.source = ?")
			.param(source)
			.query(this::document)
			.optional();
	}

	Optional<KnowledgeDocument> findDocument(UUID id) {
		return this.jdbc.sql("select " + DOCUMENT_COLUMNS + " from kb_document d where d.id = ?")
			.param(id)
			.query(this::document)
			.optional();
	}

	List<KnowledgeDocument> documents() {
		return this.jdbc.sql("select " + DOCUMENT_COLUMNS + " from kb_document d order by d.source")
			.query(this::document)
			.list();
	}

	/** Locks the document's row (if any) until the transaction ends. */
	Optional<KnowledgeDocument> lockDocument(String source) {
		return this.jdbc.sql("select " + DOCUMENT_COLUMNS + " from kb_document d where d.source = ? for update")
			.param(source)
			.query(this::document)
			.optional();
	}

	void upsertDocument(UUID id, String source, ParsedDocument parsed, String contentHash, int version,
			Map<String, List<String>> tags, long sizeBytes) {
		this.jdbc
			.sql("""
					insert into kb_document (id, source, title, content_hash, version, language, tags, media_type, size_bytes)
					values (:id, :source, :title, :hash, :version, :language, cast(:tags as jsonb), :mediaType, :size)
					on conflict (id) do update set title = excluded.title, content_hash = excluded.content_hash,
					    version = excluded.version, language = excluded.language, tags = excluded.tags,
					    media_type = excluded.media_type, size_bytes = excluded.size_bytes, updated_at = now()
					""")
			.param("id", id)
			.param("source", source)
			.param("title", parsed.title())
			.param("hash", contentHash)
			.param("version", version)
			.param("language", parsed.language())
			.param("tags", this.json.writeValueAsString(tags))
			.param("mediaType", parsed.mediaType())
			.param("size", sizeBytes)
			.update();
	}

	void replaceChunks(UUID documentId, List<StoredChunk> chunks) {
		this.jdbc.sql("delete from kb_chunk where document_id = ?").param(documentId).update();
		this.streaming.batchUpdate(
				"insert into kb_chunk (id, document_id, ordinal, section_path, text, embedding) values (?, ?, ?, ?, ?, ?)",
				chunks, 500, (ps, chunk) -> {
					ps.setObject(1, chunk.id());
					ps.setObject(2, documentId);
					ps.setInt(3, chunk.chunk().ordinal());
					ps.setString(4, chunk.chunk().sectionPath());
					ps.setString(5, chunk.chunk().text());
					ps.setBytes(6, EmbeddingCodec.encode(chunk.vector()));
				});
	}

	Optional<UUID> deleteDocument(String source) {
		return this.jdbc.sql("delete from kb_document where source = ? returning id")
			.param(source)
			.query(UUID.class)
			.optional();
	}

	List<Chunk> chunksOf(UUID documentId) {
		return this.jdbc.sql("select ordinal, section_path, text from kb_chunk where document_id = ? order by ordinal")
			.param(documentId)
			.query((rs, row) -> new Chunk(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	// FAQ entries

	Map<String, String> faqHashes() {
		Map<String, String> hashes = new HashMap<>();
		this.jdbc.sql("select id, content_hash from faq_entry")
			.query((RowCallbackHandler) (rs) -> hashes.put(rs.getString(1), rs.getString(2)));
		return hashes;
	}

	/** Inserts or replaces the entry and its phrasings; returns the new version. */
	int upsertFaq(FaqEntry entry, String contentHash, List<float[]> phrasingVectors) {
		int version = this.jdbc.sql("""
				insert into faq_entry (id, question, answer, language, tags, content_hash, version)
				values (:id, :question, :answer, :language, cast(:tags as jsonb), :hash, 1)
				on conflict (id) do update set question = excluded.question, answer = excluded.answer,
				    language = excluded.language, tags = excluded.tags, content_hash = excluded.content_hash,
				    version = faq_entry.version + 1, updated_at = now()
				returning version
				""")
			.param("id", entry.id())
			.param("question", entry.hasQuestion() ? entry.question() : null)
			.param("answer", entry.answer())
			.param("language", entry.language())
			.param("tags", this.json.writeValueAsString(entry.tags()))
			.param("hash", contentHash)
			.query(Integer.class)
			.single();
		this.jdbc.sql("delete from faq_phrasing where faq_id = ?").param(entry.id()).update();
		List<String> phrasings = entry.phrasings();
		List<Object[]> rows = new ArrayList<>(phrasings.size());
		for (int i = 0; i < phrasings.size(); i++) {
			rows.add(new Object[] { entry.id(), i, i == 0 && entry.hasQuestion(), phrasings.get(i),
					EmbeddingCodec.encode(phrasingVectors.get(i)) });
		}
		this.streaming.batchUpdate(
				"insert into faq_phrasing (faq_id, ordinal, is_question, text, embedding) values (?, ?, ?, ?, ?)",
				rows);
		return version;
	}

	List<FaqPhrasing> phrasings() {
		return this.jdbc.sql("select faq_id, text, embedding from faq_phrasing order by faq_id, ordinal")
			.query((rs, row) -> new FaqPhrasing(rs.getString(1), rs.getString(2),
					EmbeddingCodec.decode(rs.getBytes(3))))
			.list();
	}

	boolean deleteFaq(String id) {
		return this.jdbc.sql("delete from faq_entry where id = ?").param(id).update() > 0;
	}

	List<StoredFaqEntry> faqEntries() {
		Map<String, List<String>> examples = new HashMap<>();
		this.jdbc.sql("select faq_id, text from faq_phrasing where not is_question order by faq_id, ordinal")
			.query((RowCallbackHandler) (rs) -> {
				examples.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>()).add(rs.getString(2));
			});
		return this.jdbc
			.sql("select id, question, answer, language, tags::text, version, updated_at from faq_entry order by id")
			.query((rs, row) -> new StoredFaqEntry(
					new FaqEntry(rs.getString("id"), rs.getString("question"),
							examples.getOrDefault(rs.getString("id"), List.of()), rs.getString("answer"),
							rs.getString("language"), tags(rs.getString("tags"))),
					rs.getInt("version"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	// state, counts and history

	long bumpRevision() {
		return this.jdbc.sql("update kb_state set revision = revision + 1, updated_at = now() returning revision")
			.query(Long.class)
			.single();
	}

	long revision() {
		return this.jdbc.sql("select revision from kb_state").query(Long.class).single();
	}

	Optional<String> embeddingModel() {
		List<String> models = this.jdbc.sql("select embedding_model from kb_state").query(String.class).list();
		return models.isEmpty() ? Optional.empty() : Optional.ofNullable(models.get(0));
	}

	void setEmbeddingModel(String fingerprint) {
		this.jdbc.sql("update kb_state set embedding_model = ?").param(fingerprint).update();
	}

	Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select (select count(*) from kb_document), (select count(*) from kb_chunk),
				       (select count(*) from faq_entry), (select count(*) from faq_phrasing)
				""").query((RowCallbackHandler) (rs) -> {
			counts.put("documents", rs.getLong(1));
			counts.put("chunks", rs.getLong(2));
			counts.put("faqEntries", rs.getLong(3));
			counts.put("faqPhrasings", rs.getLong(4));
		});
		return counts;
	}

	void recordEvent(String kind, String source, ImportOutcome outcome, String reason, String actor) {
		this.jdbc.sql("insert into kb_import_event (kind, source, outcome, reason, actor) values (?, ?, ?, ?, ?)")
			.param(kind)
			.param(source)
			.param(outcome.name())
			.param(reason)
			.param(actor)
			.update();
	}

	// the change log replicas follow (db/V22__replica_change_log.sql)

	/** Records that {@code revision} changed the index document {@code documentId}. */
	void recordChange(long revision, String documentId) {
		this.jdbc.sql("insert into kb_change (revision, document_id) values (?, ?) on conflict do nothing")
			.param(revision)
			.param(documentId)
			.update();
	}

	/** Forgets changes before {@code revision}; a replica further behind rebuilds. */
	void pruneChanges(long revision) {
		this.jdbc.sql("delete from kb_change where revision < ?").param(revision).update();
	}

	/** The changes of revisions {@code after + 1} to {@code upTo}, oldest first. */
	List<IndexChange> changes(long after, long upTo) {
		return this.jdbc.sql("""
				select revision, document_id from kb_change where revision > ? and revision <= ?
				order by revision, document_id
				""")
			.param(after)
			.param(upTo)
			.query((rs, row) -> new IndexChange(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * The passages of one index document as PostgreSQL has them now (none if it is gone).
	 */
	List<IndexedPassage> passages(String documentId) {
		if (documentId.startsWith(Passages.faqDocumentId(""))) {
			return this.jdbc.sql("""
					select p.faq_id, p.ordinal, p.text, p.embedding, e.answer, e.language, e.tags::text as tags,
					       (select f.text from faq_phrasing f where f.faq_id = e.id order by f.ordinal limit 1) as title
					from faq_phrasing p join faq_entry e on e.id = p.faq_id
					where e.id = ? order by p.ordinal
					""")
				.param(documentId.substring(Passages.faqDocumentId("").length()))
				.query((rs, row) -> Passages.faq(rs.getString("faq_id"), rs.getString("title"), rs.getString("answer"),
						rs.getString("language"), tags(rs.getString("tags")), rs.getInt("ordinal"),
						rs.getString("text"), EmbeddingCodec.decode(rs.getBytes("embedding"))))
				.list();
		}
		UUID id;
		try {
			id = UUID.fromString(documentId);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not an index document id: '" + documentId + "'", ex);
		}
		return this.jdbc.sql("""
				select c.id, c.document_id, c.ordinal, c.section_path, c.text, c.embedding,
				       d.source, d.title, d.language, d.tags::text as tags
				from kb_chunk c join kb_document d on d.id = c.document_id
				where d.id = ? order by c.ordinal
				""")
			.param(id)
			.query((rs, row) -> Passages.chunk(rs.getObject("document_id", UUID.class), rs.getString("source"),
					rs.getString("title"), rs.getString("language"), tags(rs.getString("tags")),
					rs.getObject("id", UUID.class),
					new Chunk(rs.getInt("ordinal"), rs.getString("section_path"), rs.getString("text")),
					EmbeddingCodec.decode(rs.getBytes("embedding"))))
			.list();
	}

	/**
	 * One entry of the change log.
	 *
	 * @param revision the knowledge base revision that made it
	 * @param documentId the index document it changed, or {@link #EVERYTHING}
	 */
	record IndexChange(long revision, String documentId) {

		/** The document id of a change that touched the whole knowledge base. */
		static final String EVERYTHING = "*";

	}

	// everything, for rebuilding the index (call inside a read-only transaction and close
	// the streams)

	Stream<IndexedPassage> streamChunkPassages() {
		return this.streaming.queryForStream("""
				select c.id, c.document_id, c.ordinal, c.section_path, c.text, c.embedding,
				       d.source, d.title, d.language, d.tags::text as tags
				from kb_chunk c join kb_document d on d.id = c.document_id
				order by c.document_id, c.ordinal
				""",
				(rs, row) -> Passages.chunk(rs.getObject("document_id", UUID.class), rs.getString("source"),
						rs.getString("title"), rs.getString("language"), tags(rs.getString("tags")),
						rs.getObject("id", UUID.class),
						new Chunk(rs.getInt("ordinal"), rs.getString("section_path"), rs.getString("text")),
						EmbeddingCodec.decode(rs.getBytes("embedding"))));
	}

	Stream<IndexedPassage> streamFaqPassages() {
		return this.streaming.queryForStream("""
				select p.faq_id, p.ordinal, p.text, p.embedding, e.question, e.answer, e.language, e.tags::text as tags,
				       (select f.text from faq_phrasing f where f.faq_id = e.id order by f.ordinal limit 1) as title
				from faq_phrasing p join faq_entry e on e.id = p.faq_id
				order by p.faq_id, p.ordinal
				""",
				(rs, row) -> Passages.faq(rs.getString("faq_id"), rs.getString("title"), rs.getString("answer"),
						rs.getString("language"), tags(rs.getString("tags")), rs.getInt("ordinal"),
						rs.getString("text"), EmbeddingCodec.decode(rs.getBytes("embedding"))));
	}

	/** Texts whose embeddings must be redone when the embedding model changes. */
	List<Object[]> chunkTexts() {
		return this.jdbc.sql("""
				select c.id, d.title, c.section_path, c.text from kb_chunk c join kb_document d on d.id = c.document_id
				""")
			.query((rs,
					row) -> new Object[] { rs.getObject(1, UUID.class),
							Passages.chunkMatchText(rs.getString(2), rs.getString(3), rs.getString(4)) })
			.list();
	}

	List<Object[]> phrasingTexts() {
		return this.jdbc.sql("select faq_id, ordinal, text from faq_phrasing")
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getString(3) })
			.list();
	}

	void updateChunkEmbedding(UUID chunkId, float[] vector) {
		this.jdbc.sql("update kb_chunk set embedding = ? where id = ?")
			.param(EmbeddingCodec.encode(vector))
			.param(chunkId)
			.update();
	}

	void updatePhrasingEmbedding(String faqId, int ordinal, float[] vector) {
		this.jdbc.sql("update faq_phrasing set embedding = ? where faq_id = ? and ordinal = ?")
			.param(EmbeddingCodec.encode(vector))
			.param(faqId)
			.param(ordinal)
			.update();
	}

	private KnowledgeDocument document(ResultSet rs, int row) throws SQLException {
		return new KnowledgeDocument(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("title"),
				rs.getString("content_hash"), rs.getInt("version"), rs.getString("language"),
				tags(rs.getString("tags")), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getInt("chunks"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private Map<String, List<String>> tags(String text) {
		return Tags.normalise(this.json.readValue(text, TAGS));
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
