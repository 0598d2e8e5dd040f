package dev.hearth.system;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Input hygiene in one place, for every endpoint: request bodies limited before they are
 * read ({@link RequestSizeLimitFilter}), JSON with duplicate keys or nested deeper than
 * {@link InputProperties#maxNestingDepth()} refused, JSON strings only from JSON strings
 * and cleaned by {@link InputText#clean} ({@link InputStringDeserializer}); form fields
 * and query parameters are cleaned by {@link InputBinderAdvice}.
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration {

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(InputProperties properties) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	JsonFactoryBuilderCustomizer strictJsonParsing(InputProperties properties) {
		return (factory) -> factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.streamReadConstraints(
					StreamReadConstraints.builder().maxNestingDepth(properties.maxNestingDepth()).build());
	}

	@Bean
	JsonMapperBuilderCustomizer cleanJsonStrings() {
		return (mapper) -> mapper
			.addModule(new SimpleModule("hearth-input").addDeserializer(String.class, new InputStringDeserializer()));
	}

}
