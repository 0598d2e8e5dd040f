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

import dev.hearth.knowledge.PlantedInstructions;

/**
 * Answers from passages with a language model. The prompt allows only the numbered
 * passages and asks for {@code NO_ANSWER} when they do not hold the answer; the passages,
 * the conversation so far and the customer's message are framed as data blocks that
 * cannot instruct the model ({@link PromptFraming}), and sentences of a passage that read
 * like an instruction to an AI are left out of them. The model's text is streamed
 * sentence by sentence, and only a sentence that the {@link GroundingCheck} supports and
 * the {@link OutputCheck} lets through is passed on (the first one must also share a word
 * with the question): the first other sentence ends generation. The model, its options
 * and the system prompt are fixed at construction; nothing in a passage or message
 * selects them. The whole answer is bounded by {@code model-timeout-seconds}, however the
 * model server behaves (silent, trickling or gone). Thread-safe if the model is.
 */
final class GenerativeAnswers {

	static final String NO_ANSWER = "NO_ANSWER";

	private static final Pattern SENTENCE_END = Pattern
		.compile("(?<=[.!?])[\"')\\]]*(?:\\s*\\[\\d+(?:\\s*,\\s*\\d+)*])?\\s+");

	private static final Pattern CITED = Pattern.compile("\\[(\\d+)(?:\\s*,\\s*(\\d+))*]");

	private static final Pattern PASSAGE_SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\n+");

	static final String SYSTEM = """
			You are a customer support assistant. Answer the customer's question, which is in the CUSTOMER_MESSAGE \
			block, using only the PASSAGE blocks; the passage numbers are the n in their delimiters. After each \
			sentence, cite the passage it comes from as [1], [2], ... Do not add facts, prices, dates or numbers \
			that are not in the passages. If the passages do not contain the answer, reply with exactly NO_ANSWER \
			and nothing else. Answer in at most four sentences, in the language of the question, as plain text \
			without links, images or markup.
			""" + PromptFraming.DATA_RULES;

	/**
	 * Where model streams are subscribed: a virtual thread each, so a hung model server
	 * never exhausts platform threads.
	 */
	private static final Scheduler SUBSCRIBERS = Schedulers.fromExecutorService(
			Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("model-answer-", 0).factory()), "model-answer");

	private final ChatModel model;

	private final AssistantProperties.Answer settings;

	private final OutputCheck output;

	GenerativeAnswers(ChatModel model, AssistantProperties.Answer settings, OutputCheck output) {
		this.model = model;
		this.settings = settings;
		this.output = output;
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

	/**
	 * The output check rejected a sentence ({@code check} as in
	 * {@link OutputCheck.Rejection}, or {@code OFF_QUESTION} when the first sentence
	 * shares no word with the question); {@code shown} is what was streamed before it.
	 */
	record Rejected(String shown, String check, String detail) implements Result {
	}

	/** The model failed. */
	record Failed(String message) implements Result {
	}

	/**
	 * @param question the customer's words
	 * @param query the self-contained question (for the relevance of the first sentence)
	 */
	Result generate(String question, String query, List<Turn> history, List<Passage> passages,
			Consumer<String> stream) {
		List<String> texts = passages.stream().map((p) -> screened(p.hit().passage())).toList();
		GroundingCheck check = new GroundingCheck(texts, this.settings.minSupport());
		PromptFraming framing = PromptFraming.start();
		List<String> customer = new ArrayList<>();
		history.stream().filter(Turn::fromCustomer).map(Turn::text).forEach(customer::add);
		customer.add(question);
		Gate gate = new Gate(check, new OutputCheck.Sources(SYSTEM, framing.nonce(), texts, customer),
				ContentWords.setOf(question + " " + query));
		StringBuilder pending = new StringBuilder();
		StringBuilder shown = new StringBuilder();
		Duration limit = Duration.ofSeconds(this.settings.modelTimeoutSeconds());
		long deadline = System.nanoTime() + limit.toNanos();
		try {
			// subscribed and cancelled on virtual threads: a client that blocks while it
			// subscribes, or while it closes a stalled stream, holds neither this thread
			// nor one of the few timer threads that end the other turns' streams; cut off
			// at the limit however slowly the model trickles
			for (ChatResponse response : this.model.stream(prompt(framing, question, history, passages, texts))
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
					Result stop = emit(sentence, gate, shown, stream);
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
			Result stop = emit(pending.toString(), gate, shown, stream);
			if (stop != null) {
				return stop;
			}
		}
		return new Generated(shown.toString().strip(), citations(shown.toString(), passages));
	}

	/** What a sentence must pass before it is streamed. */
	private record Gate(GroundingCheck grounding, OutputCheck.Sources sources, java.util.Set<String> questionWords) {
	}

	private Result emit(String sentence, Gate gate, StringBuilder shown, Consumer<String> stream) {
		if (sentence.isBlank()) {
			return null;
		}
		java.util.Optional<OutputCheck.Rejection> rejected = this.output.check(sentence, gate.sources())
			.or(() -> this.output.check(shown + sentence, gate.sources()));
		if (rejected.isPresent()) {
			return new Rejected(shown.toString(), rejected.get().check(), rejected.get().detail());
		}
		if (!gate.grounding().supports(sentence)) {
			return new Ungrounded(shown.toString(), sentence.strip());
		}
		if (shown.isEmpty() && !gate.questionWords().isEmpty()
				&& ContentWords.setOf(sentence).stream().noneMatch(gate.questionWords()::contains)) {
			return new Rejected("", "OFF_QUESTION", "the first sentence shares no word with the question");
		}
		shown.append(sentence);
		stream.accept(sentence);
		return null;
	}

	private static boolean isNoAnswer(StringBuilder shown, StringBuilder pending) {
		return shown.isEmpty() && pending.toString().strip().toUpperCase(Locale.ROOT).startsWith(NO_ANSWER);
	}

	private static Prompt prompt(PromptFraming framing, String question, List<Turn> history, List<Passage> passages,
			List<String> texts) {
		framing.note("Passages:");
		for (int i = 0; i < passages.size(); i++) {
			Passage passage = passages.get(i);
			String header = passage.hit().title()
					+ (passage.hit().sectionPath().isEmpty() ? "" : " — " + passage.hit().sectionPath());
			framing.block("PASSAGE", i + 1, header, texts.get(i));
		}
		if (!history.isEmpty()) {
			framing.note("Conversation so far, oldest first:");
			framing.history(history.subList(Math.max(0, history.size() - 6), history.size()));
		}
		framing.note("The customer's question:");
		framing.block("CUSTOMER_MESSAGE", 0, null, question);
		return new Prompt(List.of(new SystemMessage(SYSTEM), new UserMessage(framing.text())));
	}

	/**
	 * The passage without its sentences that read like an instruction to an AI (the
	 * import leaves such blocks out; this catches documents imported before it did, and
	 * sentences inside otherwise ordinary blocks).
	 */
	static String screened(String passage) {
		if (PlantedInstructions.find(passage).isEmpty()) {
			return passage;
		}
		StringBuilder kept = new StringBuilder();
		for (String sentence : PASSAGE_SENTENCE.split(passage)) {
			if (!sentence.isBlank() && PlantedInstructions.find(sentence).isEmpty()) {
				kept.append(sentence.strip()).append(' ');
			}
		}
		return kept.toString().strip();
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
