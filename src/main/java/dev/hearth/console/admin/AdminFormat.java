package dev.hearth.console.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * Formatting for the admin templates ({@code ${@adminFormat.time(...)}}): instants as UTC
 * minutes, the same in every language. Thread-safe.
 */
@Component("adminFormat")
class AdminFormat {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String time(Instant instant) {
		return (instant != null) ? MINUTES.format(instant) : "";
	}

	public String seconds(Instant instant) {
		return (instant != null) ? SECONDS.format(instant) : "";
	}

	/** Tags as {@code key: value, value · key: value}, or empty. */
	public String tags(Map<String, List<String>> tags) {
		if (tags == null || tags.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		tags.forEach((key, values) -> text.append(text.isEmpty() ? "" : " · ")
			.append(key)
			.append(": ")
			.append(String.join(", ", values)));
		return text.toString();
	}

	/** Counts as {@code key: n} items, most first. */
	public String counts(Map<String, Integer> counts) {
		if (counts == null || counts.isEmpty()) {
			return "";
		}
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.map((e) -> e.getKey() + ": " + e.getValue())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** An audit event's details as {@code key: value} lines, sorted by key. */
	public String details(Map<String, Object> details) {
		if (details == null || details.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		new TreeMap<>(details)
			.forEach((key, value) -> text.append(text.isEmpty() ? "" : "\n").append(key).append(": ").append(value));
		return text.toString();
	}

}
