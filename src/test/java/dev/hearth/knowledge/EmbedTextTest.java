package dev.hearth.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's own single-tokenizing path gives exactly the library encoder's vectors, on
 * the sample knowledge base's chunks and beyond one window.
 */
class EmbedTextTest {

	private static ExecutorService executor;

	private static SingleThreadOnnxModel model;

	@BeforeAll
	static void load() {
		executor = Executors.newFixedThreadPool(2);
		model = SingleThreadOnnxModel.fromClassPath(AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader(),
				"all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, executor);
	}

	@AfterAll
	static void close() {
		executor.shutdownNow();
	}

	@Test
	void givesTheLibraryEncodersVectorsExactly() throws IOException {
		List<String> texts = sampleChunkTexts();
		assertThat(texts).hasSizeGreaterThan(100);
		texts.add("How do I restart my router?");
		texts.add("Wie kündige ich meinen Vertrag?\nUnplug the router for 30 seconds, then plug it back in.");
		texts.add("Ça coûte 12,50 € — 日本語のテキスト — emoji 🙂 and a URL https://example.com/a?b=c");
		texts.add("Reset the modem and wait. ".repeat(150));
		for (String text : texts) {
			assertThat(model.embedText(text)).as(text).containsExactly(model.embed(text).content().vector());
		}
	}

	@Test
	void theServiceModelKeepsTheOrderOfTheTexts() throws IOException {
		try (InProcessEmbeddingModel service = new InProcessEmbeddingModel(Executors.newFixedThreadPool(2))) {
			List<String> texts = sampleChunkTexts().subList(0, 40);
			List<float[]> vectors = service.embed(texts);
			for (int i = 0; i < texts.size(); i++) {
				assertThat(vectors.get(i)).containsExactly(model.embed(texts.get(i)).content().vector());
			}
		}
	}

	/** The match texts the import embeds for the sample knowledge base. */
	static List<String> sampleChunkTexts() throws IOException {
		KnowledgeProperties properties = TestProperties.knowledge();
		DocumentParser parser = new DocumentParser(properties);
		Chunker chunker = new Chunker(properties.chunk().maxChars(), properties.chunk().overlapChars());
		SampleKnowledgeBase.SampleFile[] files;
		try (InputStream in = new ClassPathResource("sample-kb/index.json").getInputStream()) {
			files = JsonMapper.builder().build().readValue(in, SampleKnowledgeBase.SampleFile[].class);
		}
		List<String> texts = new ArrayList<>();
		try {
			for (SampleKnowledgeBase.SampleFile file : files) {
				byte[] bytes;
				try (InputStream in = new ClassPathResource("sample-kb/" + file.path()).getInputStream()) {
					bytes = in.readAllBytes();
				}
				ParsedDocument parsed = parser.parse(bytes, file.path(), null);
				for (Chunk chunk : chunker.chunk(parsed)) {
					texts.add(Passages.chunkMatchText(parsed.title(), chunk.sectionPath(), chunk.text()));
				}
			}
		}
		finally {
			parser.close();
		}
		return texts;
	}

}
