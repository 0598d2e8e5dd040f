package dev.hearth.console.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.hearth.privacy.AuditTrail;

/**
 * The audit log viewer (admins only): events newest first, filtered by kind, actor,
 * subject and days (UTC), a page at a time, and on request the hash chain's verification.
 */
@Controller
@RequestMapping("/console/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	static final int PAGE = 50;

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping
	String page(@RequestParam(required = false) String kind, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "false") boolean verify, Model model, HttpServletResponse response) {
		model.addAttribute("kinds", this.audit.kinds());
		model.addAttribute("kind", kind);
		model.addAttribute("actor", actor);
		model.addAttribute("subject", subject);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (verify) {
			model.addAttribute("verification", this.audit.verify());
		}
		try {
			AuditTrail.Query query = new AuditTrail.Query(kind, actor, subject, startOf("from", from), endOf("to", to),
					before, PAGE + 1);
			List<AuditTrail.Event> events = this.audit.events(query);
			boolean more = events.size() > PAGE;
			List<AuditTrail.Event> shown = more ? events.subList(0, PAGE) : events;
			model.addAttribute("events", shown);
			model.addAttribute("nextBefore", more ? shown.get(shown.size() - 1).id() : null);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("events", List.of());
			model.addAttribute("filterProblem", ex.getMessage());
		}
		return "console/admin/audit";
	}

	private static Instant startOf(String name, String day) {
		LocalDate date = date(name, day);
		return (date != null) ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

	private static Instant endOf(String name, String day) {
		LocalDate date = date(name, day);
		return (date != null) ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " must be a date like 2026-11-01, got '" + value.strip() + "'");
		}
	}

}
