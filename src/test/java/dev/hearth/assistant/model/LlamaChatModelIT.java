package dev.hearth.assistant.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import dev.hearth.assistant.model.ModelProperties.LlamaSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The llama.cpp path end to end on a tiny random-weight model that {@link TinyGguf}
 * writes: template rendering, streaming, limits, stop sequences, cancellation,
 * serialisation and errors. The text is gibberish; its shape is what is tested.
 */
class LlamaChatModelIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	static Path folder;

	static LlamaChatModel model;

	@BeforeAll
	static void load() throws IOException {
		model = new LlamaChatModel(settings(TinyGguf.write(folder.resolve("tiny.gguf"), TinyGguf.Spec.tiny())));
	}

	@AfterAll
	static void close() {
		if (model != null) {
			model.close();
		}
	}

	static LlamaSettings settings(Path file) {
		return new LlamaSettings(file, null, 512, 2, 16, 0.0, 0, false);
	}

	static Prompt prompt(String question, ChatOptions options) {
		return new Prompt(List.of(new SystemMessage("Answer from the passages."), new UserMessage(question)), options);
	}

	static String text(List<ChatResponse> chunks) {
		StringBuilder text = new StringBuilder();
		chunks.forEach((chunk) -> text.append(chunk.getResult().getOutput().getText()));
		return text.toString();
	}

	@Test
	void rendersChatMlWhenTheModelHasNoTemplate() {
		assertThat(model.file().hasChatTemplate()).isFalse();
		assertThat(model.render(prompt("How do I reset my router?", null))).isEqualTo("""
				<|im_start|>system
				Answer from the passages.<|im_end|>
				<|im_start|>user
				How do I reset my router?<|im_end|>
				<|im_start|>assistant
				""");
	}

	@Test
	void rendersTheTemplateTheModelCarries() throws IOException {
		String llama3 = "{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'"
				+ " + message['content'] | trim + '<|eot_id|>' }}{% endfor %}{% if add_generation_prompt %}"
				+ "{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";
		Path file = TinyGguf.write(folder.resolve("templated.gguf"), TinyGguf.Spec.tiny().withChatTemplate(llama3));
		try (LlamaChatModel templated = new LlamaChatModel(settings(file))) {
			assertThat(templated.file().hasChatTemplate()).isTrue();
			assertThat(templated.render(prompt("Hello", null)))
				.contains("<|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>")
				.endsWith("<|start_header_id|>assistant<|end_header_id|>\n\n");
		}
	}

	@Test
	void streamsTokensAndStopsAtMaxTokens() {
		List<ChatResponse> chunks = model
			.stream(prompt("Is my refund on its way?", ChatOptions.builder().maxTokens(12).build()))
			.collectList()
			.block(TIMEOUT);
		assertThat(chunks).hasSizeGreaterThan(2);
		assertThat(text(chunks)).isNotBlank();
		ChatResponse last = chunks.get(chunks.size() - 1);
		assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("LENGTH");
		assertThat(last.getMetadata().getUsage().getCompletionTokens()).isEqualTo(12);
		assertThat(last.getMetadata().getUsage().getPromptTokens())
			.isEqualTo(model.countTokens(model.render(prompt("Is my refund on its way?", null))));
		assertThat(last.getMetadata().getModel()).isEqualTo("hearth-tiny-random");
	}

	@Test
	void callReturnsTheWholeAnswerWithUsage() {
		ChatResponse response = model.call(prompt("What does the green light mean?", null));
		assertThat(response.getResult().getOutput().getText()).isNotBlank();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("LENGTH");
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(16);
		assertThat(response.getMetadata().getUsage().getTotalTokens())
			.isEqualTo(response.getMetadata().getUsage().getPromptTokens() + 16);
	}

	@Test
	void stopsAtAStopSequenceAndLeavesItOut() {
		ChatOptions longer = ChatOptions.builder().maxTokens(40).build();
		String free = model.call(prompt("Which plan suits me?", longer)).getResult().getOutput().getText();
		// greedy decoding repeats itself: stop at the second half's first few characters
		String stop = free.substring(free.length() / 2, free.length() / 2 + 3);
		int expectedEnd = free.indexOf(stop);
		ChatResponse stopped = model.call(prompt("Which plan suits me?",
				ChatOptions.builder().maxTokens(40).stopSequences(List.of(stop)).build()));
		assertThat(stopped.getResult().getOutput().getText()).isEqualTo(free.substring(0, expectedEnd));
		assertThat(stopped.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(stopped.getMetadata().getUsage().getCompletionTokens()).isLessThan(40);
	}

	@Test
	void disposingTheStreamStopsTheGeneration() {
		long before = model.tokensGenerated();
		List<ChatResponse> firstThree = model
			.stream(prompt("Tell me everything about roaming.", ChatOptions.builder().maxTokens(400).build()))
			.take(3)
			.collectList()
			.block(TIMEOUT);
		assertThat(firstThree).hasSize(3);
		// the next request waits for the worker, so the cancelled generation has ended
		ChatResponse next = model.call(prompt("And the SIM?", ChatOptions.builder().maxTokens(4).build()));
		assertThat(next.getMetadata().getUsage().getCompletionTokens()).isEqualTo(4);
		assertThat(model.tokensGenerated() - before - 4).isBetween(3L, 20L);
	}

	@Test
	void generationsRunOneAtATime() {
		List<List<ChatResponse>> answers = Flux.range(0, 3)
			.flatMap((i) -> model.stream(prompt("Question " + i, ChatOptions.builder().maxTokens(8).build()))
				.collectList()
				.subscribeOn(Schedulers.boundedElastic()))
			.collectList()
			.block(TIMEOUT);
		assertThat(answers).hasSize(3).allSatisfy((chunks) -> {
			ChatResponse last = chunks.get(chunks.size() - 1);
			assertThat(last.getMetadata().getUsage().getCompletionTokens()).isEqualTo(8);
		});
	}

	@Test
	void aPromptLongerThanTheContextIsRefused() {
		String passages = "the router light is green ".repeat(200);
		assertThatThrownBy(() -> model.call(prompt(passages, null))).isInstanceOf(ModelUnavailableException.class)
			.hasMessageContaining("tokens; the model's context holds 512.");
	}

	@Test
	void aClosedModelSaysSo() throws IOException {
		Path file = TinyGguf.write(folder.resolve("closing.gguf"), TinyGguf.Spec.tiny());
		LlamaChatModel closing = new LlamaChatModel(settings(file));
		closing.close();
		assertThatThrownBy(() -> closing.call(prompt("Hello", null))).isInstanceOf(ModelUnavailableException.class)
			.hasMessage("The llama.cpp model " + file + " has been closed.");
		assertThatThrownBy(() -> closing.stream(prompt("Hello", null)).blockLast(TIMEOUT))
			.isInstanceOf(ModelUnavailableException.class)
			.hasMessageContaining("has been closed");
	}

}
