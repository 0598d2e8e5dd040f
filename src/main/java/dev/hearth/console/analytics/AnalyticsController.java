package dev.hearth.console.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.hearth.escalation.KnowledgeGaps;
import dev.hearth.privacy.Masking;

/**
 * The analytics page for supervisors and admins: charts and a daily table for a date
 * range, the top unanswered questions (the escalation module's knowledge-gap report), and
 * the figures as CSV.
 */
@Controller
@RequestMapping("/console/analytics")
class AnalyticsController {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsController.class);

	/** Unanswered questions shown: the most frequent. */
	private static final int TOP_GAPS = 10;

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Analytics analytics;

	private final AnalyticsCharts charts;

	private final KnowledgeGaps gaps;

	private final MessageSource messages;

	private final Clock clock;

	private final Masking masking;

	AnalyticsController(Analytics analytics, AnalyticsCharts charts, KnowledgeGaps gaps, MessageSource messages,
			Masking masking) {
		this.masking = masking;
		this.analytics = analytics;
		this.charts = charts;
		this.gaps = gaps;
		this.messages = messages;
		this.clock = Clock.systemUTC();
	}

	@GetMapping
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			HttpServletResponse response, Authentication viewer) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		DateRange range;
		try {
			range = DateRange.parse(from, to, today());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("rangeProblem", ex.getMessage());
			return "console/analytics/index";
		}
		AnalyticsReport report = this.analytics.report(range);
		model.addAttribute("from", range.from().toString());
		model.addAttribute("to", range.to().toString());
		model.addAttribute("report", report);
		model.addAttribute("chartData", this.charts.json(report));
		try {
			model.addAttribute("gaps",
					this.gaps.report(range.start(), range.end(), TOP_GAPS, 2)
						.stream()
						.map((gap) -> gap.masked(this.masking.forViewer(viewer)))
						.toList());
		}
		catch (RuntimeException ex) {
			log.warn("The knowledge-gap report for {} failed; the analytics page shows the rest", range, ex);
			model.addAttribute("gaps", List.of());
			model.addAttribute("gapsProblem", this.messages.getMessage("analytics.gaps.unavailable",
					new Object[] { ex.getMessage() }, LocaleContextHolder.getLocale()));
		}
		return "console/analytics/index";
	}

	@GetMapping("/daily.csv")
	ResponseEntity<String> dailyCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		DateRange range = DateRange.parse(from, to, today());
		return csv("hearth-daily-" + range.from() + "-" + range.to() + ".csv",
				AnalyticsCsv.daily(this.analytics.report(range)));
	}

	@GetMapping("/escalations.csv")
	ResponseEntity<String> escalationsCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		DateRange range = DateRange.parse(from, to, today());
		return csv("hearth-escalations-" + range.from() + "-" + range.to() + ".csv",
				AnalyticsCsv.escalations(this.analytics.report(range)));
	}

	private static ResponseEntity<String> csv(String filename, String body) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

}
