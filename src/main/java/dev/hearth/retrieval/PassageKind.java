package dev.hearth.retrieval;

/**
 * What an {@link IndexedPassage} stands for.
 */
public enum PassageKind {

	/** A chunk of an imported document. */
	DOCUMENT_CHUNK,

	/** One phrasing of an FAQ entry; its passage is the entry's answer. */
	FAQ

}
