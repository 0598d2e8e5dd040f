package dev.hearth.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Component;

import dev.hearth.retrieval.PassageIndex;
import dev.hearth.system.SystemProperties;

/**
 * The Lucene index of the knowledge base, under {@code <data dir>/index}. It is derived
 * data: an index that cannot be opened is set aside and recreated empty, and
 * {@link IndexStartup} rebuilds it from PostgreSQL. Writes go through
 * {@link KnowledgeWriter} only. Thread-safe.
 */
@Component
class KnowledgeIndex implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);

	private final PassageIndex index;

	private final String fingerprint;

	KnowledgeIndex(SystemProperties system, EmbeddingModel embeddings, KnowledgeProperties properties) {
		this.fingerprint = properties.embeddingModelId() + "/" + embeddings.dimensions();
		this.index = open(system.dataDir().resolve("index"), embeddings.dimensions());
	}

	PassageIndex passages() {
		return this.index;
	}

	/** Identifies the embedding model the stored vectors must come from. */
	String fingerprint() {
		return this.fingerprint;
	}

	boolean isFresh(long revision) {
		return this.index.revision() == revision && this.fingerprint.equals(this.index.fingerprint());
	}

	@Override
	public void close() throws IOException {
		this.index.close();
	}

	private static PassageIndex open(Path directory, int dimensions) {
		try {
			return PassageIndex.open(directory, dimensions);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The index in {} cannot be opened ({}); recreating it from PostgreSQL", directory,
					ex.getMessage());
			try {
				deleteRecursively(directory);
				return PassageIndex.open(directory, dimensions);
			}
			catch (IOException again) {
				throw new UncheckedIOException("Cannot create the index in " + directory, again);
			}
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
