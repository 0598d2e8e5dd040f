package dev.hearth.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents in the admin API: list, import one file (the raw bytes as the request body),
 * delete.
 */
@RestController
@RequestMapping("/api/admin/documents")
class DocumentAdminController {

	private final DocumentImporter importer;

	private final KnowledgeStore store;

	private final KnowledgeWriter writer;

	private final KnowledgeProperties properties;

	DocumentAdminController(DocumentImporter importer, KnowledgeStore store, KnowledgeWriter writer,
			KnowledgeProperties properties) {
		this.importer = importer;
		this.store = store;
		this.writer = writer;
		this.properties = properties;
	}

	@GetMapping
	List<KnowledgeDocument> list() {
		return this.store.documents();
	}

	@PutMapping
	DocumentImportResult importDocument(@RequestParam String source,
			@RequestParam(name = "tag", required = false) List<String> tags,
			@RequestParam(required = false) String language, HttpServletRequest request, Principal principal)
			throws IOException {
		byte[] bytes = readBody(request, source);
		return this.importer.importDocument(source, bytes, Tags.parse(tags), language, principal.getName());
	}

	@DeleteMapping
	ResponseEntity<?> delete(@RequestParam String source, Principal principal) {
		String checked = DocumentImporter.checkSource(source);
		if (this.writer.deleteDocument(checked, principal.getName()).isPresent()) {
			return ResponseEntity.ok(Map.of("source", checked, "deleted", true));
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No document has the source " + checked + " (kb-import list shows the sources)."));
	}

	private byte[] readBody(HttpServletRequest request, String source) throws IOException {
		long limit = this.properties.maxDocumentBytes();
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			throw DocumentRejectedException.tooLarge(source, declared, limit);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (bytes.length > limit) {
				throw DocumentRejectedException.tooLarge(source, bytes.length, limit);
			}
			return bytes;
		}
	}

}
