package dev.hearth.assistant.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GGUF headers are read, and files that are not GGUF models are refused with their path
 * and what to do, before llama.cpp sees them.
 */
class GgufFileTest {

	@TempDir
	static Path folder;

	static Path tiny;

	@BeforeAll
	static void writeModel() throws IOException {
		tiny = TinyGguf.write(folder.resolve("tiny.gguf"), TinyGguf.Spec.tiny());
	}

	@Test
	void readsTheMetadataHearthUses() {
		GgufFile file = GgufFile.read(tiny, GgufFile.Role.MODEL);
		assertThat(file.version()).isEqualTo(3);
		assertThat(file.architecture()).isEqualTo("llama");
		assertThat(file.name()).isEqualTo("hearth-tiny-random");
		assertThat(file.addsBosToken()).isTrue();
		assertThat(file.hasChatTemplate()).isFalse();
		assertThat(file.isAdapter()).isFalse();
		assertThat(file.trainedContextLength()).isEqualTo(512);
		assertThat(file.size()).isEqualTo(tiny.toFile().length());
	}

	@Test
	void aMissingFileIsNamed() {
		Path missing = folder.resolve("nope.gguf");
		assertThatThrownBy(() -> GgufFile.read(missing, GgufFile.Role.MODEL))
			.isInstanceOf(ModelUnavailableException.class)
			.hasMessage("The GGUF model file " + missing + " does not exist.");
	}

	@Test
	void aMissingAdapterPointsToItsOwnSetting() {
		Path missing = folder.resolve("adapter.gguf");
		assertThatThrownBy(() -> GgufFile.read(missing, GgufFile.Role.LORA))
			.isInstanceOf(ModelUnavailableException.class)
			.hasMessage("The GGUF LoRA adapter file " + missing + " does not exist.")
			.satisfies((ex) -> assertThat(((ModelUnavailableException) ex).action())
				.contains("hearth.assistant.model.llama.lora-path"));
	}

	@Test
	void aFolderIsRefused() {
		assertThatThrownBy(() -> GgufFile.read(folder, GgufFile.Role.MODEL))
			.hasMessage("The GGUF model file " + folder + " is not a regular file.");
	}

	@Test
	void aFileThatIsNotGgufIsRefused() throws IOException {
		Path safetensors = Files.write(folder.resolve("model.safetensors"),
				new byte[] { 0x08, 0, 0, 0, 0, 0, 0, 0, '{' });
		assertThatThrownBy(() -> GgufFile.read(safetensors, GgufFile.Role.MODEL))
			.hasMessage("The GGUF model file " + safetensors
					+ " is not a GGUF file: it starts with bytes 08 00 00 00, a GGUF file with 'GGUF' (47 47 55 46).")
			.satisfies((ex) -> assertThat(((ModelUnavailableException) ex).action()).contains("convert_hf_to_gguf.py"));
	}

	@Test
	void aTruncatedFileIsRefused() throws IOException {
		Path truncated = Files.write(folder.resolve("truncated.gguf"), Arrays.copyOf(Files.readAllBytes(tiny), 300));
		assertThatThrownBy(() -> GgufFile.read(truncated, GgufFile.Role.MODEL))
			.hasMessage("The GGUF model file " + truncated + " is truncated or corrupt: its header ends early.");
		Path empty = Files.write(folder.resolve("empty.gguf"), new byte[0]);
		assertThatThrownBy(() -> GgufFile.read(empty, GgufFile.Role.MODEL))
			.hasMessageContaining("its header ends early");
	}

	@Test
	void anUnknownVersionIsRefused() throws IOException {
		byte[] bytes = Files.readAllBytes(tiny);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 7);
		Path future = Files.write(folder.resolve("future.gguf"), bytes);
		assertThatThrownBy(() -> GgufFile.read(future, GgufFile.Role.MODEL)).hasMessage(
				"The GGUF model file " + future + " is GGUF version 7; the bundled llama.cpp reads versions 2 and 3.");
	}

}
