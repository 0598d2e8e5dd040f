package dev.hearth.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared evaluation data ({@code shared/data}, not in the repository): the
 * folder named by the system property {@code bench.data}, else {@code shared/data} next
 * to the checkout or one of its parents.
 */
final class BenchData {

	private BenchData() {
	}

	static Optional<Path> folder(String name) {
		String configured = System.getProperty("bench.data");
		if (configured != null && !configured.isBlank()) {
			Path folder = Path.of(configured).resolve(name);
			return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path folder = dir.resolve("shared").resolve("data").resolve(name);
			if (Files.isDirectory(folder)) {
				return Optional.of(folder);
			}
		}
		return Optional.empty();
	}

}
