package dev.hearth.conversation;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Checks the customer's conversation token on every widget request: the
 * {@code Authorization: Bearer <token>} header must hold a valid, unexpired token for the
 * conversation in the URL. Thread-safe.
 */
@Component
class WidgetAccess {

	private final ConversationTokens tokens;

	private final Conversations conversations;

	WidgetAccess(ConversationTokens tokens, Conversations conversations) {
		this.tokens = tokens;
		this.conversations = conversations;
	}

	void authorize(UUID id, String auth) {
		authorizeToken(id, auth);
		if (!this.conversations.exists(id)) {
			throw new ConversationNotFoundException(id);
		}
	}

	/**
	 * Checks the token only, for a request whose own work reads the conversation and
	 * answers 404 when it does not exist.
	 */
	void authorizeToken(UUID id, String auth) {
		String token = (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) ? auth.substring(7).strip()
				: null;
		if (token == null || token.isEmpty()) {
			throw unauthorized(
					"This conversation needs its token: send Authorization: Bearer <token> from POST /api/widget/conversations.");
		}
		UUID granted = this.tokens.verify(token)
			.orElseThrow(() -> unauthorized(
					"The conversation token is not valid or has expired: start a new conversation."));
		if (!granted.equals(id)) {
			throw unauthorized("The conversation token belongs to another conversation.");
		}
	}

	private static ErrorResponseException unauthorized(String detail) {
		return new ErrorResponseException(HttpStatus.UNAUTHORIZED,
				ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail), null);
	}

}
