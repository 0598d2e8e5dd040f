package dev.hearth.conversation;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No conversation has this id (a 404 problem). */
class ConversationNotFoundException extends ErrorResponseException {

	ConversationNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No conversation " + id + ": start a new one with POST /api/widget/conversations."), null);
	}

}
