package dev.hearth.privacy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The one gate for outbound HTTP: every client Hearth creates asks it before each
 * request, and only hosts listed in {@code hearth.privacy.egress.allowed-hosts} pass (by
 * default the machine itself: localhost, 127.0.0.1, ::1). A refused call is logged and
 * written to the audit trail. Thread-safe.
 */
@Component
public class EgressGuard {

	private static final Logger log = LoggerFactory.getLogger(EgressGuard.class);

	private final Set<String> allowed;

	private final AuditTrail audit;

	@org.springframework.beans.factory.annotation.Autowired
	EgressGuard(Settings settings, AuditTrail audit) {
		this(settings.allowedHosts(), audit);
	}

	/**
	 * @param allowedHosts the only hosts that may be called
	 * @param audit where refusals are recorded, or {@code null} to only log them
	 */
	public EgressGuard(List<String> allowedHosts, AuditTrail audit) {
		this.allowed = allowedHosts.stream().map(EgressGuard::normalise).collect(Collectors.toUnmodifiableSet());
		this.audit = audit;
	}

	/**
	 * @throws EgressDeniedException when the URL's host is not allowed
	 */
	public void check(String url, String purpose) {
		URI uri = URI.create(url);
		String host = (uri.getHost() != null) ? normalise(uri.getHost()) : "";
		if (!this.allowed.contains(host)) {
			log.warn("Refused an outbound call to {} ({}): the host is not in hearth.privacy.egress.allowed-hosts",
					host, purpose);
			if (this.audit != null) {
				this.audit.record("EGRESS_REFUSED", "hearth", host, Map.of("purpose", purpose));
			}
			throw new EgressDeniedException("Outbound call to " + host + " refused: the host is not in "
					+ "hearth.privacy.egress.allowed-hosts ("
					+ String.join(", ", this.allowed.stream().sorted().toList()) + ").");
		}
	}

	private static String normalise(String host) {
		String h = host.strip().toLowerCase(Locale.ROOT);
		return (h.startsWith("[") && h.endsWith("]")) ? h.substring(1, h.length() - 1) : h;
	}

	/** A call to a host that is not allowed. */
	public static class EgressDeniedException extends RuntimeException {

		EgressDeniedException(String message) {
			super(message);
		}

	}

	/**
	 * Settings under {@code hearth.privacy.egress}.
	 *
	 * @param allowedHosts the only hosts Hearth may call
	 */
	@ConfigurationProperties("hearth.privacy.egress")
	record Settings(@DefaultValue( {
			"localhost", "127.0.0.1", "::1" }) List<String> allowedHosts){
	}

}
