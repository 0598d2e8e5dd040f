package dev.hearth.knowledge;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages that citation links point to: a document's passages, each with an anchor, and
 * an FAQ entry. Only documents for a public audience are shown (untagged ones are
 * internal: {@link Audiences}) here; internal documents are never served to anonymous
 * readers.
 */
@Controller
class CitationController {

	private final KnowledgeStore store;

	private final KnowledgeProperties properties;

	CitationController(KnowledgeStore store, KnowledgeProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@GetMapping("/kb/documents/{id}")
	String document(@PathVariable String id, Model model) {
		KnowledgeDocument document = parseId(id).flatMap(this.store::findDocument)
			.filter(this::isPublic)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document"));
		model.addAttribute("document", document);
		model.addAttribute("chunks", this.store.chunksOf(document.id()));
		model.addAttribute("updated", document.updatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
		return "kb/document";
	}

	@GetMapping("/kb/faq/{id}")
	String faq(@PathVariable String id, Model model) {
		StoredFaqEntry entry = this.store.faqEntries()
			.stream()
			.filter((e) -> e.entry().id().equals(id))
			.filter((e) -> Audiences.visibleTo(e.entry().tags(), this.properties.publicAudiences()))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such FAQ entry"));
		model.addAttribute("entry", entry.entry());
		return "kb/faq";
	}

	private boolean isPublic(KnowledgeDocument document) {
		return Audiences.visibleTo(document.tags(), this.properties.publicAudiences());
	}

	private static java.util.Optional<UUID> parseId(String id) {
		try {
			return java.util.Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

}
