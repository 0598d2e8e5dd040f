package dev.hearth.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Anchor records appended to a file, one JSON line each, forced to disk before the write
 * counts. Mount it from a volume the database's operators cannot write (or make it
 * append-only with {@code chattr +a}). Thread-safe (writes are serialised).
 */
final class FileAnchor implements AnchorSink {

	private final Path file;

	FileAnchor(Path file) {
		this.file = file;
	}

	@Override
	public String name() {
		return "file";
	}

	Path file() {
		return this.file;
	}

	@Override
	public synchronized void write(String json) throws IOException {
		Path parent = this.file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			ByteBuffer line = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
			while (line.hasRemaining()) {
				channel.write(line);
			}
			channel.force(true);
		}
	}

	/**
	 * The records written so far, or {@code null} when the file does not exist.
	 */
	List<String> read() throws IOException {
		try {
			return Files.readAllLines(this.file, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> !line.isBlank())
				.toList();
		}
		catch (NoSuchFileException ex) {
			return null;
		}
	}

}
