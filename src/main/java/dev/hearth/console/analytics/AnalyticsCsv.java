package dev.hearth.console.analytics;

import java.util.Locale;

/**
 * The analytics report as CSV (RFC 4180, comma-separated, CRLF line ends, dot as the
 * decimal separator): one row per day with a fixed English header for spreadsheets and
 * scripts, then one row per escalation rule. Thread-safe: stateless.
 */
final class AnalyticsCsv {

	static final String DAILY_HEADER = "day,conversations,bot_resolved,handed_off,deflection,median_wait_seconds,"
			+ "answers,latency_p50_ms,latency_p90_ms,thumbs_up,thumbs_down,csat_average,csat_responses";

	private AnalyticsCsv() {
	}

	static String daily(AnalyticsReport report) {
		StringBuilder csv = new StringBuilder(DAILY_HEADER).append("\r\n");
		for (AnalyticsReport.Day day : report.days()) {
			row(csv, day.day().toString(), day.conversations(), day.botResolved(), day.handedOff(),
					ratio(day.deflection()), decimal(day.medianWaitSeconds()), day.answers(),
					decimal(day.latencyP50Millis()), decimal(day.latencyP90Millis()), day.thumbsUp(), day.thumbsDown(),
					decimal(day.csatAverage()), day.csatResponses());
		}
		return csv.toString();
	}

	static String escalations(AnalyticsReport report) {
		StringBuilder csv = new StringBuilder("rule,handoffs\r\n");
		for (AnalyticsReport.Count count : report.escalationsByRule()) {
			row(csv, count.label(), count.count());
		}
		return csv.toString();
	}

	private static void row(StringBuilder csv, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(values[i]));
		}
		csv.append("\r\n");
	}

	static String field(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		// A leading =, +, - or @ would make a spreadsheet run the field as a formula.
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static boolean isNumber(String text) {
		try {
			Double.parseDouble(text);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String decimal(Double value) {
		return (value == null) ? null : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String ratio(Double value) {
		return (value == null) ? null : String.format(Locale.ROOT, "%.3f", value);
	}

}
