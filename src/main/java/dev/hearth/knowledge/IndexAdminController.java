package dev.hearth.knowledge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hearth.retrieval.Fusion;
import dev.hearth.retrieval.SearchHit;

/**
 * The knowledge base as a whole in the admin API: status, index rebuild, and search for
 * admins and debugging.
 */
@RestController
@RequestMapping("/api/admin")
class IndexAdminController {

	private final KnowledgeStore store;

	private final KnowledgeIndex index;

	private final KnowledgeWriter writer;

	private final KnowledgeSearch search;

	private final KnowledgeProperties properties;

	private final int dimensions;

	IndexAdminController(KnowledgeStore store, KnowledgeIndex index, KnowledgeWriter writer, KnowledgeSearch search,
			KnowledgeProperties properties, EmbeddingModel embeddings) {
		this.store = store;
		this.index = index;
		this.writer = writer;
		this.search = search;
		this.properties = properties;
		this.dimensions = embeddings.dimensions();
	}

	@GetMapping("/status")
	Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>(this.store.counts());
		long revision = this.store.revision();
		status.put("revision", revision);
		status.put("index", Map.of("revision", this.index.passages().revision(), "passages",
				this.index.passages().size(), "fresh", this.index.isFresh(revision)));
		status.put("embeddingModel", this.properties.embeddingModelId());
		status.put("dimensions", this.dimensions);
		status.put("maxDocumentBytes", this.properties.maxDocumentBytes());
		status.put("maxBatchFiles", this.properties.batch().maxFiles());
		status.put("maxBatchBytes", this.properties.batch().maxBytes());
		status.put("fusion", this.properties.search().fusion().name());
		return status;
	}

	@PostMapping("/index/rebuild")
	KnowledgeWriter.RebuildResult rebuild() {
		return this.writer.rebuildIndex();
	}

	@GetMapping("/search")
	List<Result> search(@RequestParam(name = "q", required = false) String query,
			@RequestParam(required = false) Integer top,
			@RequestParam(name = "tag", required = false) List<String> tags,
			@RequestParam(required = false) String fusion) {
		Map<String, Set<String>> filters = new LinkedHashMap<>();
		Tags.parse(tags).forEach((key, values) -> filters.put(key, new LinkedHashSet<>(values)));
		SearchResults results = this.search.search(query, top, filters, fusion(fusion));
		return results.hits().stream().map(Result::of).toList();
	}

	private static Fusion fusion(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "rrf" -> Fusion.RRF;
			case "linear" -> Fusion.LINEAR;
			case "bm25" -> Fusion.BM25_ONLY;
			case "vector" -> Fusion.VECTOR_ONLY;
			default ->
				throw new IllegalArgumentException("fusion must be rrf, linear, bm25 or vector, got '" + name + "'");
		};
	}

	/** A search result as the admin API shows it. */
	record Result(String source, String title, String sectionPath, String passage, float score, String citation,
			String documentId, String kind, String language, Map<String, List<String>> tags, int bm25Rank,
			int vectorRank) {

		static Result of(SearchHit hit) {
			return new Result(hit.source(), hit.title(), hit.sectionPath(), hit.passage(), hit.score(), hit.citation(),
					hit.documentId(), hit.kind().name(), hit.language(), hit.tags(), hit.bm25Rank(), hit.vectorRank());
		}

	}

}
