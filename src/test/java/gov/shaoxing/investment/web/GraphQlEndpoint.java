package gov.shaoxing.investment.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTTP exchanges with a running server's GraphQL endpoint, so tests see exactly what
 * a client receives.
 */
final class GraphQlEndpoint {

	static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	GraphQlEndpoint(int port) {
		this.base = "http://localhost:" + port;
	}

	HttpResponse<String> post(String body, String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A GET with the given query parameters (encoded here) and, unless {@code null}, an
	 * Accept header.
	 */
	HttpResponse<String> get(Map<String, String> parameters, String accept) throws IOException, InterruptedException {
		String query = parameters.entrySet()
			.stream()
			.map((p) -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return get("/graphql?" + query, accept);
	}

	HttpResponse<String> get(String pathAndQuery, String accept) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static Map<String, String> query(String document) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("query", document);
		return parameters;
	}

	static void assertContentType(HttpResponse<String> response, String expected) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(expected));
	}

	/**
	 * No exception class names, stack frames or trace fields: what a client must never
	 * see.
	 */
	static void assertNoJavaInternals(String body) {
		assertThat(body).doesNotContain("Exception")
			.doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]+Error")
			.doesNotContainPattern("\\bat [a-z]+\\.[a-z.]+\\(")
			.doesNotContain("\"trace\"");
	}

}
