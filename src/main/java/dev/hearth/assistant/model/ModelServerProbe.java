package dev.hearth.assistant.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.hearth.privacy.EgressGuard;

/**
 * Asks an OpenAI-compatible model server whether it answers
 * ({@code GET <base-url>/models}, through the egress guard), at most once per
 * {@link #CACHE} so frequent health probes do not load the server. Thread-safe.
 */
final class ModelServerProbe {

	static final Duration CACHE = Duration.ofSeconds(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final URI models;

	private final String apiKey;

	private final EgressGuard egress;

	private final HttpClient http;

	private final Clock clock;

	private volatile Result last;

	/** Whether the server answered, and if not, why. */
	record Result(boolean reachable, String problem, Instant at) {
	}

	ModelServerProbe(URI baseUrl, String apiKey, EgressGuard egress, Clock clock) {
		String base = baseUrl.toString();
		this.models = URI.create((base.endsWith("/") ? base : base + "/") + "models");
		this.apiKey = apiKey;
		this.egress = egress;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
	}

	Result probe() {
		Result cached = this.last;
		Instant now = this.clock.instant();
		if (cached != null && cached.at().plus(CACHE).isAfter(now)) {
			return cached;
		}
		Result result = ask(now);
		this.last = result;
		return result;
	}

	private Result ask(Instant now) {
		try {
			this.egress.check(this.models.toString(), "model health check");
			HttpRequest.Builder request = HttpRequest.newBuilder(this.models).timeout(TIMEOUT).GET();
			if (this.apiKey != null && !this.apiKey.isBlank()) {
				request.header("Authorization", "Bearer " + this.apiKey);
			}
			// the status is enough: a server that sends its headers and then stalls must
			// not
			// hold the health check (the request timeout ends at the headers)
			HttpResponse<InputStream> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			response.body().close();
			int status = response.statusCode();
			if (status / 100 == 2) {
				return new Result(true, null, now);
			}
			return new Result(false, "GET " + this.models + " answered HTTP " + status, now);
		}
		catch (IOException | RuntimeException ex) {
			return new Result(false, "GET " + this.models + " failed: " + ex, now);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(false, "interrupted", now);
		}
	}

	URI models() {
		return this.models;
	}

}
