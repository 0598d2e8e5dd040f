package dev.hearth.assistant.model;

import java.time.Clock;

import dev.hearth.privacy.EgressGuard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code model} health contributor, part of the readiness group. With no model
 * ({@code none}) it is UP: answers are extractive by design. An in-process llama.cpp
 * model is UP while loaded and DOWN once closed (this replica cannot generate). An
 * OpenAI-compatible server is UP when it answers and {@link #DEGRADED} when it does not:
 * Hearth then falls back to extractive answers or escalation, and every replica shares
 * the server, so a DOWN would take the whole service out instead of one replica. DEGRADED
 * is answered with HTTP 200 unless an operator maps it otherwise
 * ({@code management.endpoint.health.status.http-mapping.DEGRADED}). Thread-safe.
 */
@Component
class ModelHealthIndicator implements HealthIndicator {

	/** The model server does not answer; Hearth answers without it. */
	static final Status DEGRADED = new Status("DEGRADED",
			"The language model server does not answer: answers are extractive or escalated");

	private final ModelProperties.Provider provider;

	private final ObjectProvider<LlamaChatModel> llama;

	private final ModelServerProbe server;

	ModelHealthIndicator(ModelProperties properties, ObjectProvider<LlamaChatModel> llama,
			ObjectProvider<OpenAiCompatibleChatModel> openai, EgressGuard egress) {
		this.provider = properties.provider();
		this.llama = llama;
		OpenAiCompatibleChatModel remote = openai.getIfAvailable();
		this.server = (remote != null)
				? new ModelServerProbe(remote.baseUrl(), properties.openai().apiKey(), egress, Clock.systemUTC())
				: null;
	}

	@Override
	public Health health() {
		return switch (this.provider) {
			case NONE -> Health.up().withDetail("provider", "none").build();
			case LLAMA -> llama();
			case OPENAI -> server();
		};
	}

	private Health llama() {
		LlamaChatModel model = this.llama.getIfAvailable();
		if (model == null || !model.isOpen()) {
			return Health.down().withDetail("provider", "llama").withDetail("error", "the model is closed").build();
		}
		return Health.up().withDetail("provider", "llama").build();
	}

	private Health server() {
		if (this.server == null) {
			return Health.down().withDetail("provider", "openai").withDetail("error", "no model client").build();
		}
		ModelServerProbe.Result result = this.server.probe();
		Health.Builder health = result.reachable() ? Health.up() : Health.status(DEGRADED);
		health.withDetail("provider", "openai").withDetail("server", this.server.models().resolve("."));
		if (!result.reachable()) {
			health.withDetail("error", result.problem());
		}
		return health.build();
	}

}
