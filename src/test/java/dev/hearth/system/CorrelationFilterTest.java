package dev.hearth.system;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationFilterTest {

	private static final String ID = "0b6f3c52-8f0e-4a56-9d7e-1c2b3a4d5e6f";

	@Test
	void theConversationIdComesFromTheWidgetAndAgentPaths() {
		assertThat(CorrelationFilter.conversation("/api/widget/conversations/" + ID + "/messages")).isEqualTo(ID);
		assertThat(CorrelationFilter.conversation("/api/widget/conversations/" + ID.toUpperCase())).isEqualTo(ID);
		assertThat(CorrelationFilter.conversation("/console/conversations/" + ID + "/claim")).isEqualTo(ID);
		assertThat(CorrelationFilter.conversation("/api/widget/conversations")).isNull();
		assertThat(CorrelationFilter.conversation("/api/widget/conversations/" + ID + "x")).isNull();
	}

	@Test
	void aCallersRequestIdIsKeptOnlyWhenItIsAShortToken() {
		assertThat(CorrelationFilter.requestId("lb-1234abcd")).isEqualTo("lb-1234abcd");
		assertThat(CorrelationFilter.requestId("jane@example.com")).hasSize(36).doesNotContain("jane");
		assertThat(CorrelationFilter.requestId("x".repeat(65))).hasSize(36);
		assertThat(CorrelationFilter.requestId(null)).hasSize(36);
	}

	@Test
	void theIdsAreInTheMdcWhileTheRequestRunsAndGoneAfter() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST",
				"/api/widget/conversations/" + ID + "/messages");
		request.addHeader("X-Request-Id", "edge-42abcdef");
		MockHttpServletResponse response = new MockHttpServletResponse();
		String[] seen = new String[2];
		new CorrelationFilter().doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				seen[0] = MDC.get(CorrelationFilter.REQUEST_ID);
				seen[1] = MDC.get(CorrelationFilter.CONVERSATION_ID);
			}
		});
		assertThat(seen).containsExactly("edge-42abcdef", ID);
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("edge-42abcdef");
		assertThat(MDC.get(CorrelationFilter.REQUEST_ID)).isNull();
		assertThat(MDC.get(CorrelationFilter.CONVERSATION_ID)).isNull();
	}

}
