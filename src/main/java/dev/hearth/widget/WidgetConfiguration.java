package dev.hearth.widget;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import dev.hearth.system.SharedBuckets;

/**
 * The widget's web plumbing: CORS per site key and rate limits in front of
 * {@code /api/widget/**} (servlet filters that run before Spring Security, so a refused
 * preflight never reaches it), and the security chain of the widget's own files under
 * {@code /widget/**}: anonymous, stateless, framable only where the frame's own
 * Content-Security-Policy says ({@code frame-ancestors}), every other file with a
 * {@code default-src 'none'} policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetProperties.class)
class WidgetConfiguration {

	static final String ASSET_POLICY = "default-src 'none'; frame-ancestors 'none'";

	@Bean
	FilterRegistrationBean<WidgetCorsFilter> widgetCorsFilter(WidgetSites sites) {
		FilterRegistrationBean<WidgetCorsFilter> registration = new FilterRegistrationBean<>(
				new WidgetCorsFilter(sites));
		registration.addUrlPatterns("/api/widget/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<WidgetRateLimitFilter> widgetRateLimitFilter(WidgetProperties properties, WidgetSites sites,
			SharedBuckets shared) {
		RateLimits buckets = new RateLimits(properties.rateLimit().shared() ? shared : null);
		FilterRegistrationBean<WidgetRateLimitFilter> registration = new FilterRegistrationBean<>(
				new WidgetRateLimitFilter(properties.rateLimit(), sites, buckets));
		registration.addUrlPatterns("/api/widget/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
		return registration;
	}

	/**
	 * The widget's files may be cached for an hour (and are revalidated by
	 * {@code Last-Modified} after that): pages that embed the widget load it once per
	 * visit, not on every navigation.
	 */
	@Bean
	WebMvcConfigurer widgetFiles() {
		return new WebMvcConfigurer() {
			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler("/widget/**")
					.addResourceLocations("classpath:/static/widget/")
					.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
			}
		};
	}

	@Bean
	@Order(3)
	SecurityFilterChain widgetChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/widget/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.headers((headers) -> headers.frameOptions((frame) -> frame.disable())
				.cacheControl((cache) -> cache.disable())
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/widget/frame")),
						new StaticHeadersWriter("Content-Security-Policy", ASSET_POLICY))));
		return http.build();
	}

}
