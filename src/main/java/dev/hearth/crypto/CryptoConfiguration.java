package dev.hearth.crypto;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The key ring and the {@link FieldCipher}. Start-up fails with what to configure when
 * the {@code prod} (or {@code production}) profile is active and no key is configured.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	@Bean
	KeyRing keyRing(CryptoProperties properties, Environment environment,
			@Value("${hearth.system.data-dir}") Path dataDir) {
		return KeyRing.load(properties, dataDir, environment.acceptsProfiles(Profiles.of("prod | production")));
	}

	@Bean
	FieldCipher fieldCipher(KeyRing keys) {
		return new FieldCipher(keys);
	}

}
