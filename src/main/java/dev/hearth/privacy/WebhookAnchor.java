package dev.hearth.privacy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Anchor records POSTed as JSON to a webhook (for example a log service in another trust
 * zone); the host must pass the {@link EgressGuard}, and only a 2xx answer counts as
 * written. Thread-safe.
 */
final class WebhookAnchor implements AnchorSink {

	private final URI url;

	private final String token;

	private final EgressGuard egress;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	WebhookAnchor(URI url, String token, EgressGuard egress) {
		this.url = url;
		this.token = token;
		this.egress = egress;
	}

	@Override
	public String name() {
		return "webhook";
	}

	@Override
	public void write(String json) throws IOException {
		this.egress.check(this.url.toString(), "audit-anchor");
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (this.token != null && !this.token.isBlank()) {
			request.header("Authorization", "Bearer " + this.token.strip());
		}
		HttpResponse<Void> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while anchoring to " + this.url, ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new IOException("the anchor webhook " + this.url + " answered HTTP " + response.statusCode());
		}
	}

}
