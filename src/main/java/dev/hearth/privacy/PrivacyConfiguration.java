package dev.hearth.privacy;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Redactor}: the standard detectors with the configured customer and order
 * number patterns, plus every other {@link PiiDetector} bean the application defines
 * (detectors are pluggable).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	@Bean
	Redactor redactor(PrivacyProperties properties, List<PiiDetector> extraDetectors) {
		List<PiiDetector> detectors = new ArrayList<>(
				StandardDetectors.all(properties.customerNumberPattern(), properties.orderNumberPattern()));
		detectors.addAll(extraDetectors);
		return new Redactor(detectors);
	}

}
