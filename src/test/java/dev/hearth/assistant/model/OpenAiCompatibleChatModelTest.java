package dev.hearth.assistant.model;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.hearth.privacy.EgressGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import dev.hearth.assistant.model.ModelProperties.OpenAiSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenAI-compatible path against {@link FakeOpenAiServer} on the loopback interface:
 * what is sent, what comes back (whole and streamed), and how failures read.
 */
class OpenAiCompatibleChatModelTest {

	static final EgressGuard LOOPBACK = new EgressGuard(java.util.List.of("127.0.0.1", "localhost"), null);

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	FakeOpenAiServer server;

	OpenAiCompatibleChatModel model;

	@BeforeEach
	void start() throws IOException {
		this.server = new FakeOpenAiServer();
		this.model = new OpenAiCompatibleChatModel(settings(this.server.baseUrl(), "", Duration.ofSeconds(10)),
				LOOPBACK);
	}

	@AfterEach
	void stop() {
		this.model.close();
		this.server.close();
	}

	static OpenAiSettings settings(URI baseUrl, String apiKey, Duration timeout) {
		return new OpenAiSettings(baseUrl, "qwen2.5-1.5b-instruct", apiKey, 64, 0.2, timeout);
	}

	static Prompt prompt(ChatOptions options) {
		return new Prompt(
				List.of(new SystemMessage("Answer from the passages."), new UserMessage("My internet is down.")),
				options);
	}

	@Test
	void callSendsModelMessagesAndMaxTokensAndReadsTheAnswer() {
		ChatResponse response = this.model.call(prompt(null));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Restart the router.");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(12);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(4);
		FakeOpenAiServer.Request request = this.server.lastRequest();
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.body().path("model").asString()).isEqualTo("qwen2.5-1.5b-instruct");
		assertThat(request.body().path("max_tokens").asInt()).isEqualTo(64);
		assertThat(request.body().path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(request.body().path("messages").toString())
			.isEqualTo("[{\"content\":\"Answer from the passages.\",\"role\":\"system\"},"
					+ "{\"content\":\"My internet is down.\",\"role\":\"user\"}]");
		assertThat(request.authorization()).as("no API key, no Authorization header").isNull();
	}

	@Test
	void anApiKeyIsSentAsABearerToken() {
		try (OpenAiCompatibleChatModel keyed = new OpenAiCompatibleChatModel(
				settings(this.server.baseUrl(), "s3cret", Duration.ofSeconds(10)), LOOPBACK)) {
			keyed.call(prompt(null));
		}
		assertThat(this.server.lastRequest().authorization()).isEqualTo("Bearer s3cret");
	}

	@Test
	void streamsTheTokensAndAsksForThePromptsMaxTokens() {
		List<ChatResponse> chunks = this.model.stream(prompt(ChatOptions.builder().maxTokens(7).build()))
			.collectList()
			.block(TIMEOUT);
		List<String> texts = chunks.stream()
			.filter((chunk) -> !chunk.getResults().isEmpty())
			.map((chunk) -> chunk.getResult().getOutput().getText())
			.filter((text) -> text != null && !text.isEmpty())
			.toList();
		assertThat(texts).containsExactlyElementsOf(FakeOpenAiServer.TOKENS);
		FakeOpenAiServer.Request request = this.server.lastRequest();
		assertThat(request.body().path("stream").asBoolean()).isTrue();
		assertThat(request.body().path("max_tokens").asInt()).isEqualTo(7);
		assertThat(request.body().path("model").asString()).isEqualTo("qwen2.5-1.5b-instruct");
		assertThat(request.body().path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(request.body().path("stream_options").path("include_usage").asBoolean()).isTrue();
		ChatResponse last = chunks.get(chunks.size() - 1);
		assertThat(last.getMetadata().getUsage().getCompletionTokens()).isEqualTo(4);
	}

	@Test
	void aBareServerAddressMeansItsV1Api() {
		URI bare = URI.create("http://127.0.0.1:" + this.server.port());
		try (OpenAiCompatibleChatModel barely = new OpenAiCompatibleChatModel(
				settings(bare, "", Duration.ofSeconds(10)), LOOPBACK)) {
			assertThat(barely.baseUrl()).hasToString(bare + "/v1");
			assertThat(barely.call(prompt(null)).getResult().getOutput().getText()).isEqualTo("Restart the router.");
		}
	}

	@Test
	void aServerErrorIsReportedWithTheServerAndStatus() {
		this.server.failWith = 500;
		assertThatThrownBy(() -> this.model.call(prompt(null))).isInstanceOf(ModelUnavailableException.class)
			.hasMessageStartingWith("The language model server at " + this.server.baseUrl()
					+ " (model qwen2.5-1.5b-instruct) answered HTTP 500")
			.satisfies((ex) -> assertThat(((ModelUnavailableException) ex).action())
				.isEqualTo("Check the server's health and log."));
		assertThatThrownBy(() -> this.model.stream(prompt(null)).blockLast(TIMEOUT))
			.isInstanceOf(ModelUnavailableException.class)
			.hasMessageContaining("answered HTTP 500");
		assertThat(this.server.requests).as("no retries").hasSize(2);
	}

	@Test
	void aRefusedConnectionIsReportedAsUnreachable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/v1");
		try (OpenAiCompatibleChatModel unreachable = new OpenAiCompatibleChatModel(
				settings(nobody, "", Duration.ofSeconds(5)), LOOPBACK)) {
			assertThatThrownBy(() -> unreachable.call(prompt(null))).isInstanceOf(ModelUnavailableException.class)
				.hasMessageStartingWith(
						"The language model server at " + nobody + " (model qwen2.5-1.5b-instruct) cannot be reached")
				.satisfies((ex) -> assertThat(((ModelUnavailableException) ex).action()).contains("base-url"));
			assertThatThrownBy(() -> unreachable.stream(prompt(null)).blockLast(TIMEOUT))
				.isInstanceOf(ModelUnavailableException.class)
				.hasMessageContaining("cannot be reached");
		}
	}

	@Test
	void aSlowServerTimesOut() {
		this.server.delayMillis = 10_000;
		try (OpenAiCompatibleChatModel impatient = new OpenAiCompatibleChatModel(
				settings(this.server.baseUrl(), "", Duration.ofMillis(300)), LOOPBACK)) {
			long started = System.nanoTime();
			assertThatThrownBy(() -> impatient.call(prompt(null))).isInstanceOf(ModelUnavailableException.class)
				.hasMessageContaining("did not answer within 300 ms")
				.satisfies((ex) -> assertThat(((ModelUnavailableException) ex).action()).contains("timeout"));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
		}
	}

	@Test
	void aStreamThatStallsEndsWithAnError() {
		this.server.stallAfterFirstChunk = true;
		try (OpenAiCompatibleChatModel impatient = new OpenAiCompatibleChatModel(
				settings(this.server.baseUrl(), "", Duration.ofMillis(500)), LOOPBACK)) {
			assertThatThrownBy(() -> impatient.stream(prompt(null)).blockLast(TIMEOUT))
				.isInstanceOf(ModelUnavailableException.class)
				.hasMessageContaining("did not answer within 500 ms");
		}
	}

	@Test
	void aHostThatIsNotAllowedIsRefusedBeforeAnythingIsSent() {
		EgressGuard onlyLocalhostByName = new EgressGuard(java.util.List.of("localhost"), null);
		int before = this.server.requests.size();
		try (OpenAiCompatibleChatModel guarded = new OpenAiCompatibleChatModel(
				settings(this.server.baseUrl(), "", Duration.ofSeconds(5)), onlyLocalhostByName)) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> guarded.call(new org.springframework.ai.chat.prompt.Prompt("hello")))
				.hasStackTraceContaining("Outbound call to 127.0.0.1 refused");
		}
		org.assertj.core.api.Assertions.assertThat(this.server.requests).hasSize(before);
	}

}
