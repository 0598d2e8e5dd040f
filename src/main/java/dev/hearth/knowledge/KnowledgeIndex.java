package dev.hearth.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
 * {@link IndexStartup} rebuilds it from PostgreSQL. An index whose folder disappears
 * while the server runs ({@link #isLost()}) keeps answering from the files it has open
 * until {@link KnowledgeWriter} has rebuilt a new one from PostgreSQL in a new folder
 * ({@code index.<millis>}) and {@link #replace swapped} it in; the next start takes that
 * folder back as {@code index} if {@code index} is missing. Writes go through
 * {@link KnowledgeWriter} only. Thread-safe.
 */
@Component
class KnowledgeIndex implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);

	private final Path directory;

	/** The folder the live index is in: {@link #directory}, or where it was rebuilt. */
	private volatile Path live;

	/** Guarded by the writer's lock: the folder of the replacement being rebuilt. */
	private Path pending;

	private final int dimensions;

	private volatile PassageIndex index;

	private final String fingerprint;

	KnowledgeIndex(SystemProperties system, EmbeddingModel embeddings, KnowledgeProperties properties) {
		this.fingerprint = properties.embeddingModelId() + "/" + embeddings.dimensions();
		this.directory = system.dataDir().resolve("index");
		this.dimensions = embeddings.dimensions();
		takeBackRebuilt(this.directory);
		this.live = this.directory;
		this.index = open(this.directory, this.dimensions);
	}

	PassageIndex passages() {
		return this.index;
	}

	/** The folder the live index is in. */
	Path folder() {
		return this.live;
	}

	/** Identifies the embedding model the stored vectors must come from. */
	String fingerprint() {
		return this.fingerprint;
	}

	boolean isFresh(long revision) {
		return this.index.revision() == revision && this.fingerprint.equals(this.index.fingerprint());
	}

	/**
	 * Whether the index's folder, or its last commit in it, has gone (deleted by hand, or
	 * a volume lost): the open index still searches the files it holds open, but can no
	 * longer write, and a restart would find nothing.
	 */
	boolean isLost() {
		Path folder = this.live;
		if (!Files.isDirectory(folder)) {
			return true;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.noneMatch((file) -> file.getFileName().toString().startsWith("segments_"));
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * A new, empty index in a new folder next to the live one ({@code index.<millis>}),
	 * to rebuild into while the live one keeps answering; pass it to {@link #replace}.
	 */
	PassageIndex openReplacement() throws IOException {
		Path folder = this.directory.resolveSibling(this.directory.getFileName() + "." + System.currentTimeMillis());
		deleteRecursively(folder);
		this.pending = folder;
		return PassageIndex.open(folder, this.dimensions);
	}

	/**
	 * Puts a rebuilt replacement from {@link #openReplacement()} live: searches use it
	 * from now on, and the lost index is closed (a search still on it is retried by
	 * {@link KnowledgeSearch}).
	 */
	void replace(PassageIndex replacement) {
		PassageIndex previous = this.index;
		this.live = this.pending;
		this.index = replacement;
		try {
			previous.close();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing the lost index failed: {}", ex.getMessage());
		}
		log.info("The index now lives in {}", this.live);
	}

	/**
	 * At start-up: an index rebuilt after a loss lives in {@code index.<millis>}; when
	 * {@code index} is missing, the newest of these becomes {@code index} again. Older
	 * ones are removed.
	 */
	private static void takeBackRebuilt(Path directory) {
		String prefix = directory.getFileName() + ".";
		if (!Files.isDirectory(directory.getParent())) {
			return;
		}
		try (Stream<Path> siblings = Files.list(directory.getParent())) {
			List<Path> rebuilt = siblings
				.filter((p) -> Files.isDirectory(p) && p.getFileName().toString().startsWith(prefix)
						&& p.getFileName().toString().substring(prefix.length()).matches("\\d+"))
				.sorted(Comparator
					.comparingLong((Path p) -> Long.parseLong(p.getFileName().toString().substring(prefix.length()))))
				.toList();
			if (rebuilt.isEmpty()) {
				return;
			}
			if (!Files.exists(directory)) {
				Path newest = rebuilt.get(rebuilt.size() - 1);
				Files.move(newest, directory);
				log.info("Took back the index rebuilt in {} as {}", newest, directory);
				rebuilt = rebuilt.subList(0, rebuilt.size() - 1);
			}
			for (Path old : rebuilt) {
				deleteRecursively(old);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Cannot take back a rebuilt index next to {} ({}); it is rebuilt from PostgreSQL", directory,
					ex.getMessage());
		}
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
