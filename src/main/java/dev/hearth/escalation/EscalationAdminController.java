package dev.hearth.escalation;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.Authentication;

import dev.hearth.privacy.Masking;

/**
 * The escalation policy and the knowledge-gap report in the admin API. Policy edits are
 * validated, versioned and audited by {@link EscalationPolicies}.
 */
@RestController
@RequestMapping("/api/admin")
class EscalationAdminController {

	private final EscalationPolicies policies;

	private final ApprovedLlmGateway gateway;

	private final KnowledgeGaps gaps;

	private final Masking masking;

	EscalationAdminController(EscalationPolicies policies, ApprovedLlmGateway gateway, KnowledgeGaps gaps,
			Masking masking) {
		this.masking = masking;
		this.policies = policies;
		this.gateway = gateway;
		this.gaps = gaps;
	}

	@GetMapping("/escalation/policy")
	EscalationPolicies.Versioned policy() {
		return this.policies.currentVersion();
	}

	/**
	 * @param policy the whole new policy (as GET returns it under {@code policy})
	 * @param comment why, for the audit trail; optional
	 */
	record PolicyEdit(Policy policy, String comment) {
	}

	@PutMapping("/escalation/policy")
	EscalationPolicies.Versioned save(@RequestBody(required = false) PolicyEdit edit, Principal actor) {
		if (edit == null || edit.policy() == null) {
			throw new IllegalArgumentException(
					"send {\"policy\": {...}, \"comment\": \"why\"}; GET /api/admin/escalation/policy shows the current one");
		}
		return this.policies.save(edit.policy(), actor.getName(), edit.comment());
	}

	@PostMapping("/escalation/policy/reset")
	EscalationPolicies.Versioned reset(Principal actor) {
		return this.policies.reset(actor.getName());
	}

	@GetMapping("/escalation/policy/history")
	List<EscalationPolicies.Versioned> history(@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be 1 to 500, got " + limit);
		}
		return this.policies.history(limit);
	}

	@GetMapping("/escalation/llms")
	List<ApprovedLlmGateway.EndpointView> llms() {
		return this.gateway.endpoints();
	}

	/**
	 * @param from first day (ISO date or instant), default 30 days ago
	 * @param to last day, inclusive (ISO date or instant), default today
	 */
	@GetMapping("/knowledge-gaps")
	Map<String, Object> knowledgeGaps(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "20") int limit,
			@RequestParam(defaultValue = "2") int minOccurrences, Authentication caller) {
		Instant end = (to != null) ? instant(to, "to", true)
				: LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant start = (from != null) ? instant(from, "from", false) : end.minusSeconds(31L * 86400);
		return Map.of("from", start, "to", end, "gaps",
				this.gaps.report(start, end, limit, minOccurrences)
					.stream()
					.map((gap) -> gap.masked(this.masking.forViewer(caller)))
					.toList());
	}

	private static Instant instant(String value, String name, boolean endOfDay) {
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					name + " must be a date such as 2026-11-01 or an instant such as 2026-11-01T08:00:00Z, got '"
							+ value + "'");
		}
	}

}
