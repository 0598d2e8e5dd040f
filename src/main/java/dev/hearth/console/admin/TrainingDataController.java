package dev.hearth.console.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.hearth.escalation.TrainingExamples;

/**
 * The training-data export as a download (admins only): the same chat-format JSONL as
 * {@code GET /api/admin/training-examples}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TrainingDataController {

	private final TrainingExamples examples;

	TrainingDataController(TrainingExamples examples) {
		this.examples = examples;
	}

	@GetMapping("/console/admin/training-examples.jsonl")
	ResponseEntity<String> export() {
		String filename = "hearth-training-examples-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl";
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "x-ndjson", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(this.examples.exportJsonl());
	}

}
