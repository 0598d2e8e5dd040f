package dev.hearth.knowledge;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one multi-document upload did: the counts, then one result per file in the order
 * the files were sent.
 *
 * @param files the files in the request
 * @param added files imported as new documents
 * @param updated files imported as new versions
 * @param unchanged files whose document already had that content, tags and language
 * @param failed files not imported
 * @param results one per file, in the request's order
 */
public record DocumentBatchResult(int files, int added, int updated, int unchanged, int failed, List<Item> results) {

	static DocumentBatchResult of(List<Item> results) {
		int added = 0;
		int updated = 0;
		int unchanged = 0;
		int failed = 0;
		for (Item item : results) {
			switch (item.outcome()) {
				case ADDED -> added++;
				case UPDATED -> updated++;
				case UNCHANGED -> unchanged++;
				default -> failed++;
			}
		}
		return new DocumentBatchResult(results.size(), added, updated, unchanged, failed, List.copyOf(results));
	}

	/**
	 * One file's result: the fields of {@link DocumentImportResult} when it was imported
	 * (or found unchanged); {@code FAILED} with the status, reason and detail that
	 * {@code PUT /api/admin/documents} would have answered when it was not.
	 *
	 * @param source the document's source path, as sent
	 * @param outcome added, updated, unchanged or failed
	 * @param documentId the document, unless failed
	 * @param version its version after the import, unless failed
	 * @param chunks its number of passages, unless failed
	 * @param title its title, unless failed
	 * @param millis time the import took, unless failed
	 * @param audience who the document is for, unless failed
	 * @param warnings what the import left out or wants reviewed, unless failed
	 * @param status the HTTP status the file alone would have had (400, 413, 422, 500,
	 * 503), when failed
	 * @param reason why the file was refused ({@link RejectionReason}), when it was
	 * @param detail what was wrong and what to do, when failed
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Item(String source, ImportOutcome outcome, UUID documentId, Integer version, Integer chunks,
			String title, Long millis, List<String> audience, List<String> warnings, Integer status,
			RejectionReason reason, String detail) {

		static Item imported(DocumentImportResult result) {
			return new Item(result.source(), result.outcome(), result.documentId(), result.version(), result.chunks(),
					result.title(), result.millis(), result.audience(), result.warnings(), null, null, null);
		}

		static Item failed(String source, int status, RejectionReason reason, String detail) {
			return new Item(source, ImportOutcome.FAILED, null, null, null, null, null, null, null, status, reason,
					detail);
		}

	}

}
