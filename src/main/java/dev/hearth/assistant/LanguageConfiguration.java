package dev.hearth.assistant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the {@link LanguageDetection} of {@code hearth.assistant.language}: one detector,
 * its profiles read once at start-up.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean
	LanguageDetection languageDetection(AssistantProperties properties) {
		return LanguageDetection.of(properties.language().candidates(), properties.language().contextPrior());
	}

}
