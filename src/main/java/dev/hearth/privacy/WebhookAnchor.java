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
 * written. When the receiver lists what it holds ({@code webhook-records-url}),
 * {@link #records} reads that copy back for the verification. Thread-safe.
 */
final class WebhookAnchor implements AnchorSink {

	private final URI url;

	private final String token;

	private final URI recordsUrl;

	/** The longest list of records read back. */
	static final int MAX_RECORDS_BYTES = 32 * 1024 * 1024;

	private final EgressGuard egress;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	WebhookAnchor(URI url, String token, URI recordsUrl, EgressGuard egress) {
		this.url = url;
		this.token = token;
		this.recordsUrl = recordsUrl;
		this.egress = egress;
	}

	/** Whether the receiver's copy can be read back. */
	boolean canList() {
		return this.recordsUrl != null;
	}

	/** The records-listing address, for messages. */
	URI recordsUrl() {
		return this.recordsUrl;
	}

	/**
	 * The receiver's copy of the records, as it answered (JSON lines or a JSON array).
	 * @throws IOException when it cannot be read, answers other than 2xx, or is larger
	 * than {@link #MAX_RECORDS_BYTES}
	 */
	String records() throws IOException {
		this.egress.check(this.recordsUrl.toString(), "audit-anchor");
		HttpRequest.Builder request = HttpRequest.newBuilder(this.recordsUrl)
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/x-ndjson, application/json")
			.GET();
		if (this.token != null && !this.token.isBlank()) {
			request.header("Authorization", "Bearer " + this.token.strip());
		}
		HttpResponse<java.io.InputStream> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while reading the anchor records from " + this.recordsUrl, ex);
		}
		try (java.io.InputStream body = response.body()) {
			if (response.statusCode() / 100 != 2) {
				throw new IOException("the anchor webhook's records at " + this.recordsUrl + " answered HTTP "
						+ response.statusCode());
			}
			byte[] bytes = body.readNBytes(MAX_RECORDS_BYTES + 1);
			if (bytes.length > MAX_RECORDS_BYTES) {
				throw new IOException("the anchor webhook's records at " + this.recordsUrl + " exceed "
						+ (MAX_RECORDS_BYTES >> 20) + " MiB");
			}
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}
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
