package dev.hearth.conversation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The one loop that follows a conversation for a live page, shared by the widget's stream
 * and the console's conversation page: it sends a {@code message} event (SSE id: the
 * message's seq) for every message after the seq the page last saw, then for each new
 * one, and a state event first and whenever the state the caller reads changes, with a
 * keep-alive comment every 15 s, until the stream's time is up. The page reconnects with
 * the last seq it saw (the {@code Last-Event-ID} or {@code ?after=}), so nothing is lost
 * or repeated. It reads the database when {@link ConversationSignals} wakes it, and on
 * its own every {@code poll} ({@link #followSignalled}: only while the change feed is
 * down); how it learns of new rows is kept here, in one place. Thread-safe: each stream
 * runs on its own virtual thread.
 */
@Component
public class LiveFollow {

	static final long KEEP_ALIVE_MILLIS = 15_000;

	/**
	 * How often a page whose state says {@link Page#queued} re-reads it although its own
	 * conversation did not change: its place in the queue moves when others' change.
	 */
	static final long QUEUED_POLL_MILLIS = 2_000;

	private final Conversations conversations;

	private final ConversationSignals signals;

	LiveFollow(Conversations conversations, ConversationSignals signals) {
		this.conversations = conversations;
		this.signals = signals;
	}

	/**
	 * What one page follows.
	 *
	 * @param <S> the state the page shows
	 * @param name the stream thread's name
	 * @param message what a {@code message} event carries for a stored message
	 * @param stateEvent the state event's name ({@code status}, {@code state})
	 * @param state reads the state now; throwing ends the stream (e.g. the conversation
	 * is no longer the agent's to see)
	 * @param differs whether a state read differs from the one sent last ({@code null}
	 * before the first)
	 * @param queued whether the state depends on other conversations too (a place in the
	 * queue): then it is re-read every {@value #QUEUED_POLL_MILLIS} ms
	 */
	public record Page<S>(String name, Function<Message, Object> message, String stateEvent, Supplier<S> state,
			BiPredicate<S, S> differs, java.util.function.Predicate<S> queued) {

		public Page(String name, Function<Message, Object> message, String stateEvent, Supplier<S> state,
				BiPredicate<S, S> differs) {
			this(name, message, stateEvent, state, differs, (now) -> false);
		}

	}

	/**
	 * The seq to resume after: the browser's {@code Last-Event-ID} when it reconnects,
	 * else the page's {@code after}, else 0.
	 * @throws IllegalArgumentException for a negative or unreadable value, saying which
	 */
	public static int resumeAfter(Integer after, String lastEventId) {
		int from;
		if (lastEventId != null && !lastEventId.isBlank()) {
			try {
				from = Integer.parseInt(lastEventId.strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"Last-Event-ID must be the seq of the last message seen, got '" + lastEventId + "'");
			}
		}
		else {
			from = (after != null) ? after : 0;
		}
		if (from < 0) {
			throw new IllegalArgumentException("after must be 0 or the seq of the last message seen, got " + from);
		}
		return from;
	}

	/**
	 * Starts following: returns the emitter at once, the loop runs on a virtual thread.
	 * It reads the conversation when {@link ConversationSignals} says it changed (on any
	 * replica), and otherwise every {@code poll} (a safety poll).
	 * @param after the last seq the page shows
	 * @param duration how long the stream stays open
	 * @param poll the safety poll: how often it reads without a signal
	 */
	public <S> SseEmitter follow(UUID conversation, int after, Duration duration, Duration poll, Page<S> page) {
		return start(conversation, after, duration, poll, false, page);
	}

	/**
	 * Like {@link #follow}, but reads only when {@link ConversationSignals} says the
	 * conversation changed (a notification, or the replica's sweep on every catch-up tick
	 * of the change feed), or its place in the queue may have moved; its own safety poll
	 * runs only while the feed's listener connection is down. For pages held open in
	 * large numbers (the widget's stream), whose state the notifications cover.
	 * @param fallbackPoll how often it reads without a signal while the feed is down
	 */
	public <S> SseEmitter followSignalled(UUID conversation, int after, Duration duration, Duration fallbackPoll,
			Page<S> page) {
		return start(conversation, after, duration, fallbackPoll, true, page);
	}

	private <S> SseEmitter start(UUID conversation, int after, Duration duration, Duration poll, boolean onlyWhenDown,
			Page<S> page) {
		SseEmitter emitter = new SseEmitter(duration.toMillis() + 10_000);
		Thread.ofVirtual()
			.name(page.name() + "-" + conversation)
			.start(() -> run(conversation, after, duration.toMillis(), Math.max(50, poll.toMillis()), onlyWhenDown,
					page, emitter));
		return emitter;
	}

	private <S> void run(UUID conversation, int after, long duration, long poll, boolean onlyWhenDown, Page<S> page,
			SseEmitter emitter) {
		long deadline = System.currentTimeMillis() + duration;
		int last = after;
		S shown = null;
		long lastWrite = System.currentTimeMillis();
		long lastRead = 0;
		boolean read = true;
		// subscribed before the first read: a change between a read and the wait still
		// wakes it
		try (ConversationSignals.Subscription changes = this.signals.subscribe(conversation)) {
			while (System.currentTimeMillis() < deadline) {
				if (read) {
					lastRead = System.currentTimeMillis();
					List<Message> fresh = this.conversations.messagesAfter(conversation, last);
					for (Message message : fresh) {
						emitter.send(SseEmitter.event()
							.id(Integer.toString(message.seq()))
							.name("message")
							.data(page.message().apply(message), MediaType.APPLICATION_JSON));
						last = message.seq();
						lastWrite = System.currentTimeMillis();
					}
					S now = page.state().get();
					if (shown == null || page.differs().test(now, shown)) {
						emitter.send(SseEmitter.event().name(page.stateEvent()).data(now, MediaType.APPLICATION_JSON));
						shown = now;
						lastWrite = System.currentTimeMillis();
					}
				}
				long now = System.currentTimeMillis();
				if (now - lastWrite >= KEEP_ALIVE_MILLIS) {
					emitter.send(SseEmitter.event().comment("keep-alive"));
					lastWrite = now;
				}
				boolean queued = shown != null && page.queued().test(shown);
				long every = queued ? Math.min(poll, QUEUED_POLL_MILLIS)
						: (onlyWhenDown && this.signals.live()) ? duration : poll;
				long wait = Math.min(Math.min(lastRead + every, lastWrite + KEEP_ALIVE_MILLIS), deadline) - now;
				boolean signalled = changes.await(Duration.ofMillis(Math.max(0, wait)));
				read = signalled || System.currentTimeMillis() >= lastRead + every;
			}
			emitter.complete();
		}
		catch (IOException | IllegalStateException ex) {
			// the page went away; it resumes from its last seq when it comes back
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
		catch (RuntimeException ex) {
			// e.g. transferred to another agent, or the conversation is gone: nothing
			// more
			// to follow
			emitter.complete();
		}
	}

}
