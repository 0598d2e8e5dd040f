package dev.hearth.conversation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A transfer or assignment to a username that is no known agent (a 400 problem): the
 * conversation would be stuck with nobody to answer it.
 */
class UnknownAgentException extends ErrorResponseException {

	UnknownAgentException(String agent) {
		super(HttpStatus.BAD_REQUEST,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "There is no agent '" + agent
						+ "': choose a local account, an agent API token or someone who signed in through Keycloak."),
				null);
	}

}
