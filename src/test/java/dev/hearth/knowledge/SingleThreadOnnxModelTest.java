package dev.hearth.knowledge;

import java.util.concurrent.Executors;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleThreadOnnxModelTest {

	@Test
	void givesTheSameVectorsAsTheLibrarysDefaultSession() {
		var executor = Executors.newSingleThreadExecutor();
		try {
			ClassLoader loader = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
			var single = SingleThreadOnnxModel.fromClassPath(loader, "all-minilm-l6-v2-q.onnx",
					"all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, executor);
			var library = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
			for (String text : new String[] { "How do I restart my router?",
					"Wie kündige ich meinen Vertrag?\nUnplug the router for 30 seconds, then plug it back in." }) {
				assertThat(single.embed(text).content().vector())
					.containsExactly(library.embed(text).content().vector());
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aMissingResourceIsNamed() {
		assertThatThrownBy(() -> SingleThreadOnnxModel.fromClassPath(getClass().getClassLoader(), "no-such-model.onnx",
				"no-such-tokenizer.json", PoolingMode.MEAN, Runnable::run))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("The embedding model's no-such-model.onnx is missing from the class path");
	}

}
