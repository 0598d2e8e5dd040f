package dev.hearth.assistant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Answers from passages with a language model. The prompt allows only the numbered
 * passages and asks for {@code NO_ANSWER} when they do not hold the answer. The model's
 * text is streamed sentence by sentence, and only a sentence that the
 * {@link GroundingCheck} supports is passed on: the first unsupported sentence ends
 * generation. The whole answer is bounded by {@code model-timeout-seconds}, however the
 * model server behaves (silent, trickling or gone). Thread-safe if the model is.
 */
final class GenerativeAnswers {

	static final String NO_ANSWER = "NO_ANSWER";

	private static final Pattern SENTENCE_END = Pattern
		.compile("(?<=[.!?])[\"')\\]]*(?:\\s*\\[\\d+(?:\\s*,\\s*\\d+)*])?\\s+");

	private static final Pattern CITED = Pattern.compile("\\[(\\d+)(?:\\s*,\\s*(\\d+))*]");

	private static final String SYSTEM = """
			You are a customer support assistant. Answer the customer's question using only the numbered passages \
			you are given. After each sentence, cite the passage it comes from as [1], [2], ... Do not add facts, \
			prices, dates or numbers that are not in the passages. If the passages do not contain the answer, reply \
			with exactly NO_ANSWER and nothing else. Answer in at most four sentences, in the language of the \
			question.""";

	/**
	 * Where model streams are subscribed: a virtual thread each, so a hung model server
	 * never exhausts platform threads.
	 */
	private static final Scheduler SUBSCRIBERS = Schedulers.fromExecutorService(
			Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("model-answer-", 0).factory()), "model-answer");

	private final ChatModel model;

	private final AssistantProperties.Answer settings;

	GenerativeAnswers(ChatModel model, AssistantProperties.Answer settings) {
		this.model = model;
		this.settings = settings;
	}

	/** What generation produced. */
	sealed interface Result {

	}

	/** A grounded answer (every sentence supported), all of which was streamed. */
	record Generated(String text, List<Citation> citations) implements Result {
	}

	/** The model said the passages do not hold the answer. */
	record NoAnswer() implements Result {
	}

	/**
	 * The model wrote a sentence the passages do not support; {@code shown} is what was
	 * streamed before it.
	 */
	record Ungrounded(String shown, String sentence) implements Result {
	}

	/** The model failed. */
	record Failed(String message) implements Result {
	}

	Result generate(String question, List<Turn> history, List<Passage> passages, Consumer<String> stream) {
		GroundingCheck check = new GroundingCheck(passages.stream().map((p) -> p.hit().passage()).toList(),
				this.settings.minSupport());
		StringBuilder pending = new StringBuilder();
		StringBuilder shown = new StringBuilder();
		Duration limit = Duration.ofSeconds(this.settings.modelTimeoutSeconds());
		long deadline = System.nanoTime() + limit.toNanos();
		try {
			// subscribed and cancelled on virtual threads: a client that blocks while it
			// subscribes, or while it closes a stalled stream, holds neither this thread
			// nor one of the few timer threads that end the other turns' streams; cut off
			// at the limit however slowly the model trickles
			for (ChatResponse response : this.model.stream(prompt(question, history, passages))
				.subscribeOn(SUBSCRIBERS)
				.cancelOn(SUBSCRIBERS)
				.timeout(limit)
				.takeUntilOther(Mono.delay(limit))
				.toIterable()) {
				if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
					continue;
				}
				String piece = response.getResult().getOutput().getText();
				if (piece == null) {
					continue;
				}
				pending.append(piece);
				if (isNoAnswer(shown, pending)) {
					return new NoAnswer();
				}
				Matcher end = SENTENCE_END.matcher(pending);
				int consumed = 0;
				while (end.find()) {
					String sentence = pending.substring(consumed, end.end());
					consumed = end.end();
					Result stop = emit(sentence, check, shown, stream);
					if (stop != null) {
						return stop;
					}
				}
				pending.delete(0, consumed);
			}
		}
		catch (RuntimeException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			return (shown.isEmpty()) ? new Failed(message) : new Ungrounded(shown.toString(), "(model failed)");
		}
		if (System.nanoTime() - deadline >= 0) {
			return (shown.isEmpty())
					? new Failed("the model did not finish its answer within " + limit.toSeconds() + " s")
					: new Ungrounded(shown.toString(), "(model timed out)");
		}
		if (isNoAnswer(shown, pending) || (shown.isEmpty() && pending.toString().isBlank())) {
			return new NoAnswer();
		}
		if (!pending.toString().isBlank()) {
			Result stop = emit(pending.toString(), check, shown, stream);
			if (stop != null) {
				return stop;
			}
		}
		return new Generated(shown.toString().strip(), citations(shown.toString(), passages));
	}

	private Result emit(String sentence, GroundingCheck check, StringBuilder shown, Consumer<String> stream) {
		if (sentence.isBlank()) {
			return null;
		}
		if (!check.supports(sentence)) {
			return new Ungrounded(shown.toString(), sentence.strip());
		}
		shown.append(sentence);
		stream.accept(sentence);
		return null;
	}

	private static boolean isNoAnswer(StringBuilder shown, StringBuilder pending) {
		return shown.isEmpty() && pending.toString().strip().toUpperCase(Locale.ROOT).startsWith(NO_ANSWER);
	}

	private static Prompt prompt(String question, List<Turn> history, List<Passage> passages) {
		StringBuilder user = new StringBuilder("Passages:\n");
		for (int i = 0; i < passages.size(); i++) {
			Passage passage = passages.get(i);
			user.append('[').append(i + 1).append("] ").append(passage.hit().title());
			if (!passage.hit().sectionPath().isEmpty()) {
				user.append(" — ").append(passage.hit().sectionPath());
			}
			user.append('\n').append(passage.hit().passage()).append("\n\n");
		}
		if (!history.isEmpty()) {
			user.append("Conversation so far:\n");
			for (Turn turn : history.subList(Math.max(0, history.size() - 6), history.size())) {
				user.append(turn.fromCustomer() ? "Customer: " : "Assistant: ").append(turn.text()).append('\n');
			}
			user.append('\n');
		}
		user.append("Question: ").append(question);
		return new Prompt(List.of(new SystemMessage(SYSTEM), new UserMessage(user.toString())));
	}

	private static List<Citation> citations(String text, List<Passage> passages) {
		List<Citation> citations = new ArrayList<>();
		List<Integer> seen = new ArrayList<>();
		Matcher matcher = CITED.matcher(text);
		while (matcher.find()) {
			for (String number : matcher.group().replaceAll("[\\[\\]\\s]", "").split(",")) {
				int n = Integer.parseInt(number);
				if (n >= 1 && n <= passages.size() && !seen.contains(n)) {
					seen.add(n);
					citations.add(passages.get(n - 1).citation(n));
				}
			}
		}
		if (citations.isEmpty() && !passages.isEmpty()) {
			citations.add(passages.get(0).citation(1));
		}
		return citations;
	}

}
