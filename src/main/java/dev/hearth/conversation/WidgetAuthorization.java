package dev.hearth.conversation;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Checks that a widget request carries the signed token of the conversation it names.
 * Thread-safe.
 */
@Component
class WidgetAuthorization {

	private final ConversationTokens tokens;

	private final Conversations conversations;

	WidgetAuthorization(ConversationTokens tokens, Conversations conversations) {
		this.tokens = tokens;
		this.conversations = conversations;
	}

	/**
	 * @param id the conversation the request names
	 * @param auth the {@code Authorization} header, or null
	 * @throws ErrorResponseException 401 with what to do, if the token is missing,
	 * invalid, expired or for another conversation
	 * @throws ConversationNotFoundException if the conversation is gone
	 */
	void authorize(UUID id, String auth) {
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
		if (!this.conversations.exists(id)) {
			throw new ConversationNotFoundException(id);
		}
	}

	private static ErrorResponseException unauthorized(String detail) {
		return new ErrorResponseException(HttpStatus.UNAUTHORIZED,
				ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail), null);
	}

}
