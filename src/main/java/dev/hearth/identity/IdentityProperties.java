package dev.hearth.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code hearth.identity}.
 *
 * @param adminToken an admin API token to accept (seeded, hashed, at start-up); empty for
 * none
 */
@ConfigurationProperties("hearth.identity")
record IdentityProperties(String adminToken) {
}
