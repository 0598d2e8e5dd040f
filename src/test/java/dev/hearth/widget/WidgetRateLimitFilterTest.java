package dev.hearth.widget;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The shared limits live in PostgreSQL: when no connection can be had (an outage, or the
 * pool exhausted under overload) the widget gets a 503 with {@code Retry-After}, which it
 * retries, not a 500.
 */
class WidgetRateLimitFilterTest {

	@Test
	void noDatabaseConnectionForTheLimitsIsA503ToRetry() throws Exception {
		RateLimits buckets = mock(RateLimits.class);
		when(buckets.acquire(anyString(), anyInt(), anyBoolean()))
			.thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new java.sql.SQLTransientConnectionException("Connection is not available")));
		WidgetProperties.RateLimit limits = new WidgetProperties.RateLimit(60, 20, 600, 6000, true);
		WidgetRateLimitFilter filter = new WidgetRateLimitFilter(limits,
				new WidgetSites(new WidgetProperties("demo", null, limits, java.time.Duration.ofSeconds(30),
						java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(5))),
				buckets);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/widget/conversations");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("Nothing was lost");
		assertThat(chain.getRequest()).as("the request went no further").isNull();
	}

}
