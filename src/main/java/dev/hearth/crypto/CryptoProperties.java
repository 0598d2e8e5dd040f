package dev.hearth.crypto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.crypto}.
 *
 * @param activeKey the id of the key new values are sealed with; may be left empty when
 * exactly one key is configured
 * @param keys key id to the key, 32 bytes in Base64 (AES-256)
 * @param keyFile a file of {@code id=Base64 key} lines (and optionally
 * {@code active-key=id}), e.g. a mounted Kubernetes secret; read at start-up
 * @param rotation the background re-encryption
 */
@ConfigurationProperties("hearth.crypto")
record CryptoProperties(String activeKey, Map<String, String> keys, Path keyFile, @DefaultValue Rotation rotation) {

	CryptoProperties {
		keys = (keys != null) ? Map.copyOf(keys) : Map.of();
		activeKey = (activeKey != null && !activeKey.isBlank()) ? activeKey.strip() : null;
	}

	/**
	 * @param enabled whether the job runs on this replica
	 * @param batchSize rows re-sealed per transaction
	 * @param batchesPerRun at most this many batches per table each run (bounds one run)
	 * @param interval pause between runs
	 */
	record Rotation(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
			@DefaultValue("40") int batchesPerRun, @DefaultValue("30s") Duration interval) {

		Rotation {
			if (batchSize < 1 || batchSize > 10_000) {
				throw new IllegalArgumentException(
						"hearth.crypto.rotation.batch-size must be between 1 and 10000, got " + batchSize);
			}
			if (batchesPerRun < 1) {
				throw new IllegalArgumentException(
						"hearth.crypto.rotation.batches-per-run must be at least 1, got " + batchesPerRun);
			}
		}

	}

}
