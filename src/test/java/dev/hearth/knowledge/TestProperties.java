package dev.hearth.knowledge;

import java.util.List;

import dev.hearth.retrieval.Fusion;

/** Knowledge settings as the defaults have them. */
final class TestProperties {

	private TestProperties() {
	}

	static KnowledgeProperties knowledge() {
		return new KnowledgeProperties(52_428_800, new KnowledgeProperties.Chunk(1200, 200), "en", "all-minilm-l6-v2-q",
				List.of("customer", "business"), new KnowledgeProperties.Sample(false),
				new KnowledgeProperties.Search(Fusion.LINEAR, 5, 0),
				new KnowledgeProperties.Embedding(null, null, "mean"), new KnowledgeProperties.Batch(20, 104_857_600));
	}

}
