package dev.hearth.knowledge;

import java.util.List;

/**
 * What importing an FAQ file did.
 *
 * @param added new entries
 * @param updated changed entries
 * @param unchanged entries already as in the file
 * @param removed entries removed because the file replaced the FAQ and did not have them
 * @param entries entries in the FAQ after the import
 * @param failed lines or entries that could not be imported, with the reason
 * @param revision the knowledge base revision after the import (the FAQ router trains on
 * it)
 * @param audienceDefaulted entries of the file that had no audience tag and were imported
 * for {@value Audiences#FAQ_DEFAULT} ({@link Audiences})
 */
public record FaqImportResult(int added, int updated, int unchanged, int removed, int entries,
		List<FaqFileReader.Failure> failed, long revision, int audienceDefaulted) {

	/** Each failure as {@code line N: reason}. */
	public List<String> failureMessages() {
		return this.failed.stream().map((f) -> "line " + f.line() + ": " + f.reason()).toList();
	}

}
