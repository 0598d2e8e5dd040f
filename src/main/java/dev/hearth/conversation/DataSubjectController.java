package dev.hearth.conversation;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data subject requests in the admin API: {@code GET /api/admin/data-subjects} exports
 * everything about one customer as a JSON file, {@code DELETE} erases it. The customer is
 * named by exactly one of {@code token}, {@code email}, {@code customerId} or
 * {@code conversation}.
 */
@RestController
@RequestMapping("/api/admin/data-subjects")
class DataSubjectController {

	private final DataSubjects subjects;

	DataSubjectController(DataSubjects subjects) {
		this.subjects = subjects;
	}

	@GetMapping
	ResponseEntity<Map<String, Object>> export(@RequestParam Map<String, String> query, Principal who) {
		Map.Entry<DataSubjects.By, String> subject = subject(query);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hearth-data-subject-export.json\"")
			.body(this.subjects.export(subject.getKey(), subject.getValue(), who.getName()));
	}

	@DeleteMapping
	DataSubjects.Erasure erase(@RequestParam Map<String, String> query, Principal who) {
		Map.Entry<DataSubjects.By, String> subject = subject(query);
		return this.subjects.erase(subject.getKey(), subject.getValue(), who.getName());
	}

	/** The one way the request names the customer. */
	static Map.Entry<DataSubjects.By, String> subject(Map<String, String> query) {
		Map<String, DataSubjects.By> names = Map.of("token", DataSubjects.By.TOKEN, "email", DataSubjects.By.EMAIL,
				"customerId", DataSubjects.By.CUSTOMER_ID, "conversation", DataSubjects.By.CONVERSATION);
		Map.Entry<DataSubjects.By, String> found = null;
		for (Map.Entry<String, String> entry : query.entrySet()) {
			DataSubjects.By by = names.get(entry.getKey());
			if (by == null) {
				throw new IllegalArgumentException("Unknown parameter '" + entry.getKey()
						+ "': name the customer with exactly one of token, email, customerId or conversation");
			}
			if (entry.getValue() != null && !entry.getValue().isBlank()) {
				if (found != null) {
					throw new IllegalArgumentException(
							"Name the customer with exactly one of token, email, customerId or conversation, not several");
				}
				found = Map.entry(by, entry.getValue());
			}
		}
		if (found == null) {
			throw new IllegalArgumentException(
					"Name the customer with one of token, email, customerId or conversation, e.g. ?email=ann@example.com");
		}
		return found;
	}

}
