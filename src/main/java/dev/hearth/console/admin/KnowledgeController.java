package dev.hearth.console.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hearth.console.Flash;
import dev.hearth.identity.SignedInUser;
import dev.hearth.knowledge.DocumentImportResult;
import dev.hearth.knowledge.DocumentImporter;
import dev.hearth.knowledge.DocumentRejectedException;
import dev.hearth.knowledge.FaqFormat;
import dev.hearth.knowledge.FaqImportResult;
import dev.hearth.knowledge.FaqImporter;
import dev.hearth.knowledge.KnowledgeBase;
import dev.hearth.knowledge.Tags;

/**
 * The knowledge base in the console (supervisors and admins): documents and FAQ entries
 * with a filter, upload in the browser through the same import pipeline as the kb-import
 * CLI, delete, index rebuild and the import history.
 */
@Controller
@RequestMapping("/console/admin/knowledge")
class KnowledgeController {

	private static final int HISTORY_ROWS = 200;

	private final KnowledgeBase knowledge;

	private final DocumentImporter documents;

	private final FaqImporter faq;

	private final Flash flash;

	KnowledgeController(KnowledgeBase knowledge, DocumentImporter documents, FaqImporter faq, Flash flash) {
		this.knowledge = knowledge;
		this.documents = documents;
		this.faq = faq;
		this.flash = flash;
	}

	@GetMapping
	String page(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("status", this.knowledge.status());
		model.addAttribute("documents", this.knowledge.documents(q));
		model.addAttribute("faqEntries", this.knowledge.faqEntries(q));
		return "console/admin/knowledge";
	}

	@GetMapping("/history")
	String history(@RequestParam(defaultValue = "false") boolean failures, Model model) {
		model.addAttribute("failures", failures);
		model.addAttribute("events", this.knowledge.importHistory(failures, HISTORY_ROWS));
		return "console/admin/history";
	}

	/**
	 * Imports each uploaded file as a document; the source is the folder (if given) and
	 * the file's name. One file's failure does not stop the others.
	 */
	@PostMapping("/documents")
	String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "") String folder, @RequestParam(defaultValue = "") String tags,
			@RequestParam(defaultValue = "") String language, Authentication user, RedirectAttributes redirect) {
		List<MultipartFile> chosen = (files != null) ? files.stream().filter((f) -> !f.isEmpty() || hasName(f)).toList()
				: List.of();
		if (chosen.isEmpty()) {
			this.flash.problem(redirect, "admin.kb.upload.none");
			return "redirect:/console/admin/knowledge";
		}
		Map<String, List<String>> parsedTags;
		try {
			parsedTags = Tags.parse(split(tags));
		}
		catch (IllegalArgumentException ex) {
			this.flash.problem(redirect, "admin.kb.upload.badTags", ex.getMessage());
			return "redirect:/console/admin/knowledge";
		}
		List<UploadResult> results = new ArrayList<>();
		for (MultipartFile file : chosen) {
			String source = source(folder, file.getOriginalFilename());
			try {
				DocumentImportResult result = this.documents.importDocument(source, file.getBytes(), parsedTags,
						language.isBlank() ? null : language.strip(), actor(user));
				String detail = this.flash.text("admin.kb.upload.chunks", result.chunks(), result.title());
				if (!result.warnings().isEmpty()) {
					detail += " " + this.flash.text("admin.kb.upload.warnings", String.join(" ", result.warnings()));
				}
				results.add(new UploadResult(result.source(), result.outcome().name(), detail));
			}
			catch (DocumentRejectedException ex) {
				results.add(new UploadResult(source, "FAILED", ex.reason() + ": " + ex.getMessage()));
			}
			catch (IllegalArgumentException | IOException ex) {
				results.add(new UploadResult(source, "FAILED", ex.getMessage()));
			}
		}
		long failed = results.stream().filter((r) -> r.outcome().equals("FAILED")).count();
		if (failed == 0) {
			this.flash.notice(redirect, "admin.kb.upload.done", results.size());
		}
		else {
			this.flash.problem(redirect, "admin.kb.upload.failed", failed, results.size());
		}
		redirect.addFlashAttribute("uploadResults", results);
		return "redirect:/console/admin/knowledge";
	}

	/** Imports an FAQ file (JSONL or CSV, by its extension). */
	@PostMapping("/faq-file")
	String uploadFaq(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean replace, Authentication user, RedirectAttributes redirect)
			throws IOException {
		if (file == null || (file.isEmpty() && !hasName(file))) {
			this.flash.problem(redirect, "admin.kb.upload.none");
			return "redirect:/console/admin/knowledge";
		}
		String name = file.getOriginalFilename();
		String extension = (name != null && name.contains(".")) ? name.substring(name.lastIndexOf('.') + 1) : "";
		FaqFormat format;
		try {
			format = FaqFormat.of(extension);
		}
		catch (IllegalArgumentException ex) {
			this.flash.problem(redirect, "admin.kb.faqFile.format", name);
			return "redirect:/console/admin/knowledge";
		}
		try {
			FaqImportResult result = this.faq.importFaq(
					new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8), format, replace, name,
					actor(user));
			this.flash.notice(redirect, "admin.kb.faqFile.done", result.added(), result.updated(), result.unchanged(),
					result.removed(), result.failed().size());
			redirect.addFlashAttribute("faqFailures", result.failureMessages());
		}
		catch (IllegalArgumentException ex) {
			this.flash.problem(redirect, "admin.kb.faqFile.failed", name, ex.getMessage());
		}
		return "redirect:/console/admin/knowledge";
	}

	@PostMapping("/documents/delete")
	String deleteDocument(@RequestParam String source, Authentication user, RedirectAttributes redirect) {
		try {
			if (this.knowledge.deleteDocument(source, actor(user))) {
				this.flash.notice(redirect, "admin.kb.document.deleted", source);
			}
			else {
				this.flash.problem(redirect, "admin.kb.document.missing", source);
			}
		}
		catch (IllegalArgumentException ex) {
			this.flash.problem(redirect, "admin.kb.document.missing", source);
		}
		return "redirect:/console/admin/knowledge";
	}

	@PostMapping("/rebuild")
	String rebuild(RedirectAttributes redirect) {
		KnowledgeBase.Rebuilt rebuilt = this.knowledge.rebuildIndex();
		this.flash.notice(redirect, "admin.kb.rebuilt", rebuilt.passages(), rebuilt.revision(), rebuilt.millis());
		return "redirect:/console/admin/knowledge";
	}

	static String source(String folder, String filename) {
		String name = (filename == null || filename.isBlank()) ? "upload" : filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		String prefix = folder.strip().replace('\\', '/');
		while (prefix.endsWith("/")) {
			prefix = prefix.substring(0, prefix.length() - 1);
		}
		while (prefix.startsWith("/")) {
			prefix = prefix.substring(1);
		}
		return prefix.isEmpty() ? name : prefix + "/" + name;
	}

	static List<String> split(String tags) {
		return Arrays.stream(tags.split("[,\\n]")).map(String::strip).filter((t) -> !t.isEmpty()).toList();
	}

	static String actor(Authentication user) {
		return SignedInUser.of(user).username();
	}

	private static boolean hasName(MultipartFile file) {
		return file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
	}

	/**
	 * What happened to one uploaded file.
	 *
	 * @param source its source in the knowledge base
	 * @param outcome ADDED, UPDATED, UNCHANGED or FAILED
	 * @param detail what was stored, or why it failed
	 */
	record UploadResult(String source, String outcome, String detail) {
		UploadResult {
			outcome = outcome.toUpperCase(Locale.ROOT);
		}
	}

}
