package gov.shaoxing.investment.web;

import java.net.http.HttpResponse;
import java.util.Map;

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
 * GraphQL-over-HTTP GET: query parameters in, the same GraphQL responses out as by POST.
 */
@ServiceTest
class GraphQlGetTests {

	@LocalServerPort
	int port;

	GraphQlEndpoint endpoint;

	@BeforeEach
	void connect() {
		this.endpoint = new GraphQlEndpoint(this.port);
	}

	@Test
	void variablesAndOperationNameSelectWhatRuns() throws Exception {
		Map<String, String> parameters = queryParameter(
				"query Other { __typename } " + "query One($code: ID!) { district(code: $code) { name } }");
		parameters.put("operationName", "One");
		parameters.put("variables", "{\"code\":\"ZHUJI\"}");
		parameters.put("extensions", "{}");
		HttpResponse<String> response = this.endpoint.getRaw(parameters, GRAPHQL_RESPONSE);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("诸暨市").doesNotContain("__typename");
	}

	@Test
	void acceptApplicationJsonIsHonoured() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw(queryParameter("{ __typename }"), "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertContentType(response, "application/json");
		assertThat(response.body()).contains("\"__typename\":\"Query\"");
	}

	@Test
	void preferredMediaTypeWinsByQuality() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw(queryParameter("{ __typename }"),
				"application/graphql-response+json;q=0.5, application/json");
		assertContentType(response, "application/json");
	}

	@Test
	void missingQueryIsBadRequest() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw("/graphql", null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertContentType(response, GRAPHQL_RESPONSE);
		assertThat(response.body()).contains("\"errors\"").contains("'query'");
	}

	@Test
	void malformedVariablesAreBadRequest() throws Exception {
		Map<String, String> parameters = queryParameter("query($code: ID!) { district(code: $code) { name } }");
		parameters.put("variables", "{\"code\":");
		HttpResponse<String> response = this.endpoint.getRaw(parameters, null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("'variables'");
		assertNoJavaInternals(response.body());
	}

	@Test
	void variablesThatAreNotAnObjectAreBadRequest() throws Exception {
		Map<String, String> parameters = queryParameter("{ __typename }");
		parameters.put("variables", "[1, 2]");
		assertThat(this.endpoint.getRaw(parameters, null).statusCode()).isEqualTo(400);
	}

	@Test
	void syntaxErrorIsBadRequestWithGraphQlErrors() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw(queryParameter("{ districts { code "), null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("InvalidSyntax").doesNotContain("\"data\"");
		assertNoJavaInternals(response.body());
	}

	@Test
	void syntaxErrorIsOkForLegacyJsonClients() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw(queryParameter("{ districts { code "), "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("InvalidSyntax");
	}

	@Test
	void mutationChosenByOperationNameIsMethodNotAllowed() throws Exception {
		Map<String, String> parameters = queryParameter("query Read { __typename } mutation Write { __typename }");
		parameters.put("operationName", "Write");
		HttpResponse<String> response = this.endpoint.getRaw(parameters, null);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void subscriptionIsMethodNotAllowed() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw(queryParameter("subscription { __typename }"), null);
		assertThat(response.statusCode()).isEqualTo(405);
	}

}
