package dev.hearth.knowledge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.hearth.retrieval.Fusion;

/**
 * Settings under {@code hearth.knowledge}.
 *
 * @param maxDocumentBytes largest file the import accepts
 * @param chunk how documents are cut into passages
 * @param defaultLanguage language of a document that declares none
 * @param embeddingModelId identifies the configured embedding model; stored vectors made
 * by another model are re-embedded at start-up
 * @param publicAudiences audience tags whose documents customers may open through
 * citation links (documents without an audience tag are public too)
 * @param sample the bundled sample knowledge base
 * @param search search defaults
 * @param embedding the in-process embedding model, when not the bundled one
 * @param batch limits of one multi-document upload ({@code POST /api/admin/documents})
 */
@ConfigurationProperties("hearth.knowledge")
record KnowledgeProperties(@DefaultValue("52428800") long maxDocumentBytes, @DefaultValue Chunk chunk,
		@DefaultValue("en") String defaultLanguage, @DefaultValue("all-minilm-l6-v2-q") String embeddingModelId,
		@DefaultValue( {
				"customer", "business" }) List<String> publicAudiences,
		@DefaultValue Sample sample, @DefaultValue Search search, @DefaultValue Embedding embedding,
		@DefaultValue Batch batch){

	/** The id of the bundled embedding model, all-MiniLM-L6-v2 (quantized). */
	static final String BUNDLED_EMBEDDING_MODEL_ID = "all-minilm-l6-v2-q";

	KnowledgeProperties {
		if (maxDocumentBytes < 1) {
			throw new IllegalArgumentException("hearth.knowledge.max-document-bytes must be positive");
		}
	}

	/**
	 * @param maxChars largest chunk, in characters
	 * @param overlapChars how much of a chunk's end (whole sentences) starts the next
	 * chunk of the same section
	 */
	record Chunk(@DefaultValue("1200") int maxChars, @DefaultValue("200") int overlapChars) {
	}

	/**
	 * Limits of one multi-document upload. Each file's own limit is
	 * {@code max-document-bytes}; the servlet container's
	 * {@code spring.servlet.multipart.max-request-size} must stay above
	 * {@code max-bytes}.
	 *
	 * @param maxFiles most files in one request (each takes two multipart parts, so keep
	 * {@code server.tomcat.max-part-count} above twice this)
	 * @param maxBytes most bytes of all files of one request together
	 */
	record Batch(@DefaultValue("20") int maxFiles, @DefaultValue("104857600") long maxBytes) {

		Batch {
			if (maxFiles < 1) {
				throw new IllegalArgumentException("hearth.knowledge.batch.max-files must be positive");
			}
			if (maxBytes < 1) {
				throw new IllegalArgumentException("hearth.knowledge.batch.max-bytes must be positive");
			}
		}

	}

	/**
	 * @param enabled import the bundled sample when the knowledge base is empty at
	 * start-up
	 */
	record Sample(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * @param modelPath a sentence-transformers model's ONNX file; empty for the bundled
	 * all-MiniLM-L6-v2
	 * @param tokenizerPath its {@code tokenizer.json}
	 * @param pooling {@code mean} (most sentence-transformers models) or {@code cls}
	 */
	record Embedding(java.nio.file.Path modelPath, java.nio.file.Path tokenizerPath,
			@DefaultValue("mean") String pooling) {
	}

	/**
	 * @param fusion how BM25 and vector results are combined
	 * @param defaultTop results returned when the caller does not say
	 * @param senseWeight the weight at which BM25 also asks for words of the same sense
	 * as the question's ("remove" for "cancel"; the retrieval module's bundled English
	 * groups), relative to the question's own words; 0 turns it off
	 */
	record Search(@DefaultValue("LINEAR") Fusion fusion, @DefaultValue("5") int defaultTop,
			@DefaultValue("0") double senseWeight) {

	}

}
