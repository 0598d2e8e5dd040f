package dev.hearth.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

	@Test
	void anyDetailIsWrittenAsValidJsonWithTheStatusAndItsTitle() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		String detail = "A \"quoted\" name, a back\\slash,\na new line and Grüße";

		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, detail);

		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode body = JsonMapper.builder().build().readTree(response.getContentAsByteArray());
		assertThat(body.get("type").asString()).isEqualTo("about:blank");
		assertThat(body.get("title").asString()).isEqualTo("Too Many Requests");
		assertThat(body.get("status").asInt()).isEqualTo(429);
		assertThat(body.get("detail").asString()).isEqualTo(detail);
	}

}
