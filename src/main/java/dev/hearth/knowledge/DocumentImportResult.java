package dev.hearth.knowledge;

import java.util.List;
import java.util.UUID;

/**
 * What importing one file did.
 *
 * @param source the document's source path
 * @param outcome added, updated or unchanged
 * @param documentId the document
 * @param version its version after the import
 * @param chunks its number of passages
 * @param title its title
 * @param millis time the import took
 * @param audience who the document is for: its audience tags, or
 * {@value Audiences#INTERNAL} when it has none (agents only, never customers; see
 * {@link Audiences})
 * @param warnings what the import left out or wants reviewed (e.g. passages that read
 * like instructions to an AI assistant); empty when none
 */
public record DocumentImportResult(String source, ImportOutcome outcome, UUID documentId, int version, int chunks,
		String title, long millis, List<String> audience, List<String> warnings) {

	public DocumentImportResult(String source, ImportOutcome outcome, UUID documentId, int version, int chunks,
			String title, long millis, List<String> audience) {
		this(source, outcome, documentId, version, chunks, title, millis, audience, List.of());
	}

	DocumentImportResult withWarnings(List<String> more) {
		return more.isEmpty() ? this
				: new DocumentImportResult(this.source, this.outcome, this.documentId, this.version, this.chunks,
						this.title, this.millis, this.audience,
						java.util.stream.Stream.concat(this.warnings.stream(), more.stream()).toList());
	}

}
