package dev.hearth.conversation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A handoff transition that the conversation's state does not allow (a 409 problem). */
class HandoffConflictException extends ErrorResponseException {

	HandoffConflictException(String detail) {
		super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
	}

}
