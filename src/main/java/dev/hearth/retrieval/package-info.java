/**
 * Hybrid passage retrieval for Hearth: a Lucene index of document chunks and FAQ
 * phrasings, searched with BM25 and with HNSW vectors at once, the two rankings fused
 * into one.
 *
 * <h2>What this module does and does not do</h2>
 *
 * It indexes {@link dev.hearth.retrieval.IndexedPassage}s and answers
 * {@link dev.hearth.retrieval.PassageQuery}s with
 * {@link dev.hearth.retrieval.SearchHit}s. It does not chunk documents, compute
 * embeddings or know where passages come from: the knowledge module hands it finished
 * passages with their vectors, and the assistant module embeds the question with the same
 * model before searching. It depends on Lucene and the JDK only.
 *
 * <h2>Lifecycle</h2>
 *
 * <pre>{@code
 * try (PassageIndex index = PassageIndex.open(dataDir.resolve("retrieval"), 384)) {
 *     if (index.revision() < store.revision() || !index.fingerprint().equals(modelId)) {
 *         index.rebuild(store.allPassages(), store.revision(), modelId);   // stale at start-up
 *     }
 *     index.replaceDocument(documentId, passages, revision);             // on each change
 *     List<SearchHit> hits = index.searcher().search(new PassageQuery(
 *             question, questionVector, 5, Map.of("audience", Set.of("customer")), Fusion.LINEAR));
 * }
 * }</pre>
 *
 * A {@link dev.hearth.retrieval.PassageIndex} owns one directory and is its only writer.
 * Every write ({@code replaceDocument}, {@code deleteDocument}, {@code rebuild}) is a
 * single Lucene commit that records the caller's revision, and searchers only ever open
 * commits, never near-real-time segments: a search sees the passages before a write or
 * after it, never part of it, and a failed write leaves the last commit in place.
 * {@code revision()} and {@code fingerprint()} are read back from the commit, so the
 * owner can tell at start-up whether the index is behind its system of record or was
 * built with another embedding model.
 *
 * <h2>Searching</h2>
 *
 * A {@link dev.hearth.retrieval.HybridSearcher} runs two retrievers over the same filter:
 * <ul>
 * <li><b>BM25</b> over one text field per language. English, German, French, Spanish,
 * Dutch, Italian and Portuguese passages are analysed with Lucene's stemming analyzers
 * (so "refunds" matches "refunding", "Rechnungen" matches "Rechnung"); any other language
 * code uses the standard analyzer. The query text is analysed once per language field and
 * searched across all of them, or only across the languages named by a {@code language}
 * filter.</li>
 * <li><b>Vectors</b>: an HNSW graph over 7-bit scalar-quantized copies of the normalised
 * vectors, searched with the filter inside the graph walk, then the candidates rescored
 * exactly with the stored float vectors. Scores are cosine similarities.</li>
 * </ul>
 * Each retriever fetches {@code max(50, 4 * topK)} candidates.
 * {@link dev.hearth.retrieval.Fusion} picks how the lists are combined: reciprocal rank
 * fusion (k = 60), a linear blend of normalised scores (BM25 weight 0.25, each list
 * divided by its best score), or one retriever alone for evaluation. The fused list is
 * then collapsed by group key, so the several phrasings of one FAQ entry yield one hit,
 * its best phrasing. If collapsing leaves fewer than {@code topK} groups, the search
 * repeats deeper. Why these choices: {@code docs/adr/0001-hybrid-fusion.md} and
 * {@code docs/adr/0002-quantized-hnsw.md}; the measurements come from
 * {@code RetrievalBenchmark} in the tests.
 *
 * <h2>Filters</h2>
 *
 * Tags are exact values ({@code audience=[customer]}). A query's filters must all match
 * (one value per key suffices), and they apply to both retrievers before ranking, so a
 * filtered search never returns a passage of another audience and still returns
 * {@code topK} hits when that many passages match. The filter key {@code language}
 * matches the passage language; it is therefore reserved as a tag key.
 *
 * <h2>Threads and errors</h2>
 *
 * Writes are serialised; searches are concurrent with each other and with writes. On an
 * index of 100,000 passages or more, one BM25 search runs in one part per core at once
 * (the calling thread and a small {@code passage-search} pool), with the same result as
 * on one thread; a hybrid search hands its vector search to the same pool first, so that
 * it runs while BM25 is searched rather than after it. When the cores are busy the
 * calling thread searches every part, and the vectors, itself. A merged segment of
 * 250,000 passages or more (a rebuild's, or an import's large merge) has its passages
 * renumbered by graph bisection, so that BM25 can skip more of its long posting lists;
 * scores are unchanged, only passages of equal score may come in another order
 * ({@code docs/adr/0043-passages-reordered-by-graph-bisection.md}). Arguments are checked
 * up front with messages that name the input, for example
 * {@code "vector has 12 dimensions, index expects 384"}; a rejected write changes
 * nothing.
 */
package dev.hearth.retrieval;
