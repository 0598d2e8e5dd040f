package dev.hearth.console.admin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.hearth.console.ConsoleUsers;
import dev.hearth.escalation.EscalationPolicies;
import dev.hearth.escalation.Policy;
import dev.hearth.escalation.PolicyRule;
import dev.hearth.privacy.AuditTrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The escalation policy page on the escalation module's versioned, audited policy: only
 * admins, a form edit and a JSON edit each become a new version with an audit event, a
 * refused edit comes back with the input kept and the reason named.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PolicyPageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	EscalationPolicies policies;

	@Autowired
	AuditTrail audit;

	@AfterEach
	void configuredPolicyAgain() {
		this.policies.reset("test");
	}

	@Test
	void onlyAdminsSeeThePolicy() throws Exception {
		this.mvc.perform(get("/console/admin/policy").with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/console/admin/policy/reset").with(ConsoleUsers.supervisor("sam")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/admin/policy").with(ConsoleUsers.admin("ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("customer-asked-for-person"),
					containsString("topic:legal-threat"), containsString("id=\"policy-json\""))));
	}

	@Test
	void aFormEditIsSavedAsANewAuditedVersion() throws Exception {
		PolicyForm edit = PolicyForm.of(this.policies.current());
		PolicyForm.RuleRow turnLimit = edit.getRules().get(index(this.policies.current(), "turn-limit"));
		turnLimit.setLimit(12);
		turnLimit.setPriority(4);
		this.mvc.perform(
				form(edit).param("comment", "customers need more turns").with(ConsoleUsers.admin("ada")).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/policy"))
			.andExpect(flash().attribute("notice", containsString("Policy saved as version")));
		PolicyRule rule = this.policies.current().rule("turn-limit").orElseThrow();
		assertThat(rule.limit()).isEqualTo(12);
		assertThat(rule.priority()).isEqualTo(4);
		assertThat(this.policies.currentVersion().updatedBy()).isEqualTo("ada");
		assertThat(this.policies.currentVersion().comment()).isEqualTo("customers need more turns");
		assertThat(this.audit.events(new AuditTrail.Query("POLICY_CHANGED", "ada", null, null, null, null, 1)))
			.singleElement()
			.satisfies(
					(event) -> assertThat(event.details()).containsEntry("changed", java.util.List.of("turn-limit")));
	}

	@Test
	void aRefusedFormEditKeepsTheInputAndNamesTheProblem() throws Exception {
		int before = this.policies.currentVersion().version();
		PolicyForm edit = PolicyForm.of(this.policies.current());
		edit.setHoursEnabled(true);
		edit.setZone("Mars/Olympus_Mons");
		edit.setOpen("MON-FRI 08:00-18:00");
		this.mvc.perform(form(edit).with(ConsoleUsers.admin("ada")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("is not a time zone"), containsString("value=\"Mars/Olympus_Mons\""))));
		assertThat(this.policies.currentVersion().version()).isEqualTo(before);
	}

	@Test
	void theJsonEditorSavesAWholePolicyOrExplainsWhyNot() throws Exception {
		this.mvc
			.perform(post("/console/admin/policy/json").param("policy", "{\"rules\": [")
				.param("comment", "broken")
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(
					content().string(allOf(containsString("not valid JSON"), containsString("{&quot;rules&quot;: ["))));
		this.mvc
			.perform(post("/console/admin/policy/json").param("policy", "{\"rules\": []}")
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("built-in rules can be disabled, not removed")));
		String json = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.writeValueAsString(this.policies.current())
			.replace("\"id\":\"frustration:profanity\",\"kind\":\"PROFANITY\",\"enabled\":true",
					"\"id\":\"frustration:profanity\",\"kind\":\"PROFANITY\",\"enabled\":false");
		this.mvc
			.perform(post("/console/admin/policy/json").param("policy", json)
				.param("comment", "our customers swear a lot")
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(redirectedUrl("/console/admin/policy"));
		assertThat(this.policies.current().rule("frustration:profanity").orElseThrow().enabled()).isFalse();
	}

	@Test
	void resetsToTheConfiguredPolicy() throws Exception {
		this.mvc.perform(post("/console/admin/policy/reset").with(ConsoleUsers.admin("ada")).with(csrf()))
			.andExpect(flash().attribute("notice", containsString("configured policy is in force again")));
		assertThat(this.policies.current()).isEqualTo(this.policies.configured());
	}

	private static int index(Policy policy, String id) {
		for (int i = 0; i < policy.rules().size(); i++) {
			if (policy.rules().get(i).id().equals(id)) {
				return i;
			}
		}
		throw new IllegalStateException("no rule " + id);
	}

	/** The form as the page would post it for this policy, unchanged. */
	private static MockHttpServletRequestBuilder form(PolicyForm form) {
		MockHttpServletRequestBuilder request = post("/console/admin/policy");
		for (int i = 0; i < form.getRules().size(); i++) {
			PolicyForm.RuleRow row = form.getRules().get(i);
			String p = "rules[" + i + "].";
			request.param(p + "id", row.getId())
				.param(p + "kind", row.getKind().name())
				.param(p + "action", row.getAction().name())
				.param(p + "priority", String.valueOf(row.getPriority()))
				.param(p + "phrases", row.getPhrases())
				.param(p + "limit", String.valueOf(row.getLimit()))
				.param("_" + p + "enabled", "on")
				.param("_" + p + "dataClasses", "1");
			if (row.isEnabled()) {
				request.param(p + "enabled", "true");
			}
			row.getDataClasses().forEach((c) -> request.param(p + "dataClasses", c.name()));
		}
		for (int i = 0; i < form.getLlms().size(); i++) {
			PolicyForm.LlmRow row = form.getLlms().get(i);
			String p = "llms[" + i + "].";
			request.param(p + "name", row.getName()).param(p + "mode", row.getMode().name());
			if (row.isEnabled()) {
				request.param(p + "enabled", "true");
			}
			row.getMayReceive().forEach((c) -> request.param(p + "mayReceive", c.name()));
		}
		request.param("zone", form.getZone()).param("open", form.getOpen()).param("closedOn", form.getClosedOn());
		if (form.isHoursEnabled()) {
			request.param("hoursEnabled", "true");
		}
		if (form.isRequireAgentOnline()) {
			request.param("requireAgentOnline", "true");
		}
		return request;
	}

}
