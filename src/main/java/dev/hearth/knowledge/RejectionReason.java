package dev.hearth.knowledge;

/** Why a file was not imported. */
public enum RejectionReason {

	/** The file is damaged or not what its type says. */
	CORRUPT,
	/** The file is password-protected. */
	ENCRYPTED,
	/** The file has no text to search. */
	EMPTY,
	/** The file is over the configured size limit. */
	TOO_LARGE,
	/** Hearth cannot take text from this type of file. */
	UNSUPPORTED

}
