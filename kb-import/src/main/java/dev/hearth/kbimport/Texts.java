package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Small text formatting shared by the commands' human output. */
final class Texts {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private Texts() {
	}

	/** {@code 512 B}, {@code 12.3 KB}, {@code 4.0 MB}, in powers of 1024. */
	static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

	/** An I/O error in a few words. */
	static String describe(IOException ex) {
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof NoSuchFileException) {
			return "the file no longer exists";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/** Whitespace runs collapsed to one space, cut to {@code max} characters with "…". */
	static String excerpt(String text, int max) {
		if (text == null) {
			return "";
		}
		String collapsed = text.replaceAll("\\s+", " ").strip();
		return (collapsed.length() <= max) ? collapsed : collapsed.substring(0, max - 1).stripTrailing() + "…";
	}

	/**
	 * A timestamp as {@code 2026-01-31 14:05Z}, or the text unchanged if it is not one.
	 */
	static String timestamp(String text) {
		if (text == null) {
			return "";
		}
		try {
			return MINUTES.format(OffsetDateTime.parse(text).toInstant());
		}
		catch (DateTimeParseException ex) {
			try {
				return MINUTES.format(Instant.parse(text));
			}
			catch (DateTimeParseException again) {
				return text;
			}
		}
	}

}
