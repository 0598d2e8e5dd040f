package dev.hearth.console.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hearth.console.Flash;
import dev.hearth.conversation.DataSubjectNotFoundException;
import dev.hearth.conversation.DataSubjects;
import dev.hearth.crypto.KeyRotation;

/**
 * Data protection in the console (admins only): the encryption key rotation's progress
 * with a button to run it now, and data subject requests: a customer named by token,
 * email, customer id or conversation id is exported as a JSON file or erased (the
 * identifier travels in a POST body, never in a URL).
 */
@Controller
@RequestMapping("/console/admin/data-protection")
@PreAuthorize("hasRole('ADMIN')")
class DataProtectionController {

	private final KeyRotation rotation;

	private final DataSubjects subjects;

	private final JsonMapper json;

	private final Flash flash;

	DataProtectionController(KeyRotation rotation, DataSubjects subjects, JsonMapper json, Flash flash) {
		this.rotation = rotation;
		this.subjects = subjects;
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
		this.flash = flash;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("status", this.rotation.status());
		model.addAttribute("kinds", DataSubjects.By.values());
		return "console/admin/data-protection";
	}

	@PostMapping("/rotation")
	String rotate(RedirectAttributes redirect) {
		KeyRotation.Run run = this.rotation.run();
		this.flash.notice(redirect, "admin.dataProtection.rotated", (run != null) ? run.total() : 0);
		return "redirect:/console/admin/data-protection";
	}

	@PostMapping("/export")
	Object export(@RequestParam(defaultValue = "EMAIL") DataSubjects.By by,
			@RequestParam(defaultValue = "") String value, Authentication who, Model model,
			HttpServletResponse response) {
		try {
			Map<String, Object> export = this.subjects.export(by, value, who.getName());
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hearth-data-subject-export.json\"")
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.json.writeValueAsString(export));
		}
		catch (IllegalArgumentException | DataSubjectNotFoundException ex) {
			return refused(by, ex, model, response);
		}
	}

	@PostMapping("/erase")
	String erase(@RequestParam(defaultValue = "EMAIL") DataSubjects.By by,
			@RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "false") boolean confirm,
			Authentication who, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!confirm) {
			return refused(by, new IllegalArgumentException(this.flash.text("admin.dataProtection.confirmMissing")),
					model, response);
		}
		try {
			DataSubjects.Erasure erasure = this.subjects.erase(by, value, who.getName());
			this.flash.notice(redirect, "admin.dataProtection.erased", erasure.conversations(), erasure.messages(),
					erasure.tickets(), erasure.trainingExamples(), erasure.request());
			return "redirect:/console/admin/data-protection";
		}
		catch (IllegalArgumentException | DataSubjectNotFoundException ex) {
			return refused(by, ex, model, response);
		}
	}

	private String refused(DataSubjects.By by, RuntimeException ex, Model model, HttpServletResponse response) {
		response.setStatus((ex instanceof DataSubjectNotFoundException) ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.BAD_REQUEST.value());
		model.addAttribute("problem", this.flash.text("admin.dataProtection.refused", ex.getMessage()));
		model.addAttribute("by", by);
		return page(model);
	}

}
