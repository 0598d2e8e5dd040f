package dev.hearth.widget;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class WidgetCorsFilterTest {

	@Test
	void hearthsOwnPagesAreSameOriginAlsoBehindATlsProxy() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/widget/conversations");
		request.setScheme("http");
		request.setServerName("hearth.internal");
		request.setServerPort(8080);
		request.addHeader("Host", "support.example.com");
		assertThat(WidgetCorsFilter.sameOrigin(request, "https://support.example.com")).isTrue();
		assertThat(WidgetCorsFilter.sameOrigin(request, "https://evil.example.com")).isFalse();
		assertThat(WidgetCorsFilter.sameOrigin(request, "https://support.example.com.evil.example")).isFalse();
	}

}
