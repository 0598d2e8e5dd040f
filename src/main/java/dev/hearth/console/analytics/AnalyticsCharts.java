package dev.hearth.console.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The data behind the analytics page's charts, as the JSON that
 * {@code static/console/analytics.js} reads from the page: series per chart with their
 * labels already translated, so the script holds no text. The JSON is safe to place in an
 * HTML {@code <script type="application/json">} element ({@code <}, {@code >} and
 * {@code &} are escaped). Thread-safe.
 */
@Component
class AnalyticsCharts {

	private final JsonMapper json;

	private final MessageSource messages;

	AnalyticsCharts(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	String json(AnalyticsReport report) {
		List<AnalyticsReport.Day> days = report.days();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("days", days.stream().map((d) -> d.day().toString()).toList());
		data.put("conversations", Map.of("botResolved", days.stream().map(AnalyticsReport.Day::botResolved).toList(),
				"handedOff", days.stream().map(AnalyticsReport.Day::handedOff).toList()));
		data.put("deflection", days.stream().map((d) -> percent(d.deflection())).toList());
		data.put("latency", Map.of("p50", days.stream().map(AnalyticsReport.Day::latencyP50Millis).toList(), "p90",
				days.stream().map(AnalyticsReport.Day::latencyP90Millis).toList()));
		data.put("thumbs", Map.of("up", days.stream().map(AnalyticsReport.Day::thumbsUp).toList(), "down",
				days.stream().map(AnalyticsReport.Day::thumbsDown).toList()));
		data.put("escalations", counts(report.escalationsByRule(), null));
		data.put("waits", counts(report.waitBuckets(), "analytics.wait."));
		data.put("csat", counts(report.csat(), null));
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : List.of("botResolved", "handedOff", "deflection", "latencyP50", "latencyP90", "thumbsUp",
				"thumbsDown", "handoffs", "customers", "percent", "milliseconds")) {
			labels.put(key, text("analytics.series." + key));
		}
		data.put("labels", labels);
		String text = this.json.writeValueAsString(data);
		return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private Map<String, Object> counts(List<AnalyticsReport.Count> counts, String labelPrefix) {
		return Map.of("labels",
				counts.stream().map((c) -> (labelPrefix != null) ? text(labelPrefix + c.label()) : c.label()).toList(),
				"values", counts.stream().map(AnalyticsReport.Count::count).toList());
	}

	private static Double percent(Double ratio) {
		return (ratio == null) ? null : Math.round(ratio * 1000) / 10.0;
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
