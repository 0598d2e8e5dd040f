package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the files to import under the PATH arguments and names them. Folders are walked
 * recursively without following folder links; hidden and excluded entries are skipped. A
 * folder that cannot be read is reported, not fatal.
 */
final class FileWalker {

	/**
	 * The walk's result.
	 *
	 * @param files the files to import, sorted by source
	 * @param failures folders or files that could not be read
	 */
	record Result(List<LocalFile> files, List<Failure> failures) {
	}

	private final PathFilter filter;

	FileWalker(PathFilter filter) {
		this.filter = filter;
	}

	/**
	 * @throws UsageException when two files would get the same source
	 */
	Result walk(List<ImportRoot> roots) {
		List<LocalFile> files = new ArrayList<>();
		List<Failure> failures = new ArrayList<>();
		for (ImportRoot root : roots) {
			if (root.folder()) {
				walkFolder(root, files, failures);
			}
			else {
				String name = root.path().getFileName().toString();
				if (this.filter.acceptsNamedFile(name)) {
					files.add(new LocalFile(root.path(), root.source(name), size(root.path())));
				}
			}
		}
		checkUnique(files);
		files.sort(Comparator.comparing(LocalFile::source));
		return new Result(List.copyOf(files), List.copyOf(failures));
	}

	private void walkFolder(ImportRoot root, List<LocalFile> files, List<Failure> failures) {
		Path folder = root.path();
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					return FileWalker.this.filter.entersFolder(relative(folder, dir)) ? FileVisitResult.CONTINUE
							: FileVisitResult.SKIP_SUBTREE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					String relative = relative(folder, file);
					boolean regular = attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file));
					if (regular && FileWalker.this.filter.acceptsFile(relative)) {
						long size = attrs.isRegularFile() ? attrs.size() : size(file);
						files.add(new LocalFile(file, root.source(relative), size));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					String relative = relative(folder, file);
					if (FileWalker.this.filter.entersFolder(relative)) {
						failures.add(new Failure(root.source(relative), "cannot read: " + Texts.describe(ex)));
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			failures.add(new Failure(root.prefix(), "cannot read: " + Texts.describe(ex)));
		}
	}

	private static void checkUnique(List<LocalFile> files) {
		Map<String, LocalFile> bySource = new HashMap<>();
		for (LocalFile file : files) {
			LocalFile other = bySource.putIfAbsent(file.source(), file);
			if (other != null && !other.path().equals(file.path())) {
				throw new UsageException("two files would both be imported as '" + file.source() + "': " + other.path()
						+ " and " + file.path() + "; import them separately with different --prefix", "import");
			}
		}
		files.removeIf((file) -> bySource.get(file.source()) != file);
	}

	static String relative(Path folder, Path file) {
		List<String> segments = new ArrayList<>();
		folder.relativize(file).forEach((segment) -> segments.add(segment.toString()));
		return String.join("/", segments);
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
