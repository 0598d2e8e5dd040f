package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Latency percentiles, a plain-text results table and a JSON writer for the benchmark.
 */
final class BenchReport {

	private final StringBuilder table = new StringBuilder();

	record Latency(double p50, double p95, double p99, double mean, int count) {

		static Latency of(long[] nanos) {
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
			return new Latency(percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), mean,
					sorted.length);
		}

		private static double percentile(long[] sorted, double fraction) {
			int index = (int) Math.ceil(fraction * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1e6;
		}

		Map<String, Object> toJson() {
			return Map.of("p50_ms", round(this.p50), "p95_ms", round(this.p95), "p99_ms", round(this.p99), "mean_ms",
					round(this.mean), "count", this.count);
		}

	}

	void line(String format, Object... args) {
		String text = String.format(Locale.ROOT, format, args);
		this.table.append(text).append('\n');
		System.out.println(text);
	}

	String table() {
		return this.table.toString();
	}

	static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

	static void writeJson(Path file, Object value) throws IOException {
		Files.createDirectories(file.getParent());
		StringBuilder out = new StringBuilder();
		json(out, value, "");
		Files.writeString(file, out.append('\n'), StandardCharsets.UTF_8);
	}

	private static void json(StringBuilder out, Object value, String indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			out.append("{");
			String inner = indent + "  ";
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "\n" : ",\n").append(inner);
				string(out, entry.getKey().toString());
				out.append(": ");
				json(out, entry.getValue(), inner);
				first = false;
			}
			out.append(first ? "}" : "\n" + indent + "}");
		}
		else if (value instanceof Collection<?> list) {
			out.append("[");
			String inner = indent + "  ";
			boolean first = true;
			for (Object element : list) {
				out.append(first ? "\n" : ",\n").append(inner);
				json(out, element, inner);
				first = false;
			}
			out.append(first ? "]" : "\n" + indent + "]");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			string(out, value.toString());
		}
	}

	private static void string(StringBuilder out, String text) {
		out.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
