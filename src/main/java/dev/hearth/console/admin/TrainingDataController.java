package dev.hearth.console.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.hearth.escalation.TrainingExamples;
import dev.hearth.privacy.Masking;

/**
 * The training-data export as a download (admins only): the same chat-format JSONL as
 * {@code GET /api/admin/training-examples}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TrainingDataController {

	private final TrainingExamples examples;

	private final Masking masking;

	TrainingDataController(TrainingExamples examples, Masking masking) {
		this.examples = examples;
		this.masking = masking;
	}

	@GetMapping("/console/admin/training-examples.jsonl")
	ResponseEntity<String> export(Authentication caller) {
		String filename = "hearth-training-examples-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl";
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "x-ndjson", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(this.examples.exportJsonl(this.masking.forViewer(caller)));
	}

}
