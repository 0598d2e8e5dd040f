package dev.hearth.escalation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The learning loop in the admin API: the training-data export. */
@RestController
@RequestMapping("/api/admin/training-examples")
class LearningAdminController {

	private final TrainingExamples examples;

	LearningAdminController(TrainingExamples examples) {
		this.examples = examples;
	}

	@GetMapping(produces = "application/x-ndjson")
	String export() {
		return this.examples.exportJsonl();
	}

}
