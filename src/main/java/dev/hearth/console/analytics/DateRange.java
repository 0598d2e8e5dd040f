package dev.hearth.console.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of calendar days (UTC), at most {@value #MAX_DAYS} days long.
 *
 * @param from first day
 * @param to last day
 */
record DateRange(LocalDate from, LocalDate to) {

	static final int MAX_DAYS = 366;

	static final int DEFAULT_DAYS = 30;

	DateRange {
		if (from == null || to == null) {
			throw new IllegalArgumentException("from and to are both required");
		}
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
		}
		if (days(from, to) > MAX_DAYS) {
			throw new IllegalArgumentException("the range from " + from + " to " + to + " has " + days(from, to)
					+ " days; choose at most " + MAX_DAYS);
		}
	}

	/**
	 * Parses the page's {@code from} and {@code to} parameters (ISO dates such as
	 * 2026-11-01); a missing {@code to} is today, a missing {@code from} is
	 * {@value #DEFAULT_DAYS} days before {@code to}.
	 * @throws IllegalArgumentException with the offending value when one is not a date
	 */
	static DateRange parse(String from, String to, LocalDate today) {
		LocalDate end = isBlank(to) ? today : date("to", to);
		LocalDate start = isBlank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
		return new DateRange(start, end);
	}

	/** The first instant of the range. */
	Instant start() {
		return this.from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the range. */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	long days() {
		return days(this.from, this.to);
	}

	private static long days(LocalDate from, LocalDate to) {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	private static LocalDate date(String name, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " must be a date like 2026-11-01, got '" + value.strip() + "'");
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
