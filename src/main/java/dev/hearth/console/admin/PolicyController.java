package dev.hearth.console.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hearth.console.Flash;
import dev.hearth.escalation.ApprovedLlmGateway;
import dev.hearth.escalation.EscalationDecision;
import dev.hearth.escalation.EscalationPolicies;
import dev.hearth.escalation.LlmPolicy;
import dev.hearth.escalation.Policy;
import dev.hearth.privacy.PiiClass;

/**
 * The escalation policy and the approved LLMs in the console (admins only), on the
 * escalation module's {@link EscalationPolicies}: every save is validated there, stored
 * as a new version and audited. The form edits the rules, LLMs and business hours; the
 * JSON editor below it can also add or remove topic and data rules. A refused edit comes
 * back with the input kept and the reason named.
 */
@Controller
@RequestMapping("/console/admin/policy")
@PreAuthorize("hasRole('ADMIN')")
class PolicyController {

	private static final int HISTORY = 10;

	private final EscalationPolicies policies;

	private final ApprovedLlmGateway gateway;

	private final JsonMapper json;

	private final Flash flash;

	PolicyController(EscalationPolicies policies, ApprovedLlmGateway gateway, JsonMapper json, Flash flash) {
		this.policies = policies;
		this.gateway = gateway;
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
		this.flash = flash;
	}

	@GetMapping
	String page(Model model) {
		Policy current = this.policies.current();
		return page(model, PolicyForm.of(current), this.json.writeValueAsString(current));
	}

	@PostMapping
	String save(@ModelAttribute("form") PolicyForm form, Authentication user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			EscalationPolicies.Versioned saved = this.policies.save(form.toPolicy(this.policies.current()),
					KnowledgeController.actor(user), blankToNull(form.getComment()));
			this.flash.notice(redirect, "admin.policy.saved", saved.version());
			return "redirect:/console/admin/policy";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", this.flash.text("admin.policy.invalid", ex.getMessage()));
			return page(model, form, this.json.writeValueAsString(this.policies.current()));
		}
	}

	@PostMapping("/json")
	String saveJson(@RequestParam(defaultValue = "") String policy, @RequestParam(defaultValue = "") String comment,
			Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Policy parsed = parse(policy);
			EscalationPolicies.Versioned saved = this.policies.save(parsed, KnowledgeController.actor(user),
					blankToNull(comment));
			this.flash.notice(redirect, "admin.policy.saved", saved.version());
			return "redirect:/console/admin/policy";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", this.flash.text("admin.policy.invalid", ex.getMessage()));
			model.addAttribute("jsonComment", comment);
			return page(model, PolicyForm.of(this.policies.current()), policy);
		}
	}

	@PostMapping("/reset")
	String reset(Authentication user, RedirectAttributes redirect) {
		EscalationPolicies.Versioned saved = this.policies.reset(KnowledgeController.actor(user));
		this.flash.notice(redirect, "admin.policy.resetDone", saved.version());
		return "redirect:/console/admin/policy";
	}

	private String page(Model model, PolicyForm form, String policyJson) {
		model.addAttribute("form", form);
		model.addAttribute("policyJson", policyJson);
		model.addAttribute("current", this.policies.currentVersion());
		model.addAttribute("history", this.policies.history(HISTORY));
		Map<String, ApprovedLlmGateway.EndpointView> endpoints = new LinkedHashMap<>();
		this.gateway.endpoints().forEach((e) -> endpoints.put(e.name(), e));
		model.addAttribute("endpointsByName", endpoints);
		model.addAttribute("actions", Arrays.asList(EscalationDecision.Action.values()));
		model.addAttribute("modes", Arrays.asList(LlmPolicy.Mode.values()));
		model.addAttribute("dataClasses", Arrays.asList(PiiClass.values()));
		return "console/admin/policy";
	}

	private Policy parse(String text) {
		if (text.isBlank()) {
			throw new IllegalArgumentException("the policy is empty; the editor shows the current one to start from");
		}
		try {
			return this.json.readValue(text, Policy.class);
		}
		catch (JacksonException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			if (cause instanceof IllegalArgumentException invalid) {
				throw invalid;
			}
			throw new IllegalArgumentException(
					"the policy is not valid JSON of the expected shape: " + ex.getOriginalMessage() + lineOf(ex));
		}
	}

	private static String lineOf(JacksonException ex) {
		return (ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
