package dev.hearth.escalation;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When people staff the live chat. Outside these hours (or, with
 * {@code requireAgentOnline}, when no agent has been active recently) a handoff collects
 * the customer's contact details and opens a ticket instead.
 *
 * @param enabled false: live handoff at any time
 * @param zone the time zone the hours are in, e.g. {@code Europe/Berlin}
 * @param open opening hours, e.g. {@code MON-FRI 08:00-18:00}, {@code SAT 09:00-13:00}
 * @param closedOn public holidays and other closed days
 * @param requireAgentOnline also open a ticket when no agent was active in the last
 * minutes
 */
public record BusinessHours(boolean enabled, String zone, List<String> open, List<LocalDate> closedOn,
		boolean requireAgentOnline) {

	private static final Pattern SPAN = Pattern
		.compile("(?i)\\s*([a-z]{3})(?:\\s*-\\s*([a-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

	private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

	public BusinessHours {
		open = (open != null) ? List.copyOf(open) : List.of();
		closedOn = (closedOn != null) ? List.copyOf(closedOn) : List.of();
		zone = (zone == null || zone.isBlank()) ? "UTC" : zone.strip();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(
					"business hours: '" + zone + "' is not a time zone; use a name such as Europe/Berlin or UTC");
		}
		for (String span : open) {
			parse(span);
		}
		if (enabled && open.isEmpty()) {
			throw new IllegalArgumentException(
					"business hours are enabled but no opening hours are set; add e.g. 'MON-FRI 08:00-18:00'");
		}
	}

	/** Around the clock, every day. */
	static BusinessHours always() {
		return new BusinessHours(false, "UTC", List.of("MON-SUN 00:00-24:00"), List.of(), false);
	}

	/** Whether {@code at} falls inside the opening hours (always true when disabled). */
	public boolean isOpen(Instant at) {
		if (!this.enabled) {
			return true;
		}
		ZonedDateTime local = at.atZone(ZoneId.of(this.zone));
		if (this.closedOn.contains(local.toLocalDate())) {
			return false;
		}
		LocalTime time = local.toLocalTime();
		for (String text : this.open) {
			Span span = parse(text);
			if (span.days().contains(local.getDayOfWeek()) && !time.isBefore(span.from())
					&& (span.untilMidnight() || time.isBefore(span.to()))) {
				return true;
			}
		}
		return false;
	}

	private record Span(List<DayOfWeek> days, LocalTime from, LocalTime to, boolean untilMidnight) {
	}

	private static Span parse(String text) {
		Matcher m = (text != null) ? SPAN.matcher(text) : null;
		if (m == null || !m.matches()) {
			throw new IllegalArgumentException("business hours: '" + text
					+ "' is not of the form 'MON-FRI 08:00-18:00' (days MON..SUN, 24-hour times)");
		}
		int first = day(m.group(1), text);
		int last = (m.group(2) != null) ? day(m.group(2), text) : first;
		if (last < first) {
			throw new IllegalArgumentException("business hours: '" + text + "' runs backwards; write e.g. MON-FRI");
		}
		List<DayOfWeek> days = new ArrayList<>();
		for (int d = first; d <= last; d++) {
			days.add(DayOfWeek.of(d + 1));
		}
		boolean untilMidnight = "24:00".equals(m.group(4));
		LocalTime from = time(m.group(3), text);
		LocalTime to = untilMidnight ? LocalTime.MAX : time(m.group(4), text);
		if (!untilMidnight && !to.isAfter(from)) {
			throw new IllegalArgumentException(
					"business hours: '" + text + "' closes before it opens; spans cannot cross midnight");
		}
		return new Span(days, from, to, untilMidnight);
	}

	private static int day(String name, String text) {
		int index = DAYS.indexOf(name.toUpperCase(Locale.ROOT));
		if (index < 0) {
			throw new IllegalArgumentException("business hours: unknown day '" + name + "' in '" + text
					+ "'; use MON, TUE, WED, THU, FRI, SAT or SUN");
		}
		return index;
	}

	private static LocalTime time(String value, String text) {
		try {
			return LocalTime.parse((value.length() == 4) ? "0" + value : value);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("business hours: '" + value + "' in '" + text + "' is not a time");
		}
	}

}
