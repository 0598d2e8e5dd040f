package dev.hearth.knowledge;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A file that cannot be imported, with a reason the admin can act on. Shown by the admin
 * API as a 422 (413 when too large) problem with a {@code reason} property.
 */
public class DocumentRejectedException extends ErrorResponseException {

	private final RejectionReason reason;

	DocumentRejectedException(RejectionReason reason, String detail) {
		this(reason, detail, null);
	}

	DocumentRejectedException(RejectionReason reason, String detail, Throwable cause) {
		super(status(reason), problem(reason, detail), cause);
		this.reason = reason;
	}

	/**
	 * A file over {@code hearth.knowledge.max-document-bytes}.
	 * @param source the file's source path
	 * @param size its size in bytes
	 * @param limit the most a document may have
	 */
	static DocumentRejectedException tooLarge(String source, long size, long limit) {
		return new DocumentRejectedException(RejectionReason.TOO_LARGE, source + " has " + size
				+ " bytes, more than the limit of " + limit + " (hearth.knowledge.max-document-bytes).");
	}

	public RejectionReason reason() {
		return this.reason;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static HttpStatus status(RejectionReason reason) {
		return (reason == RejectionReason.TOO_LARGE) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
	}

	private static ProblemDetail problem(RejectionReason reason, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(reason), detail);
		problem.setTitle("Document not imported");
		problem.setProperty("reason", reason.name());
		return problem;
	}

}
