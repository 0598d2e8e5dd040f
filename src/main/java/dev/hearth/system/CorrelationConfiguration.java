package dev.hearth.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Correlation ids in the logs: {@link CorrelationFilter} runs first of all filters, so
 * that whatever a request logs, security and size checks included, carries them.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

	@Bean
	FilterRegistrationBean<CorrelationFilter> correlationFilter() {
		FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
