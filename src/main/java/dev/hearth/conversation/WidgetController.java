package dev.hearth.conversation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The widget's API for anonymous customers: start a conversation (get its signed token),
 * send a message and receive the answer as Server-Sent Events ({@code message}: the
 * stored question; {@code token}: answer text as it is produced; {@code answer}: the
 * stored answer with its sources and decision), or as one JSON reply, and read the
 * transcript. Every request but the first carries {@code Authorization: Bearer <token>}.
 */
@RestController
@RequestMapping("/api/widget/conversations")
class WidgetController {

	private static final Logger log = LoggerFactory.getLogger(WidgetController.class);

	private static final long STREAM_TIMEOUT_MILLIS = 120_000;

	private final Conversations conversations;

	private final ConversationAnswering answering;

	private final ConversationTokens tokens;

	private final ConversationProperties properties;

	WidgetController(Conversations conversations, ConversationAnswering answering, ConversationTokens tokens,
			ConversationProperties properties) {
		this.conversations = conversations;
		this.answering = answering;
		this.tokens = tokens;
		this.properties = properties;
	}

	/**
	 * @param language the customer's language, e.g. "en"; optional
	 */
	record StartRequest(String language) {
	}

	/**
	 * @param text what the customer wrote
	 */
	record SendRequest(String text) {
	}

	record Started(UUID conversationId, String token, Instant expiresAt) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Started start(@RequestBody(required = false) StartRequest request) {
		String language = (request != null) ? request.language() : null;
		if (language != null && !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")) {
			throw new IllegalArgumentException(
					"language must be a language tag such as en or de-CH, got '" + language + "'");
		}
		UUID id = this.conversations.start(language);
		ConversationTokens.Issued issued = this.tokens.issue(id);
		return new Started(id, issued.token(), issued.expiresAt());
	}

	@PostMapping(path = "/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter sendAndStream(@PathVariable UUID id,
			@RequestHeader(name = "Authorization", required = false) String auth,
			@RequestBody(required = false) SendRequest request) {
		Message question = accept(id, auth, request);
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
		send(emitter, "message", question);
		Thread.ofVirtual().name("answer-" + id).start(() -> {
			try {
				Message answer = this.answering.answer(id, question,
						(text) -> send(emitter, "token", Map.of("text", text)));
				send(emitter, "answer", answer.forCustomer());
				emitter.complete();
			}
			catch (RuntimeException ex) {
				log.error("Streaming the answer to conversation {} failed", id, ex);
				send(emitter, "error", Map.of("detail", "Hearth could not answer just now. Please try again."));
				emitter.complete();
			}
		});
		return emitter;
	}

	@PostMapping(path = "/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> sendAndWait(@PathVariable UUID id,
			@RequestHeader(name = "Authorization", required = false) String auth,
			@RequestBody(required = false) SendRequest request) {
		Message question = accept(id, auth, request);
		Message answer = this.answering.answer(id, question, (text) -> {
		});
		Map<String, Object> result = new java.util.LinkedHashMap<>();
		result.put("message", question);
		result.put("answer", (answer != null) ? answer.forCustomer() : null);
		return result;
	}

	@GetMapping("/{id}/messages")
	List<Message> transcript(@PathVariable UUID id,
			@RequestHeader(name = "Authorization", required = false) String auth) {
		authorize(id, auth);
		return this.conversations.transcript(id).stream().map(Message::forCustomer).toList();
	}

	private Message accept(UUID id, String auth, SendRequest request) {
		authorize(id, auth);
		String text = (request != null && request.text() != null) ? request.text().strip() : "";
		if (text.isEmpty()) {
			throw new IllegalArgumentException("the message is empty: send {\"text\": \"your question\"}");
		}
		if (text.length() > this.properties.maxMessageChars()) {
			throw new IllegalArgumentException("the message has " + text.length() + " characters, at most "
					+ this.properties.maxMessageChars() + " are allowed");
		}
		return this.conversations.addCustomerMessage(id, text);
	}

	private void authorize(UUID id, String auth) {
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

	private static void send(SseEmitter emitter, String event, Object data) {
		try {
			emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			// the customer closed the stream; the answer is still stored and shows in the
			// transcript
		}
	}

}
