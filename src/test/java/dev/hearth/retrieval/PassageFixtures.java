package dev.hearth.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Small builders for passages and queries in tests, with deterministic vectors.
 */
final class PassageFixtures {

	static final int DIMENSIONS = 8;

	private PassageFixtures() {
	}

	/** A deterministic pseudo-random vector, not normalised (the index normalises it). */
	static float[] vector(long seed) {
		Random random = new Random(seed);
		float[] vector = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return vector;
	}

	/** A vector pointing along one axis, scaled to show that the index normalises. */
	static float[] axis(int axis) {
		float[] vector = new float[DIMENSIONS];
		vector[axis] = 3f;
		return vector;
	}

	/** {@code base} moved a little towards {@code axis}. */
	static float[] near(int axis, float offAxis, int otherAxis) {
		float[] vector = new float[DIMENSIONS];
		vector[axis] = 1f;
		vector[otherAxis] = offAxis;
		return vector;
	}

	static IndexedPassage chunk(String id, String documentId, String text, float[] vector) {
		return chunk(id, documentId, text, "en", Map.of(), vector);
	}

	static IndexedPassage chunk(String id, String documentId, String text, String language,
			Map<String, List<String>> tags, float[] vector) {
		return new IndexedPassage(id, documentId, id, PassageKind.DOCUMENT_CHUNK, "manual.pdf",
				"Title of " + documentId, "Section", text, text, language, tags, "https://kb.example/" + documentId,
				vector);
	}

	static IndexedPassage faq(String faqId, int n, String phrasing, float[] vector) {
		return new IndexedPassage("faq:" + faqId + "#" + n, "faq:" + faqId, "faq:" + faqId, PassageKind.FAQ, "faq",
				"FAQ " + faqId, "", phrasing, "Answer of " + faqId, "en", Map.of("audience", List.of("customer")),
				"https://kb.example/faq/" + faqId, vector);
	}

	static PassageQuery query(String text, float[] vector, int topK, Fusion fusion) {
		return new PassageQuery(text, vector, topK, Map.of(), fusion);
	}

	static PassageQuery query(String text, float[] vector, int topK, Fusion fusion, Map<String, Set<String>> filters) {
		return new PassageQuery(text, vector, topK, filters, fusion);
	}

}
