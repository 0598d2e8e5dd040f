package dev.hearth.privacy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.privacy.audit-anchor}: where audit checkpoints and the
 * chain's head are also written, outside PostgreSQL (docs/adr/0022). Any combination;
 * none configured: no anchoring.
 *
 * @param file an append-only file, best on a separate mount (read back by the
 * verification)
 * @param syslogHost a syslog collector (RFC 5424 over UDP), or empty
 * @param syslogPort its port
 * @param webhookUrl an HTTPS endpoint (plain HTTP only to loopback) whose host is in
 * {@code hearth.privacy.egress.allowed-hosts}; receives each record as a JSON POST
 * @param webhookToken sent as {@code Authorization: Bearer …} when set (a secret: from
 * the environment, never application.yml)
 * @param webhookRecordsUrl where the webhook's receiver lists every record it holds (a
 * GET with the same token, answering JSON lines or a JSON array), so that the
 * verification compares that copy with the database like the file; same host rules as
 * {@code webhookUrl}; empty: the webhook's copy is not read back
 * @param interval how often pending checkpoints and the head are anchored
 * @param head whether the chain's newest event is anchored on each run too (so that
 * events since the last purge are covered)
 */
@ConfigurationProperties("hearth.privacy.audit-anchor")
record AuditAnchorProperties(Path file, String syslogHost, @DefaultValue("514") int syslogPort, URI webhookUrl,
		String webhookToken, URI webhookRecordsUrl, @DefaultValue("10m") Duration interval,
		@DefaultValue("true") boolean head) {

	AuditAnchorProperties {
		if (syslogPort < 1 || syslogPort > 65_535) {
			throw new IllegalArgumentException(
					"hearth.privacy.audit-anchor.syslog-port must be 1 to 65535, got " + syslogPort);
		}
		checkUrl("webhook-url", webhookUrl);
		checkUrl("webhook-records-url", webhookRecordsUrl);
		if (webhookRecordsUrl != null && webhookUrl == null) {
			throw new IllegalArgumentException("hearth.privacy.audit-anchor.webhook-records-url is set but "
					+ "webhook-url is not: set both, or neither");
		}
	}

	private static void checkUrl(String name, URI url) {
		if (url == null) {
			return;
		}
		String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
		String host = String.valueOf(url.getHost()).toLowerCase(Locale.ROOT);
		boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
				|| host.equals("::1");
		if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
			throw new IllegalArgumentException("hearth.privacy.audit-anchor." + name + " must be an https:// URL "
					+ "(plain http only to this machine), got " + url);
		}
	}

	boolean any() {
		return this.file != null || hasSyslog() || this.webhookUrl != null;
	}

	boolean hasSyslog() {
		return this.syslogHost != null && !this.syslogHost.isBlank();
	}

}
