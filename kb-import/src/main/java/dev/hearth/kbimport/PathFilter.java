package dev.hearth.kbimport;

import java.util.List;

/**
 * Which files of a folder tree to import: hidden files and folders (name starting with a
 * dot) never, unless named on the command line; with {@code --include} globs only files
 * matching one of them; never a file, or a folder's whole tree, matching an
 * {@code --exclude} glob. Paths are relative to the folder argument with forward slashes;
 * for a file argument, its name. Immutable.
 */
final class PathFilter {

	private final List<Glob> includes;

	private final List<Glob> excludes;

	PathFilter(List<Glob> includes, List<Glob> excludes) {
		this.includes = List.copyOf(includes);
		this.excludes = List.copyOf(excludes);
	}

	/**
	 * @throws UsageException when a glob is malformed
	 */
	static PathFilter parse(List<String> includes, List<String> excludes, String command) {
		return new PathFilter(globs("--include", includes, command), globs("--exclude", excludes, command));
	}

	/** Whether to import a file found in a folder tree. */
	boolean acceptsFile(String relativePath) {
		return !isHidden(relativePath) && matchesGlobs(relativePath);
	}

	/**
	 * Whether to import a file named on the command line: the globs only, hidden or not.
	 */
	boolean acceptsNamedFile(String fileName) {
		return matchesGlobs(fileName);
	}

	private boolean matchesGlobs(String relativePath) {
		if (matchesAny(this.excludes, relativePath)) {
			return false;
		}
		return this.includes.isEmpty() || matchesAny(this.includes, relativePath);
	}

	/** Whether to walk into a folder: not hidden and not excluded as a whole. */
	boolean entersFolder(String relativePath) {
		return relativePath.isEmpty() || !(isHidden(relativePath) || matchesAny(this.excludes, relativePath));
	}

	private static boolean isHidden(String relativePath) {
		for (String segment : relativePath.split("/")) {
			if (segment.startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesAny(List<Glob> globs, String relativePath) {
		for (Glob glob : globs) {
			if (glob.matches(relativePath)) {
				return true;
			}
		}
		return false;
	}

	private static List<Glob> globs(String option, List<String> values, String command) {
		return values.stream().map((value) -> {
			try {
				return new Glob(value.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException(option + " has a malformed glob '" + value + "'", command);
			}
		}).toList();
	}

}
