package dev.hearth.retrieval;

import java.util.List;
import java.util.Map;

/**
 * One searchable unit: a document chunk, or one phrasing of an FAQ entry.
 *
 * <p>
 * The constructor checks every component up front: ids must not be null or blank, the
 * other strings must not be null (they may be empty), and tags are copied into an
 * ordered, unmodifiable map. The tag key {@code language} is reserved for the
 * {@code language} component, which the filter key of the same name matches. The vector's
 * dimension is checked by the {@link PassageIndex} that receives the passage; the index
 * stores a normalised copy.
 *
 * <p>
 * Instances are immutable apart from the {@code vector} array, which is shared, not
 * copied; do not modify it after construction.
 *
 * @param id unique per passage, e.g. a chunk UUID or {@code "faq:<faqId>#<n>"}
 * @param documentId the key that {@link PassageIndex#replaceDocument} and
 * {@link PassageIndex#deleteDocument} act on (a document UUID, or {@code "faq:<faqId>"})
 * @param groupKey hits with the same key collapse to the best one (the chunk id for
 * chunks, {@code "faq:<faqId>"} for FAQ phrasings)
 * @param kind what the passage stands for
 * @param source where the passage came from, shown to agents
 * @param title the document or FAQ title
 * @param sectionPath e.g. {@code "Billing > Refunds"}; may be empty
 * @param matchText what BM25 searches (for a chunk: title, section and text; for an FAQ:
 * the phrasing)
 * @param passage what is shown (the chunk text, or the FAQ answer)
 * @param language an ISO 639-1 code such as {@code "en"} or {@code "de"}; selects the
 * analyzer, unknown codes fall back to a standard analyzer
 * @param tags filterable exact values, e.g. {@code audience=[customer]}
 * @param citation the link to show for this passage
 * @param vector the embedding of {@code matchText}; its dimension must match the index
 */
public record IndexedPassage(String id, String documentId, String groupKey, PassageKind kind, String source,
		String title, String sectionPath, String matchText, String passage, String language,
		Map<String, List<String>> tags, String citation, float[] vector) {

	public IndexedPassage {
		Checks.requireNonBlank(id, "id");
		Checks.requireNonBlank(documentId, "documentId");
		Checks.requireNonBlank(groupKey, "groupKey");
		Checks.requireNonNull(kind, "kind");
		Checks.requireNonNull(source, "source");
		Checks.requireNonNull(title, "title");
		Checks.requireNonNull(sectionPath, "sectionPath");
		Checks.requireNonNull(matchText, "matchText");
		Checks.requireNonNull(passage, "passage");
		Checks.requireNonBlank(language, "language");
		tags = Checks.copyTags(tags);
		Checks.requireNonNull(citation, "citation");
		Checks.requireNonNull(vector, "vector");
	}

}
