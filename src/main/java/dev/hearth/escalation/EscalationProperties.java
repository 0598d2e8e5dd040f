package dev.hearth.escalation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.hearth.privacy.PiiClass;

/**
 * Settings under {@code hearth.escalation}. The policy configured here is the starting
 * point; once an admin edits the policy (console or {@code PUT
 * /api/admin/escalation/policy}) the stored version wins until it is reset.
 *
 * @param approvedLlms the large language models the company approved; none by default, so
 * by default nothing leaves the network
 * @param rules changes to the built-in rules, by rule id (e.g.
 * {@code customer-asked-for-person}, {@code turn-limit}); unset fields keep the default
 * @param topics sensitive topics by name: changes to the built-in ones
 * ({@code legal-threat}, {@code complaint}, {@code cancellation}, {@code medical-advice},
 * {@code financial-advice}) or new ones
 * @param businessHours when a person can take over live; off by default (always live)
 */
@ConfigurationProperties("hearth.escalation")
record EscalationProperties(@DefaultValue List<ApprovedLlm> approvedLlms, @DefaultValue Map<String, RuleSettings> rules,
		@DefaultValue Map<String, TopicSettings> topics, @DefaultValue BusinessHoursSettings businessHours) {

	EscalationProperties {
		for (ApprovedLlm llm : approvedLlms) {
			if (llm.name() == null || llm.name().isBlank() || llm.baseUrl() == null || llm.model() == null) {
				throw new IllegalArgumentException(
						"every hearth.escalation.approved-llms entry needs a name, a base-url and a model, got " + llm);
			}
		}
	}

	/** The API an approved endpoint speaks. */
	enum Provider {

		/**
		 * OpenAI's chat completions API, as served by OpenAI, vLLM, Ollama, llama.cpp.
		 */
		OPENAI,
		/**
		 * Azure OpenAI: deployments under {@code /openai/deployments}, key in
		 * {@code api-key}.
		 */
		AZURE_OPENAI,
		/** Anthropic's messages API. */
		ANTHROPIC

	}

	/**
	 * An approved endpoint (its host must also be in
	 * {@code hearth.privacy.egress.allowed-hosts}).
	 *
	 * @param name how it is named in the policy and the audit trail
	 * @param provider the API it speaks
	 * @param baseUrl the API address (OpenAI: up to {@code /v1}; Azure: the resource,
	 * e.g. {@code https://x.openai.azure.com}; Anthropic: e.g.
	 * {@code https://api.anthropic.com})
	 * @param model the model name (Azure: the deployment name)
	 * @param apiKey the key (from a secret), or empty
	 * @param mode whether it answers customers or only drafts for agents
	 * @param mayReceive the kinds of personal data it may receive; every other kind is
	 * redacted
	 * @param maxTokens the longest answer
	 * @param timeout connect and read timeout
	 */
	record ApprovedLlm(String name, @DefaultValue("OPENAI") Provider provider, URI baseUrl, String model,
			@DefaultValue("") String apiKey, @DefaultValue("ANSWER") LlmPolicy.Mode mode,
			@DefaultValue List<PiiClass> mayReceive, @DefaultValue("512") int maxTokens,
			@DefaultValue("60s") Duration timeout) {
	}

	/** Changes to a built-in rule; {@code null} keeps the default. */
	record RuleSettings(Boolean enabled, EscalationDecision.Action action, Integer priority, Integer limit,
			List<PiiClass> dataClasses) {
	}

	/** A sensitive topic; {@code null} keeps the built-in default. */
	record TopicSettings(Boolean enabled, EscalationDecision.Action action, Integer priority, List<String> phrases) {
	}

	/**
	 * @param enabled false: live handoff at any time
	 * @param zone e.g. Europe/Berlin
	 * @param open e.g. {@code MON-FRI 08:00-18:00}
	 * @param closedOn ISO dates, e.g. 2026-12-25
	 * @param requireAgentOnline also open a ticket when no agent was active recently
	 */
	record BusinessHoursSettings(@DefaultValue("false") boolean enabled, @DefaultValue("UTC") String zone,
			@DefaultValue("MON-FRI 08:00-18:00") List<String> open, @DefaultValue List<String> closedOn,
			@DefaultValue("false") boolean requireAgentOnline) {
	}

}
