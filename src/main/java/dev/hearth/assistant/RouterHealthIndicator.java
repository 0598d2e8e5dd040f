package dev.hearth.assistant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code router} health contributor, part of the readiness group: OUT_OF_SERVICE
 * while this replica waits for an FAQ router (the first training, or a version another
 * replica put live that this one has not loaded yet), so that no question reaches it
 * before its FAQ matching is current; UP otherwise, also when no router can be trained
 * (too few entries, a failed training, training only on demand), since the FAQ is then
 * matched by its phrasings and answers ({@link RouterService#readiness()}). Not in the
 * liveness group: waiting for a router is no reason to restart. Thread-safe.
 */
@Component
class RouterHealthIndicator implements HealthIndicator {

	private final RouterService router;

	RouterHealthIndicator(RouterService router) {
		this.router = router;
	}

	@Override
	public Health health() {
		RouterReadiness readiness;
		try {
			readiness = this.router.readiness();
		}
		catch (RuntimeException ex) {
			// PostgreSQL is unreachable: the db contributor reports it
			return Health.unknown().withDetail("error", "The live FAQ router version cannot be read").build();
		}
		Health.Builder health = readiness.ready() ? Health.up() : Health.status(Status.OUT_OF_SERVICE);
		health.withDetail("matcher", readiness.matcher());
		if (readiness.liveVersion() != null) {
			health.withDetail("liveVersion", readiness.liveVersion());
		}
		if (readiness.reason() != null) {
			health.withDetail("reason", readiness.reason());
		}
		return health.build();
	}

}
