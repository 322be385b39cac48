package gov.shaoxing.investment.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Only the GraphQL endpoint's unreadable bodies become GraphQL errors; other endpoints
 * keep Boot's handling.
 */
class GraphQlRequestBodyAdviceTests {

	private final GraphQlRequestBodyAdvice advice = new GraphQlRequestBodyAdvice(new GraphQlProperties());

	private final HttpMessageNotReadableException unreadable = new HttpMessageNotReadableException("JSON parse error",
			(HttpInputMessage) new MockHttpInputMessage(new byte[0]));

	@Test
	void unreadableGraphQlRequestBecomesBadRequestWithGraphQlErrors() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		var response = this.advice.unreadableRequest(this.unreadable, request);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).containsKey("errors");
		assertThat(response.getBody().toString()).doesNotContain("JSON parse error");
	}

	@Test
	void unreadableRequestElsewhereIsLeftToSpring() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/actuator/anything");
		assertThatThrownBy(() -> this.advice.unreadableRequest(this.unreadable, request)).isSameAs(this.unreadable);
	}

}
