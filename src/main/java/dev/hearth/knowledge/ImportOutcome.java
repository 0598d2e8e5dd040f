package dev.hearth.knowledge;

/** What an import did with one document or FAQ entry. */
public enum ImportOutcome {

	ADDED, UPDATED, UNCHANGED, REMOVED, FAILED

}
