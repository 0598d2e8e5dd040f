package dev.hearth.knowledge;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FAQ entries in the admin API: import a JSONL or CSV file (as the request body), list,
 * delete.
 */
@RestController
@RequestMapping("/api/admin/faq")
class FaqAdminController {

	private final FaqImporter importer;

	private final KnowledgeStore store;

	private final KnowledgeWriter writer;

	FaqAdminController(FaqImporter importer, KnowledgeStore store, KnowledgeWriter writer) {
		this.importer = importer;
		this.store = store;
		this.writer = writer;
	}

	@PostMapping
	FaqImportResult importFaq(@RequestBody(required = false) String body,
			@RequestParam(defaultValue = "jsonl") String format, @RequestParam(defaultValue = "false") boolean replace,
			@RequestParam(defaultValue = "faq") String name, Principal principal) {
		if (body == null || body.isBlank()) {
			throw new IllegalArgumentException("the request body is empty: send the FAQ file's content");
		}
		return this.importer.importFaq(body, FaqFormat.of(format), replace, name, principal.getName());
	}

	@GetMapping
	List<FaqView> list() {
		return this.store.faqEntries().stream().map(FaqView::of).toList();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> delete(@PathVariable String id, Principal principal) {
		if (!this.store.faqHashes().containsKey(id)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"No FAQ entry has the id " + id + " (kb-import list --faq shows the ids)."));
		}
		this.writer.saveFaq(Map.of(), Map.of(), List.of(id), "faq/" + id, principal.getName());
		return ResponseEntity.ok(Map.of("id", id, "deleted", true));
	}

	/** An FAQ entry as the admin API shows it. */
	record FaqView(String id, String question, List<String> examples, String answer, String language,
			Map<String, List<String>> tags, int version, java.time.Instant updatedAt) {

		static FaqView of(StoredFaqEntry stored) {
			FaqEntry e = stored.entry();
			return new FaqView(e.id(), e.question(), e.examples(), e.answer(), e.language(), e.tags(), stored.version(),
					stored.updatedAt());
		}

	}

}
