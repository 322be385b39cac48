package gov.shaoxing.investment.web;

import java.net.http.HttpResponse;

import gov.shaoxing.investment.GraphQlEndpoint;
import gov.shaoxing.investment.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static gov.shaoxing.investment.GraphQlEndpoint.GRAPHQL_RESPONSE;
import static gov.shaoxing.investment.GraphQlEndpoint.assertContentType;
import static gov.shaoxing.investment.GraphQlEndpoint.assertNoJavaInternals;
import static gov.shaoxing.investment.GraphQlEndpoint.queryParameter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status codes and media types of the GraphQL endpoint as a GraphQL-over-HTTP client sees
 * them.
 */
@ServiceTest
class GraphQlHttpStatusTests {

	@LocalServerPort
	int port;

	GraphQlEndpoint endpoint;

	@BeforeEach
	void connect() {
		this.endpoint = new GraphQlEndpoint(this.port);
	}

	@Test
	void postAnswersInGraphQlResponseMediaTypeWhenAsked() throws Exception {
		HttpResponse<String> response = this.endpoint.postRaw("{\"query\":\"{ districts { code name } }\"}",
				GRAPHQL_RESPONSE);
		assertThat(response.statusCode()).isEqualTo(200);
		assertContentType(response, GRAPHQL_RESPONSE);
		assertThat(response.body()).contains("\"districts\"").contains("绍兴县").doesNotContain("\"errors\"");
	}

	@Test
	void postWithSyntaxErrorIsBadRequestWithGraphQlErrors() throws Exception {
		HttpResponse<String> response = this.endpoint.postRaw("{\"query\":\"{ districts { code \"}", GRAPHQL_RESPONSE);
		assertThat(response.statusCode()).isEqualTo(400);
		assertContentType(response, GRAPHQL_RESPONSE);
		assertThat(response.body()).contains("\"errors\"").contains("InvalidSyntax").doesNotContain("\"data\"");
		assertNoJavaInternals(response.body());
	}

	@Test
	void postWithMalformedJsonIsBadRequestWithoutJavaInternals() throws Exception {
		HttpResponse<String> response = this.endpoint.postRaw("{\"query\": \"{ __typename }\"", GRAPHQL_RESPONSE);
		assertThat(response.statusCode()).isEqualTo(400);
		assertContentType(response, GRAPHQL_RESPONSE);
		assertThat(response.body()).contains("\"errors\"").contains("BAD_REQUEST");
		assertNoJavaInternals(response.body());
	}

	@Test
	void postWithoutQueryIsBadRequestWithoutJavaInternals() throws Exception {
		HttpResponse<String> response = this.endpoint.postRaw("{\"variables\": {}}", "application/json");
		assertThat(response.statusCode()).isEqualTo(400);
		assertContentType(response, "application/json");
		assertThat(response.body()).contains("\"errors\"");
		assertNoJavaInternals(response.body());
	}

	@Test
	void getWithQueryAnswersWithData() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw(queryParameter("{ districts { code name } }"), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertContentType(response, GRAPHQL_RESPONSE);
		assertThat(response.body()).contains("\"districts\"").contains("绍兴县").doesNotContain("\"errors\"");
	}

	@Test
	void getWithMutationIsMethodNotAllowed() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw(queryParameter("mutation { __typename }"), null);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		assertThat(response.body()).contains("\"errors\"");
	}

}
