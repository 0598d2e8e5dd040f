package dev.hearth.kbimport;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A document as the server lists it ({@code GET /api/admin/documents}), reduced to what
 * the tool compares and shows.
 *
 * @param source the document's source name
 * @param contentHash SHA-256 of the imported bytes, lowercase hex
 * @param language the document's language, or {@code null}
 * @param tags the document's tags
 * @param version the document's version
 * @param chunks how many chunks it was split into
 * @param updatedAt when it last changed, as the server wrote it, or {@code null}
 */
record RemoteDocument(String source, String contentHash, String language, Tags tags, long version, long chunks,
		String updatedAt) {

	static RemoteDocument from(JsonNode node) {
		return new RemoteDocument(Json.text(node, "source", ""), Json.text(node, "contentHash"),
				Json.text(node, "language"), Tags.fromJson(node.get("tags")), Json.number(node, "version", 0),
				Json.number(node, "chunks", 0), Json.text(node, "updatedAt"));
	}

	static List<RemoteDocument> listFrom(JsonNode array) {
		return Json.elements(array).stream().map(RemoteDocument::from).toList();
	}

}
