package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides what an incremental import does, from the local files and the server's document
 * list fetched once. A file whose source exists with the same content hash, tags and
 * (when {@code --language} is given) language is unchanged and not uploaded; a file over
 * the server's size limit fails without upload. With {@code --prune}, a document under a
 * folder argument's prefix is removed when its file no longer exists in that folder
 * (files that exist but are filtered out or hidden are kept).
 */
final class ImportPlanner {

	/** Computes a file's content hash; the real one is {@link Sha256#of(Path)}. */
	@FunctionalInterface
	interface Hasher {

		String hash(Path file) throws IOException;

	}

	private final Tags tags;

	private final String language;

	private final long maxDocumentBytes;

	private final Hasher hasher;

	/**
	 * @param tags the tags every imported document gets
	 * @param language {@code --language}, or {@code null} to let the server decide
	 * @param maxDocumentBytes the server's limit, or 0 for none
	 * @param hasher how to hash a file
	 */
	ImportPlanner(Tags tags, String language, long maxDocumentBytes, Hasher hasher) {
		this.tags = tags;
		this.language = language;
		this.maxDocumentBytes = maxDocumentBytes;
		this.hasher = hasher;
	}

	/**
	 * @param files the files found, sorted by source
	 * @param existing the server's documents
	 * @param pruneRoots the folder arguments to prune under, or empty without
	 * {@code --prune}
	 */
	ImportPlan plan(List<LocalFile> files, List<RemoteDocument> existing, List<ImportRoot> pruneRoots) {
		Map<String, RemoteDocument> bySource = existing.stream()
			.collect(Collectors.toMap(RemoteDocument::source, Function.identity(), (a, b) -> a));
		List<ImportPlan.Item> items = new ArrayList<>();
		List<Failure> failures = new ArrayList<>();
		Set<String> localSources = new HashSet<>();
		for (LocalFile file : files) {
			localSources.add(file.source());
			if (this.maxDocumentBytes > 0 && file.size() > this.maxDocumentBytes) {
				failures.add(new Failure(file.source(), "too large: " + Texts.bytes(file.size())
						+ ", the server accepts at most " + Texts.bytes(this.maxDocumentBytes)));
				continue;
			}
			RemoteDocument remote = bySource.get(file.source());
			if (remote == null) {
				items.add(new ImportPlan.Item(file, ImportPlan.Action.ADD));
				continue;
			}
			try {
				boolean same = same(this.hasher.hash(file.path()), remote);
				items.add(new ImportPlan.Item(file, same ? ImportPlan.Action.UNCHANGED : ImportPlan.Action.UPDATE));
			}
			catch (IOException ex) {
				failures.add(new Failure(file.source(), "cannot read: " + Texts.describe(ex)));
			}
		}
		List<String> removals = existing.stream()
			.map(RemoteDocument::source)
			.filter((source) -> !localSources.contains(source) && isGone(source, pruneRoots))
			.sorted()
			.toList();
		return new ImportPlan(items, failures, removals);
	}

	private boolean same(String hash, RemoteDocument remote) {
		return hash.equalsIgnoreCase(remote.contentHash()) && this.tags.equals(remote.tags())
				&& (this.language == null || this.language.equalsIgnoreCase(remote.language()));
	}

	/** Covered by at least one folder argument, and its file exists in none of them. */
	private static boolean isGone(String source, List<ImportRoot> pruneRoots) {
		boolean covered = false;
		for (ImportRoot root : pruneRoots) {
			Optional<Path> file = root.fileOf(source);
			if (file.isPresent()) {
				covered = true;
				if (Files.exists(file.get())) {
					return false;
				}
			}
		}
		return covered;
	}

}
