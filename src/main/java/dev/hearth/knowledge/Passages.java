package dev.hearth.knowledge;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hearth.retrieval.IndexedPassage;
import dev.hearth.retrieval.PassageKind;

/**
 * How stored chunks and FAQ phrasings become index passages; the one place that decides
 * ids, match texts and citation links. Thread-safe: stateless.
 */
final class Passages {

	private Passages() {
	}

	static String chunkMatchText(String title, String sectionPath, String text) {
		StringBuilder match = new StringBuilder(title.length() + sectionPath.length() + text.length() + 2);
		match.append(title).append('\n');
		if (!sectionPath.isEmpty()) {
			match.append(sectionPath).append('\n');
		}
		return match.append(text).toString();
	}

	static String faqDocumentId(String faqId) {
		return "faq:" + faqId;
	}

	static IndexedPassage chunk(UUID documentId, String source, String title, String language,
			Map<String, List<String>> tags, UUID chunkId, Chunk chunk, float[] vector) {
		return new IndexedPassage(chunkId.toString(), documentId.toString(), chunkId.toString(),
				PassageKind.DOCUMENT_CHUNK, source, title, chunk.sectionPath(),
				chunkMatchText(title, chunk.sectionPath(), chunk.text()), chunk.text(), language, tags,
				"/kb/documents/" + documentId + "#chunk-" + chunk.ordinal(), vector);
	}

	static IndexedPassage faq(String faqId, String title, String answer, String language,
			Map<String, List<String>> tags, int ordinal, String phrasing, float[] vector) {
		String documentId = faqDocumentId(faqId);
		return new IndexedPassage(documentId + "#" + ordinal, documentId, documentId, PassageKind.FAQ, documentId,
				title, "", phrasing, answer, language, tags, "/kb/faq/" + faqId, vector);
	}

}
