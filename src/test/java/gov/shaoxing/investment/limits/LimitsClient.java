package gov.shaoxing.investment.limits;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTTP exchanges with the GraphQL endpoint, so tests see the status, headers and body
 * a client receives.
 */
final class LimitsClient {

	static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The tests read the limits' messages in English; LanguageTests covers Chinese. */
	static final String ENGLISH = "en";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	LimitsClient(int port) {
		this.base = "http://localhost:" + port + "/graphql";
	}

	/** A reply: the status, the parsed body and the raw response. */
	record Reply(int status, JsonNode body, HttpResponse<String> raw) {

		String code() {
			return this.body.path("errors").path(0).path("extensions").path("code").asString();
		}

		String message() {
			return this.body.path("errors").path(0).path("message").asString();
		}

		/**
		 * A rejection a client can act on: the code, a message naming the limit, and no
		 * server error.
		 */
		Reply rejectedWith(String code, String... messageParts) {
			assertThat(this.status).as("status").isNotEqualTo(500).isLessThan(500);
			assertThat(code()).as("code in " + this.body).isEqualTo(code);
			if (messageParts.length > 0) {
				assertThat(message()).contains(messageParts);
			}
			assertThat(this.raw.body()).doesNotContain("Exception").doesNotContain("\"trace\"");
			return this;
		}

		Reply hasData() {
			assertThat(this.status).as("status of " + this.body).isEqualTo(200);
			assertThat(this.body.has("errors")).as("errors in " + this.body).isFalse();
			return this;
		}

	}

	Reply post(Map<String, ?> body, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base))
			.header("Content-Type", "application/json")
			.header("Accept", GRAPHQL_RESPONSE)
			.header("Accept-Language", ENGLISH)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return reply(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	Reply query(String document, String... headers) throws IOException, InterruptedException {
		return post(Map.of("query", document), headers);
	}

	Reply get(Map<String, String> parameters) throws IOException, InterruptedException {
		String query = parameters.entrySet()
			.stream()
			.map((p) -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "?" + query))
			.header("Accept", GRAPHQL_RESPONSE)
			.header("Accept-Language", ENGLISH)
			.GET()
			.build();
		return reply(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	private static Reply reply(HttpResponse<String> response) {
		return new Reply(response.statusCode(), JSON.readTree(response.body()), response);
	}

	static Map<String, Object> persistedQuery(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	static Map<String, Object> body(String query, Map<String, Object> extensions) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (query != null) {
			body.put("query", query);
		}
		body.put("extensions", extensions);
		return body;
	}

}
