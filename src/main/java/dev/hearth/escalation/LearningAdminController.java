package dev.hearth.escalation;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hearth.privacy.Masking;

/** The learning loop in the admin API: the training-data export. */
@RestController
@RequestMapping("/api/admin/training-examples")
class LearningAdminController {

	private final TrainingExamples examples;

	private final Masking masking;

	LearningAdminController(TrainingExamples examples, Masking masking) {
		this.examples = examples;
		this.masking = masking;
	}

	@GetMapping(produces = "application/x-ndjson")
	String export(Authentication caller) {
		return this.examples.exportJsonl(this.masking.forViewer(caller));
	}

}
