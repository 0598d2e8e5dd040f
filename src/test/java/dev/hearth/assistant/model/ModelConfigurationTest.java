package dev.hearth.assistant.model;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@link ChatModel} the configuration makes, and how a model that cannot be set up
 * stops the start.
 */
class ModelConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ModelConfiguration.class)
		.withBean(dev.hearth.privacy.EgressGuard.class,
				() -> new dev.hearth.privacy.EgressGuard(java.util.List.of("127.0.0.1", "localhost"), null));

	@TempDir
	Path folder;

	@Test
	void noProviderMeansNoChatModel() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ChatModel.class);
			assertThat(context.getBean(ModelProperties.class).provider()).isEqualTo(ModelProperties.Provider.NONE);
		});
		this.runner.withPropertyValues("hearth.assistant.model.provider=none")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatModel.class));
	}

	@Test
	void aMissingModelFileStopsTheStartWithOneClearMessage() {
		Path missing = this.folder.resolve("models/qwen2.5-1.5b-instruct-q4_k_m.gguf");
		this.runner
			.withPropertyValues("hearth.assistant.model.provider=llama",
					"hearth.assistant.model.llama.model-path=" + missing)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ModelFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("The GGUF model file " + missing + " does not exist.");
				assertThat(analysis.getAction()).isEqualTo("Put the model there, or set "
						+ "hearth.assistant.model.llama.model-path to a GGUF model file (see docs/models.md).");
			});
	}

	@Test
	void llamaWithoutAModelPathStopsTheStart() {
		this.runner.withPropertyValues("hearth.assistant.model.provider=llama").run((context) -> {
			FailureAnalysis analysis = new ModelFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo(
					"hearth.assistant.model.provider is llama, but hearth.assistant.model.llama.model-path is not set.");
		});
	}

	@Test
	void aFileThatIsNotGgufStopsTheStart() throws Exception {
		Path text = Files.writeString(this.folder.resolve("model.gguf"), "<html>Not found</html>");
		this.runner
			.withPropertyValues("hearth.assistant.model.provider=llama",
					"hearth.assistant.model.llama.model-path=" + text)
			.run((context) -> assertThat(
					new ModelFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.startsWith("The GGUF model file " + text + " is not a GGUF file: it starts with bytes 3c 68 74 6d"));
	}

	@Test
	void openAiMakesAChatModelWithoutConnecting() {
		this.runner
			.withPropertyValues("hearth.assistant.model.provider=openai",
					"hearth.assistant.model.openai.base-url=http://127.0.0.1:9/v1",
					"hearth.assistant.model.openai.model=qwen2.5-7b-instruct")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ChatModel.class);
				assertThat(context.getBean(ChatModel.class)).isInstanceOf(OpenAiCompatibleChatModel.class);
				assertThat(context.getBean(ModelProperties.class).openai().timeout()).hasSeconds(60);
			});
	}

	@Test
	void openAiWithoutABaseUrlStopsTheStart() {
		this.runner.withPropertyValues("hearth.assistant.model.provider=openai").run((context) -> {
			FailureAnalysis analysis = new ModelFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo(
					"hearth.assistant.model.provider is openai, but hearth.assistant.model.openai.base-url is not set.");
		});
	}

	@Test
	void anUnknownProviderStopsTheStart() {
		this.runner.withPropertyValues("hearth.assistant.model.provider=gpt")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(new ModelFailureAnalyzer().analyze(new IllegalStateException("no database"))).isNull();
	}

}
