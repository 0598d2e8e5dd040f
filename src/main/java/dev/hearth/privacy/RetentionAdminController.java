package dev.hearth.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention in the admin API: the policy (ISO-8601 durations, {@code null} for "kept for
 * ever") with the last runs, and a run on demand.
 */
@RestController
@RequestMapping("/api/admin/retention")
class RetentionAdminController {

	private final RetentionJob job;

	RetentionAdminController(RetentionJob job) {
		this.job = job;
	}

	@GetMapping
	Map<String, Object> policy() {
		Map<String, Object> policy = new LinkedHashMap<>();
		this.job.policy().forEach((dataClass, keep) -> policy.put(dataClass, (keep != null) ? keep.toString() : null));
		return Map.of("policy", policy, "lastRuns", this.job.lastRuns(20));
	}

	@PostMapping("/run")
	Map<String, List<RetentionJob.Run>> run() {
		return Map.of("runs", this.job.runNow());
	}

}
