package dev.hearth.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hearth.system.DatabaseOutage;

/**
 * Many documents in one admin API request: {@code POST /api/admin/documents} as
 * {@code multipart/form-data}, a {@code source} part (the document's source path) before
 * each {@code file} part (its bytes), with the tags and language for all of them as for
 * {@code PUT /api/admin/documents}. Each file is imported on its own, exactly as that
 * endpoint imports one (its own unchanged check, its own transaction, its own result); a
 * file that cannot be imported is a {@code FAILED} result with the status, reason and
 * detail the single upload would have answered, and never stops the others. A request
 * over the limits ({@code hearth.knowledge.batch.*}) is refused whole, before any import:
 * 400 for too many files or a malformed body, 413 for too many bytes.
 */
@RestController
@RequestMapping("/api/admin/documents")
class DocumentBatchController {

	private static final Logger log = LoggerFactory.getLogger(DocumentBatchController.class);

	/** A source is at most 1000 characters; its part is read no further than this. */
	private static final int MAX_SOURCE_PART_BYTES = 8192;

	private final DocumentImporter importer;

	private final KnowledgeProperties properties;

	DocumentBatchController(DocumentImporter importer, KnowledgeProperties properties) {
		this.importer = importer;
		this.properties = properties;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	DocumentBatchResult importDocuments(@RequestParam(name = "tag", required = false) List<String> tags,
			@RequestParam(required = false) String language, HttpServletRequest request, Principal principal)
			throws IOException, ServletException {
		List<Upload> uploads = uploads(request);
		Map<String, List<String>> parsedTags = Tags.parse(tags);
		Set<String> seen = new HashSet<>();
		List<DocumentBatchResult.Item> results = new ArrayList<>(uploads.size());
		for (Upload upload : uploads) {
			results.add(importOne(upload, parsedTags, language, principal.getName(), seen));
		}
		return DocumentBatchResult.of(results);
	}

	/** The request's (source, file) pairs in order, within the limits. */
	private List<Upload> uploads(HttpServletRequest request) throws IOException, ServletException {
		KnowledgeProperties.Batch limits = this.properties.batch();
		List<Upload> uploads = new ArrayList<>();
		String source = null;
		long bytes = 0;
		for (Part part : request.getParts()) {
			switch (part.getName()) {
				case "source" -> {
					if (source != null) {
						throw withoutFile(source);
					}
					source = text(part);
				}
				case "file" -> {
					if (source == null) {
						throw badRequest("File part " + (uploads.size() + 1) + " has no source part before it: send "
								+ "a source part, then that document's file part, for each document.");
					}
					uploads.add(new Upload(source, part));
					bytes += part.getSize();
					source = null;
				}
				case "tag", "language" -> {
					// read by Spring as request parameters
				}
				default -> throw badRequest("Unexpected part '" + part.getName() + "': the body has a source part "
						+ "and a file part for each document (and optionally tag and language parts).");
			}
		}
		if (source != null) {
			throw withoutFile(source);
		}
		if (uploads.isEmpty()) {
			throw badRequest("The request has no documents: send a source part and a file part for each document "
					+ "(multipart/form-data), or one file with PUT /api/admin/documents?source=...");
		}
		if (uploads.size() > limits.maxFiles()) {
			throw badRequest("The request has " + uploads.size() + " files, more than the limit of " + limits.maxFiles()
					+ " (hearth.knowledge.batch.max-files): send the rest in another request.");
		}
		if (bytes > limits.maxBytes()) {
			throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE,
					ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
							"The request's files have " + bytes + " bytes together, more than the limit of "
									+ limits.maxBytes() + " (hearth.knowledge.batch.max-bytes): send fewer "
									+ "files per request."),
					null);
		}
		return uploads;
	}

	private DocumentBatchResult.Item importOne(Upload upload, Map<String, List<String>> tags, String language,
			String actor, Set<String> seen) {
		String source = upload.source();
		try {
			String checked = DocumentImporter.checkSource(source);
			if (!seen.add(checked)) {
				return DocumentBatchResult.Item.failed(source, 400, null,
						checked + " appears more than once in this request: each source is imported once.");
			}
			long limit = this.properties.maxDocumentBytes();
			if (upload.file().getSize() > limit) {
				throw DocumentRejectedException.tooLarge(checked, upload.file().getSize(), limit);
			}
			byte[] bytes;
			try (InputStream in = upload.file().getInputStream()) {
				bytes = in.readAllBytes();
			}
			return DocumentBatchResult.Item
				.imported(this.importer.importDocument(checked, bytes, tags, language, actor));
		}
		catch (DocumentRejectedException ex) {
			return DocumentBatchResult.Item.failed(source, ex.getStatusCode().value(), ex.reason(), ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			return DocumentBatchResult.Item.failed(source, 400, null, ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			if (DatabaseOutage.causedBy(ex)) {
				log.warn("The database is unavailable while importing {}: {}", source, ex.getMessage());
				return DocumentBatchResult.Item.failed(source, 503, null, DatabaseOutage.DETAIL);
			}
			String incident = UUID.randomUUID().toString();
			log.error("Unexpected error importing {}, incident {}", source, incident, ex);
			return DocumentBatchResult.Item.failed(source, 500, null,
					"Hearth could not import this file. The server log has the details under incident " + incident
							+ ".");
		}
	}

	private static String text(Part part) throws IOException {
		try (InputStream in = part.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_SOURCE_PART_BYTES + 1);
			if (bytes.length > MAX_SOURCE_PART_BYTES) {
				throw badRequest("A source part is longer than " + MAX_SOURCE_PART_BYTES
						+ " bytes: a source is the document's path, at most 1000 characters.");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private static ErrorResponseException withoutFile(String source) {
		return badRequest("The source part '" + source + "' has no file part after it: send a source part, then "
				+ "that document's file part, for each document.");
	}

	private static ErrorResponseException badRequest(String detail) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
	}

	/**
	 * @param source the source part's text
	 * @param file the file part
	 */
	private record Upload(String source, Part file) {
	}

}
