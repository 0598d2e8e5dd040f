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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.hearth.system.InputText;
import dev.hearth.system.DatabaseOutage;
import dev.hearth.widget.WidgetProperties;
import dev.hearth.widget.WidgetSites;

/**
 * The widget's API for anonymous customers: start a conversation (get its signed token),
 * send a message and receive the answer as Server-Sent Events ({@code message}: the
 * stored question; {@code token}: answer text as it is produced; {@code answer}: the
 * stored answer with its sources and decision), or as one JSON reply, and read the
 * transcript. Every request but the first carries {@code Authorization: Bearer <token>}.
 * The live stream, handoff, ratings and status are in {@link WidgetLiveController}.
 */
@RestController
@RequestMapping("/api/widget/conversations")
class WidgetController {

	private static final Logger log = LoggerFactory.getLogger(WidgetController.class);

	private static final long STREAM_TIMEOUT_MILLIS = 120_000;

	private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final Conversations conversations;

	private final ConversationAnswering answering;

	private final ConversationTokens tokens;

	private final ConversationProperties properties;

	private final WidgetAccess access;

	private final WidgetSites sites;

	private final Tickets tickets;

	WidgetController(Conversations conversations, ConversationAnswering answering, ConversationTokens tokens,
			ConversationProperties properties, WidgetAccess access, WidgetSites sites, Tickets tickets) {
		this.conversations = conversations;
		this.tickets = tickets;
		this.answering = answering;
		this.tokens = tokens;
		this.properties = properties;
		this.access = access;
		this.sites = sites;
	}

	/**
	 * @param language the customer's language, e.g. "en"; optional
	 * @param site the widget's site key; optional (the {@code site} query parameter, else
	 * the default site)
	 * @param country the customer's country, ISO 3166-1 alpha-2 (the page's
	 * {@code data-country}); optional: else the site's, else the browser's region
	 */
	record StartRequest(String language, String site, String country) {
	}

	/**
	 * @param text what the customer wrote
	 * @param clientId the widget's own id for this message (optional): a retry with the
	 * same id returns the stored message and its reply instead of storing it again
	 */
	record SendRequest(String text, String clientId) {
	}

	record Started(UUID conversationId, String token, Instant expiresAt) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Started start(@RequestBody(required = false) StartRequest request,
			@RequestParam(name = "site", required = false) String siteParam,
			@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
		String language = (request != null) ? request.language() : null;
		WidgetProperties.Site configured = this.sites
			.site((request != null && request.site() != null) ? request.site() : siteParam);
		String site = configured.key();
		String country = CustomerCountry.of((request != null) ? request.country() : null, configured.country(),
				acceptLanguage);
		if (language != null && !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")) {
			throw new IllegalArgumentException(
					"language must be a language tag such as en or de-CH, got '" + language + "'");
		}
		UUID id = this.conversations.start(language, site, country);
		ConversationTokens.Issued issued = this.tokens.issue(id);
		return new Started(id, issued.token(), issued.expiresAt());
	}

	@PostMapping(path = "/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter sendAndStream(@PathVariable UUID id,
			@RequestHeader(name = "Authorization", required = false) String auth,
			@RequestBody(required = false) SendRequest request) {
		Conversations.Accepted accepted = accept(id, auth, request);
		Message question = accepted.message();
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
		send(emitter, "message", question);
		Thread.ofVirtual().name("answer-" + id).start(() -> {
			try {
				Message answer = answerOnce(id, accepted, (text) -> send(emitter, "token", Map.of("text", text)));
				if (answer != null) {
					send(emitter, "answer", answer.forCustomer());
				}
				// no answer: a person has the conversation and replies through the live
				// stream
				emitter.complete();
			}
			catch (RuntimeException ex) {
				if (DatabaseOutage.causedBy(ex)) {
					// the widget sends the question again with the same client id
					log.warn("Answering conversation {} failed: the database is unavailable ({})", id, ex.getMessage());
					send(emitter, "error", Map.of("detail", "Hearth cannot reach its database just now.", "retryable",
							true, "retryAfter", DatabaseOutage.RETRY_AFTER_SECONDS));
				}
				else {
					log.error("Streaming the answer to conversation {} failed", id, ex);
					send(emitter, "error", Map.of("detail", "Hearth could not answer just now. Please try again."));
				}
				emitter.complete();
			}
		});
		return emitter;
	}

	@PostMapping(path = "/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> sendAndWait(@PathVariable UUID id,
			@RequestHeader(name = "Authorization", required = false) String auth,
			@RequestBody(required = false) SendRequest request) {
		Conversations.Accepted accepted = accept(id, auth, request);
		Message question = accepted.message();
		Message answer = answerOnce(id, accepted, (text) -> {
		});
		Map<String, Object> result = new java.util.LinkedHashMap<>();
		result.put("message", question);
		result.put("answer", (answer != null) ? answer.forCustomer() : null);
		return result;
	}

	/**
	 * @param email where the answer goes
	 * @param name how to address the customer; optional
	 */
	record Contact(String email, String name) {
	}

	/** Outside business hours: the customer's contact details open a ticket. */
	@PostMapping("/{id}/contact")
	@ResponseStatus(HttpStatus.CREATED)
	Tickets.Ticket contact(@PathVariable UUID id, @RequestHeader(name = "Authorization", required = false) String auth,
			@RequestBody(required = false) Contact contact) {
		this.access.authorize(id, auth);
		if (contact == null) {
			throw new IllegalArgumentException("send your contact details: {\"email\": \"you@example.com\"}");
		}
		return this.tickets.open(id, contact.email(), contact.name());
	}

	@GetMapping("/{id}/messages")
	List<Message> transcript(@PathVariable UUID id,
			@RequestHeader(name = "Authorization", required = false) String auth) {
		this.access.authorize(id, auth);
		return this.conversations.transcript(id).stream().map(Message::forCustomer).toList();
	}

	/**
	 * Answers a new question; for a repeated one, the reply stored the first time (or
	 * none while a person has the conversation), and only when the first attempt stored
	 * no reply (it failed), an answer now.
	 */
	private Message answerOnce(UUID id, Conversations.Accepted accepted, java.util.function.Consumer<String> stream) {
		if (accepted.repeated()) {
			java.util.Optional<Message> reply = this.conversations.replyTo(id, accepted.message().seq());
			if (reply.isPresent()) {
				return reply.get();
			}
			if (this.conversations.messagesAfter(id, accepted.message().seq())
				.stream()
				.anyMatch((m) -> m.role() == MessageRole.CUSTOMER)) {
				// a later question was asked since: this one is not answered twice
				return null;
			}
		}
		return this.answering.answer(id, accepted.head(), accepted.message(), stream);
	}

	private Conversations.Accepted accept(UUID id, String auth, SendRequest request) {
		// storing the message reads the conversation (404 when there is none)
		this.access.authorizeToken(id, auth);
		String text = (request != null && request.text() != null) ? request.text().strip() : "";
		if (!InputText.hasVisibleText(text)) {
			throw new IllegalArgumentException("the message is empty: send {\"text\": \"your question\"}");
		}
		if (text.length() > this.properties.maxMessageChars()) {
			throw new IllegalArgumentException("the message has " + text.length() + " characters, at most "
					+ this.properties.maxMessageChars() + " are allowed");
		}
		String clientId = (request != null) ? request.clientId() : null;
		if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
			throw new IllegalArgumentException(
					"clientId must be 1 to 64 letters, digits, '.', '_', ':' or '-' (a UUID, say), got '" + clientId
							+ "'");
		}
		return this.conversations.acceptCustomerMessage(id, text, clientId);
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
