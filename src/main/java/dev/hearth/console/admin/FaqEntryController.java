package dev.hearth.console.admin;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hearth.console.Flash;
import dev.hearth.knowledge.FaqEntry;
import dev.hearth.knowledge.FaqImporter;
import dev.hearth.knowledge.ImportOutcome;
import dev.hearth.knowledge.KnowledgeBase;
import dev.hearth.knowledge.StoredFaqEntry;
import dev.hearth.knowledge.Tags;

/**
 * Editing one FAQ entry in the console: its question, other phrasings, answer, language
 * and tags. Saving embeds the phrasings and updates the index at once; the FAQ router
 * retrains as after any FAQ import. A form with a mistake comes back with the input kept
 * and the problem named.
 */
@Controller
@RequestMapping("/console/admin/knowledge/faq")
class FaqEntryController {

	private final KnowledgeBase knowledge;

	private final FaqImporter importer;

	private final Flash flash;

	FaqEntryController(KnowledgeBase knowledge, FaqImporter importer, Flash flash) {
		this.knowledge = knowledge;
		this.importer = importer;
		this.flash = flash;
	}

	/**
	 * A new entry, optionally filled in (e.g. from the knowledge-gap report's
	 * suggestion).
	 */
	@GetMapping("/new")
	String create(@RequestParam(defaultValue = "") String question,
			@RequestParam(name = "example", required = false) List<String> examples,
			@RequestParam(defaultValue = "") String answer, Model model) {
		String phrasings = (examples != null) ? String.join("\n", examples) : "";
		model.addAttribute("form", new FaqForm(suggestedId(question), question, phrasings, answer, "en", ""));
		model.addAttribute("creating", true);
		return "console/admin/faq-entry";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable String id, Model model, HttpServletResponse response) {
		StoredFaqEntry stored = this.knowledge.faqEntry(id).orElse(null);
		if (stored == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("problem", this.flash.text("admin.faq.missing", id));
			model.addAttribute("form", new FaqForm(id, "", "", "", "en", ""));
			model.addAttribute("creating", true);
			return "console/admin/faq-entry";
		}
		model.addAttribute("form", FaqForm.of(stored));
		model.addAttribute("version", stored.version());
		model.addAttribute("creating", false);
		return "console/admin/faq-entry";
	}

	@PostMapping
	String save(@ModelAttribute("form") FaqForm form, @RequestParam(defaultValue = "false") boolean creating,
			Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		FaqEntry entry;
		try {
			entry = form.toEntry();
			if (creating && this.knowledge.faqEntry(entry.id()).isPresent()) {
				throw new IllegalArgumentException(
						"an entry with the id " + entry.id() + " exists already; choose another id or edit that entry");
			}
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", this.flash.text("admin.faq.invalid", ex.getMessage()));
			model.addAttribute("creating", creating);
			return "console/admin/faq-entry";
		}
		ImportOutcome outcome = this.importer.saveEntry(entry, KnowledgeController.actor(user));
		this.flash.notice(redirect, "admin.faq.saved." + outcome.name(), entry.id());
		return "redirect:/console/admin/knowledge";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
		if (this.knowledge.deleteFaqEntry(id, KnowledgeController.actor(user))) {
			this.flash.notice(redirect, "admin.faq.deleted", id);
		}
		else {
			this.flash.problem(redirect, "admin.faq.missing", id);
		}
		return "redirect:/console/admin/knowledge";
	}

	/** A readable id from a question: its first words, lower case, joined by '-'. */
	static String suggestedId(String question) {
		String slug = java.text.Normalizer.normalize(question, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60);
			slug = slug.contains("-") ? slug.substring(0, slug.lastIndexOf('-')) : slug;
		}
		return slug;
	}

	/**
	 * The edit form: other phrasings one per line, tags as {@code key:value} items
	 * separated by commas or lines.
	 */
	record FaqForm(String id, String question, String examples, String answer, String language, String tags) {

		FaqForm {
			id = (id != null) ? id.strip() : "";
			question = (question != null) ? question.strip() : "";
			examples = (examples != null) ? examples : "";
			answer = (answer != null) ? answer.strip() : "";
			language = (language != null && !language.isBlank()) ? language.strip() : "en";
			tags = (tags != null) ? tags : "";
		}

		static FaqForm of(StoredFaqEntry stored) {
			FaqEntry e = stored.entry();
			StringBuilder tags = new StringBuilder();
			for (Map.Entry<String, List<String>> tag : e.tags().entrySet()) {
				for (String value : tag.getValue()) {
					tags.append(tags.isEmpty() ? "" : ", ").append(tag.getKey()).append(':').append(value);
				}
			}
			return new FaqForm(e.id(), (e.question() != null) ? e.question() : "", String.join("\n", e.examples()),
					e.answer(), e.language(), tags.toString());
		}

		FaqEntry toEntry() {
			if (!this.language.matches("[a-z]{2}")) {
				throw new IllegalArgumentException(
						"language must be a two-letter code such as en or de, got '" + this.language + "'");
			}
			List<String> phrasings = this.examples.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
			return new FaqEntry(this.id, this.question.isEmpty() ? null : this.question, phrasings, this.answer,
					this.language, Tags.parse(KnowledgeController.split(this.tags)));
		}

	}

}
