package dev.hearth.knowledge;

import java.io.IOException;
import java.security.Principal;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bundled sample knowledge base in the admin API: {@code DELETE /api/admin/sample}
 * removes its documents and FAQ entries and leaves the company's own content.
 */
@RestController
@RequestMapping("/api/admin/sample")
class SampleAdminController {

	private final SampleKnowledgeBase sample;

	SampleAdminController(SampleKnowledgeBase sample) {
		this.sample = sample;
	}

	@DeleteMapping
	SampleKnowledgeBase.Removed remove(Principal principal) throws IOException {
		return this.sample.remove(principal.getName());
	}

}
