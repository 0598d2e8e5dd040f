package dev.hearth.assistant.model;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.hearth.assistant.ScriptedModelServer;
import dev.hearth.privacy.EgressGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelServerProbeTest {

	private final ScriptedModelServer server = new ScriptedModelServer();

	private final EgressGuard loopbackOnly = new EgressGuard(List.of("127.0.0.1"), null);

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return ModelServerProbeTest.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};

	ModelServerProbeTest() throws IOException {
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void asksTheModelsEndpointWithTheKeyAndCachesTheAnswer() {
		ModelServerProbe probe = new ModelServerProbe(URI.create(this.server.baseUrl()), "k-1", this.loopbackOnly,
				this.clock);

		assertThat(probe.probe().reachable()).isTrue();
		this.server.failWith = 503;
		assertThat(probe.probe().reachable()).as("cached").isTrue();
		this.now = this.now.plus(ModelServerProbe.CACHE).plus(Duration.ofMillis(1));
		ModelServerProbe.Result down = probe.probe();

		assertThat(down.reachable()).isFalse();
		assertThat(down.problem()).isEqualTo("GET " + this.server.baseUrl() + "/models answered HTTP 503");
		assertThat(this.server.paths).containsExactly("/v1/models", "/v1/models");
		assertThat(this.server.keys).containsOnly("Bearer k-1");
	}

	@Test
	void aHostTheEgressGuardRefusesIsNeverCalled() {
		ModelServerProbe probe = new ModelServerProbe(
				URI.create(this.server.baseUrl().replace("127.0.0.1", "localhost")), "", this.loopbackOnly, this.clock);

		ModelServerProbe.Result result = probe.probe();

		assertThat(result.reachable()).isFalse();
		assertThat(result.problem()).contains("refused: the host is not in hearth.privacy.egress.allowed-hosts");
		assertThat(this.server.requests).hasValue(0);
	}

}
