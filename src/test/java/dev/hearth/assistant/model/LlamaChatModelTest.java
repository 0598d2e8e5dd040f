package dev.hearth.assistant.model;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hearth.assistant.model.ModelProperties.LlamaSettings;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings and files that {@link LlamaChatModel} refuses before loading anything native.
 */
class LlamaChatModelTest {

	@TempDir
	static Path folder;

	static Path tiny;

	@BeforeAll
	static void writeModel() throws IOException {
		tiny = TinyGguf.write(folder.resolve("tiny.gguf"), TinyGguf.Spec.tiny());
	}

	@Test
	void aModelIsNotALoraAdapter() {
		LlamaSettings settings = new LlamaSettings(tiny, tiny, 512, 1, 16, 0.2, 0, false);
		assertThatThrownBy(() -> new LlamaChatModel(settings)).isInstanceOf(ModelUnavailableException.class)
			.hasMessage(
					"The file " + tiny + " is a GGUF model, not a LoRA adapter (its general.type is not 'adapter').");
	}

	@Test
	void aMissingAdapterIsNamed() {
		Path missing = folder.resolve("support-lora.gguf");
		LlamaSettings settings = new LlamaSettings(tiny, missing, 512, 1, 16, 0.2, 0, false);
		assertThatThrownBy(() -> new LlamaChatModel(settings))
			.hasMessage("The GGUF LoRA adapter file " + missing + " does not exist.");
	}

	@Test
	void settingsOutOfRangeAreRefused() {
		LlamaSettings answerLongerThanContext = new LlamaSettings(tiny, null, 512, 1, 512, 0.2, 0, false);
		assertThatThrownBy(() -> new LlamaChatModel(answerLongerThanContext))
			.isInstanceOf(ModelUnavailableException.class)
			.hasMessageStartingWith("The llama settings are out of range");
		LlamaSettings negativeTemperature = new LlamaSettings(tiny, null, 512, 1, 16, -1, 0, false);
		assertThatThrownBy(() -> new LlamaChatModel(negativeTemperature))
			.hasMessageStartingWith("The llama settings are out of range");
	}

}
