package dev.hearth.kbimport;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One PATH argument of {@code import} and how its files are named. A folder
 * {@code .../docs} names each file {@code docs/<relative path>} ({@code NAME/...} with
 * {@code --prefix NAME}); a file is named by its file name ({@code NAME/<file name>} with
 * {@code --prefix}). Source names always use forward slashes. Immutable.
 *
 * @param path the absolute, normalized path
 * @param folder whether it is a folder (else a regular file)
 * @param prefix what sources start with, followed by "/"; {@code null} for a file without
 * {@code --prefix}
 */
record ImportRoot(Path path, boolean folder, String prefix) {

	/**
	 * @param argument the PATH argument as given
	 * @param prefixOption {@code --prefix}, or {@code null}
	 * @throws UsageException when the path does not exist or cannot give a name
	 */
	static ImportRoot of(String argument, String prefixOption) {
		Path path = Path.of(argument).toAbsolutePath().normalize();
		String prefix = (prefixOption != null) ? normalizePrefix(prefixOption) : null;
		if (Files.isDirectory(path)) {
			if (prefix == null) {
				if (path.getFileName() == null) {
					throw new UsageException(
							"cannot name sources after the folder '" + argument + "': pass --prefix NAME", "import");
				}
				prefix = path.getFileName().toString();
			}
			return new ImportRoot(path, true, prefix);
		}
		if (Files.isRegularFile(path)) {
			return new ImportRoot(path, false, prefix);
		}
		if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			throw new UsageException("'" + argument + "' is neither a file nor a folder", "import");
		}
		throw new UsageException("no such file or folder: " + argument, "import");
	}

	/** The source of a file at {@code relativePath} (forward slashes) under this root. */
	String source(String relativePath) {
		return (this.prefix != null) ? this.prefix + "/" + relativePath : relativePath;
	}

	/**
	 * For a folder: where the file of {@code source} would be, or empty when the source
	 * is not under this folder's prefix.
	 */
	Optional<Path> fileOf(String source) {
		if (!this.folder || !source.startsWith(this.prefix + "/")) {
			return Optional.empty();
		}
		Path file = this.path.resolve(source.substring(this.prefix.length() + 1)).normalize();
		return file.startsWith(this.path) ? Optional.of(file) : Optional.empty();
	}

	private static String normalizePrefix(String prefix) {
		String normalized = prefix.strip().replace('\\', '/');
		while (normalized.startsWith("/")) {
			normalized = normalized.substring(1);
		}
		while (normalized.endsWith("/")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		for (String segment : normalized.split("/")) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw new UsageException("--prefix must be a name such as 'manuals', got '" + prefix + "'", "import");
			}
		}
		return normalized;
	}

}
