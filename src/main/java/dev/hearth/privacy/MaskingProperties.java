package dev.hearth.privacy;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.privacy.masking}: which regulated data classes each role
 * sees unmasked in the console and the agent API.
 *
 * @param visible per role name ({@code AGENT}, {@code SUPERVISOR}, {@code ADMIN}), the
 * classes it sees in clear, e.g.
 * {@code hearth.privacy.masking.visible.SUPERVISOR=EMAIL,PHONE}; by default no role sees
 * any in clear (card numbers always show their last four digits)
 */
@ConfigurationProperties("hearth.privacy.masking")
record MaskingProperties(@DefaultValue Map<String, Set<PiiClass>> visible) {
}
