package dev.hearth.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hearth.retrieval.Fusion;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddingConfigurationTest {

	private static KnowledgeProperties properties(String id, Path model, Path tokenizer) {
		return new KnowledgeProperties(52_428_800, new KnowledgeProperties.Chunk(1200, 200), "en", id,
				List.of("customer"), new KnowledgeProperties.Sample(false),
				new KnowledgeProperties.Search(Fusion.LINEAR, 5, 0),
				new KnowledgeProperties.Embedding(model, tokenizer, "mean"),
				new KnowledgeProperties.Batch(20, 104_857_600));
	}

	@Test
	void aModelPathMustBeAReadableFile(@TempDir Path dir) throws IOException {
		Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
		assertThatThrownBy(() -> new EmbeddingConfiguration()
			.embeddingModel(properties("multilingual", dir.resolve("missing.onnx"), tokenizer)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("hearth.knowledge.embedding.model-path must be the model's ONNX file (model.onnx), got '"
					+ dir.resolve("missing.onnx") + "', which is not a readable file");
		assertThatThrownBy(
				() -> new EmbeddingConfiguration().embeddingModel(properties("multilingual", tokenizer, null)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("hearth.knowledge.embedding.tokenizer-path must be the model's tokenizer.json, got nothing");
	}

	@Test
	void anotherModelNeedsItsOwnIdSoStoredVectorsAreReEmbedded(@TempDir Path dir) throws IOException {
		Path model = Files.writeString(dir.resolve("model.onnx"), "x");
		Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
		assertThatThrownBy(() -> new EmbeddingConfiguration()
			.embeddingModel(properties(KnowledgeProperties.BUNDLED_EMBEDDING_MODEL_ID, model, tokenizer)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hearth.knowledge.embedding-model-id is still 'all-minilm-l6-v2-q'");
	}

	@Test
	void poolingIsMeanOrCls() {
		assertThat(InProcessEmbeddingModel.poolingMode("MEAN")).isEqualTo(PoolingMode.MEAN);
		assertThat(InProcessEmbeddingModel.poolingMode(" cls ")).isEqualTo(PoolingMode.CLS);
		assertThatThrownBy(() -> InProcessEmbeddingModel.poolingMode("max"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("hearth.knowledge.embedding.pooling must be 'mean' or 'cls', got 'max'");
	}

}
