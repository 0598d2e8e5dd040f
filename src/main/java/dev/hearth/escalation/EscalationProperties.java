package dev.hearth.escalation;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.hearth.privacy.PiiClass;

/**
 * Settings under {@code hearth.escalation}.
 *
 * @param approvedLlms the large language models the company approved; none by default, so
 * by default nothing leaves the network
 */
@ConfigurationProperties("hearth.escalation")
record EscalationProperties(@DefaultValue List<ApprovedLlm> approvedLlms) {

	EscalationProperties {
		for (ApprovedLlm llm : approvedLlms) {
			if (llm.name() == null || llm.name().isBlank() || llm.baseUrl() == null || llm.model() == null) {
				throw new IllegalArgumentException(
						"every hearth.escalation.approved-llms entry needs a name, a base-url and a model, got " + llm);
			}
		}
	}

	/** What an approved model may do. */
	enum Mode {

		/** Answer customers directly. */
		ANSWER,
		/** Only draft answers for agents to edit. */
		DRAFT_FOR_AGENT

	}

	/**
	 * An approved OpenAI-compatible endpoint (its host must also be in
	 * {@code hearth.privacy.egress.allowed-hosts}).
	 *
	 * @param name how it is named in the audit trail
	 * @param baseUrl the API address up to {@code /v1}
	 * @param model the model name
	 * @param apiKey the key (from a secret), or empty
	 * @param mode whether it answers customers or only drafts for agents
	 * @param mayReceive the kinds of personal data it may receive; every other kind is
	 * redacted
	 * @param maxTokens the longest answer
	 * @param timeout connect and read timeout
	 */
	record ApprovedLlm(String name, URI baseUrl, String model, @DefaultValue("") String apiKey,
			@DefaultValue("ANSWER") Mode mode, @DefaultValue List<PiiClass> mayReceive,
			@DefaultValue("512") int maxTokens, @DefaultValue("60s") Duration timeout) {
	}

}
