package dev.hearth.conversation;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The conversation module's metrics: questions taken, answers by who answered, handoffs
 * by rule and mode, the agents' queue (length now, and how long customers waited for a
 * claim). Tag values come from closed sets (enums, configured rule names), never from
 * what a customer or agent wrote: a value outside {@link #BOUNDED} is reported as
 * {@code other}. Thread-safe.
 */
@Component
class ConversationMetrics {

	/** What a tag value may look like: a rule or answerer name, not free text. */
	static final Pattern BOUNDED = Pattern.compile("[a-z0-9][a-z0-9:_.-]{0,63}");

	private final MeterRegistry registry;

	private final Counter questions;

	private final Timer queueWait;

	ConversationMetrics(MeterRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		this.questions = Counter.builder("hearth.questions")
			.description("Customer messages Hearth took a turn on")
			.register(registry);
		this.queueWait = Timer.builder("hearth.queue.wait")
			.description("How long a handed-over customer waited until an agent claimed the conversation")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(Duration.ofHours(4))
			.register(registry);
		for (ConversationState state : new ConversationState[] { ConversationState.WAITING_FOR_AGENT,
				ConversationState.WITH_AGENT }) {
			Gauge.builder("hearth.queue.size", jdbc, (db) -> count(db, state))
				.description("Conversations in the agents' queue, by state")
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

	/** A customer message entered its turn. */
	void question() {
		this.questions.increment();
	}

	/** An agent claimed a conversation that had waited {@code wait} in the queue. */
	void claimedAfter(Duration wait) {
		this.queueWait.record(wait.isNegative() ? Duration.ZERO : wait);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TurnAnswered answered) {
		Counter.builder("hearth.answers")
			.description("Customer messages Hearth answered, by who answered")
			.tag("answered_by", answerer(answered.answeredBy()))
			.register(this.registry)
			.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ConversationHandedOff handedOff) {
		Counter.builder("hearth.escalations")
			.description("Conversations handed to the agents' queue, by the rule that fired and the mode")
			.tag("rule", bounded(handedOff.rule()))
			.tag("mode", bounded(handedOff.mode()))
			.register(this.registry)
			.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TurnUnresolved unresolved) {
		Counter.builder("hearth.unresolved")
			.description("Customer messages the bot kept without resolving them (declined, asked back, or still "
					+ "waiting for a person), by the rule that decided and the outcome")
			.tag("rule", bounded(unresolved.rule()))
			.tag("outcome", bounded(unresolved.outcome()))
			.register(this.registry)
			.increment();
	}

	/** {@code approved-llm:<endpoint>} becomes {@code approved-llm}. */
	static String answerer(String answeredBy) {
		if (answeredBy != null && answeredBy.startsWith("approved-llm")) {
			return "approved-llm";
		}
		return bounded(answeredBy);
	}

	static String bounded(String value) {
		if (value == null) {
			return "none";
		}
		String lower = value.toLowerCase(Locale.ROOT);
		return BOUNDED.matcher(lower).matches() ? lower : "other";
	}

	private static double count(JdbcClient jdbc, ConversationState state) {
		return jdbc.sql("select count(*) from conversation where state = ?")
			.param(state.name())
			.query(Long.class)
			.single();
	}

}
