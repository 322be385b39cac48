package gov.shaoxing.investment;

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
 * Raw HTTP exchanges with a running server's GraphQL endpoint, so tests see exactly the
 * status, headers and body a client receives. The {@code *Raw} methods send what they are
 * given; the others send JSON with English messages and parse the reply.
 */
public final class GraphQlEndpoint {

	public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	public static final JsonMapper JSON = JsonMapper.builder().build();

	/** The tests read the limits' messages in English; LanguageTests covers Chinese. */
	public static final String ENGLISH = "en";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public GraphQlEndpoint(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A POST of the body exactly as given, with the given Accept header. */
	public HttpResponse<String> postRaw(String body, String accept) throws IOException, InterruptedException {
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
	public HttpResponse<String> getRaw(Map<String, String> parameters, String accept)
			throws IOException, InterruptedException {
		return getRaw("/graphql?" + encode(parameters), accept);
	}

	public HttpResponse<String> getRaw(String pathAndQuery, String accept) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A POST of the body as JSON, with the given extra header name and value pairs. */
	public Reply post(Map<String, ?> body, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", GRAPHQL_RESPONSE)
			.header("Accept-Language", ENGLISH)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return reply(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	public Reply query(String document, String... headers) throws IOException, InterruptedException {
		return post(Map.of("query", document), headers);
	}

	public Reply get(Map<String, String> parameters) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/graphql?" + encode(parameters)))
			.header("Accept", GRAPHQL_RESPONSE)
			.header("Accept-Language", ENGLISH)
			.GET()
			.build();
		return reply(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	private static String encode(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((p) -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Reply reply(HttpResponse<String> response) {
		return new Reply(response.statusCode(), JSON.readTree(response.body()), response);
	}

	/** Query parameters that carry just the document. */
	public static Map<String, String> queryParameter(String document) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("query", document);
		return parameters;
	}

	public static Map<String, Object> persistedQuery(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	public static Map<String, Object> body(String query, Map<String, Object> extensions) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (query != null) {
			body.put("query", query);
		}
		body.put("extensions", extensions);
		return body;
	}

	public static void assertContentType(HttpResponse<String> response, String expected) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(expected));
	}

	/**
	 * No exception class names, stack frames or trace fields: what a client must never
	 * see.
	 */
	public static void assertNoJavaInternals(String body) {
		assertThat(body).doesNotContain("Exception")
			.doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]+Error")
			.doesNotContainPattern("\\bat [a-z]+\\.[a-z.]+\\(")
			.doesNotContain("\"trace\"");
	}

	/** A reply: the status, the parsed body and the raw response. */
	public record Reply(int status, JsonNode body, HttpResponse<String> raw) {

		public String code() {
			return this.body.path("errors").path(0).path("extensions").path("code").asString();
		}

		public String message() {
			return this.body.path("errors").path(0).path("message").asString();
		}

		/**
		 * A rejection a client can act on: the code, a message naming the limit, and no
		 * server error.
		 */
		public Reply rejectedWith(String code, String... messageParts) {
			assertThat(this.status).as("status").isNotEqualTo(500).isLessThan(500);
			assertThat(code()).as("code in " + this.body).isEqualTo(code);
			if (messageParts.length > 0) {
				assertThat(message()).contains(messageParts);
			}
			assertThat(this.raw.body()).doesNotContain("Exception").doesNotContain("\"trace\"");
			return this;
		}

		public Reply hasData() {
			assertThat(this.status).as("status of " + this.body).isEqualTo(200);
			assertThat(this.body.has("errors")).as("errors in " + this.body).isFalse();
			return this;
		}

	}

}
