package dev.hearth.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads from {@code /proc/self/task}, grouped by what they
 * do: the embedding threads, request handling (virtual threads run on the ForkJoinPool
 * carriers), Tika parsing, Lucene, the CLI's HTTP client, the JIT compilers, the garbage
 * collector. Empty where {@code /proc} is not readable.
 */
final class ThreadCpu {

	private static final long NANOS_PER_TICK = 10_000_000L;

	private ThreadCpu() {
	}

	/** CPU nanoseconds by thread id and name; threads that have ended are not counted. */
	static Map<String, Long> snapshot() {
		Map<String, Long> threads = new TreeMap<>();
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return threads;
		}
		try (Stream<Path> list = Files.list(tasks)) {
			list.forEach((task) -> {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					threads.put(task.getFileName() + " " + name, ticks * NANOS_PER_TICK);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			});
		}
		catch (IOException ex) {
			return threads;
		}
		return threads;
	}

	/** Milliseconds of CPU per group between two snapshots, largest first. */
	static Map<String, Long> byGroup(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> groups = new TreeMap<>();
		after.forEach((thread, nanos) -> {
			long spent = nanos - before.getOrDefault(thread, 0L);
			if (spent > 0) {
				groups.merge(group(thread.substring(thread.indexOf(' ') + 1)), spent / 1_000_000, Long::sum);
			}
		});
		Map<String, Long> sorted = new LinkedHashMap<>();
		groups.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((e) -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	static String group(String name) {
		if (name.startsWith("embedding")) {
			return "embedding threads";
		}
		if (name.startsWith("ForkJoinPool") || name.startsWith("http-nio") || name.startsWith("tomcat")) {
			return "request handling (virtual threads)";
		}
		if (name.startsWith("document-parser")) {
			return "Tika parsing";
		}
		if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
			return "JIT compilers";
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
			return "garbage collector";
		}
		if (name.startsWith("Lucene") || name.startsWith("passage-index")) {
			return "Lucene";
		}
		if (name.startsWith("kb-import") || name.startsWith("HttpClient")) {
			return "kb-import CLI";
		}
		return "other";
	}

}
