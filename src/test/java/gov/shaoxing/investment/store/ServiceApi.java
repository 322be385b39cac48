package gov.shaoxing.investment.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL over plain HTTP, as a phone sends it, signed in as a demo user. */
final class ServiceApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private String token;

	ServiceApi(int port) {
		this.port = port;
	}

	/** Signs in with the demo password (see README, Sign-in). */
	ServiceApi signIn(String username) throws IOException, InterruptedException {
		JsonNode answer = post("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
				Map.of("u", username, "p", "demo"));
		this.token = answer.path("data").path("login").path("token").asString();
		if (this.token == null || this.token.isBlank()) {
			throw new IllegalStateException("Sign-in failed: " + answer);
		}
		return this;
	}

	/** The same signed-in user against another instance: tokens outlive a restart. */
	ServiceApi at(int otherPort) {
		ServiceApi api = new ServiceApi(otherPort);
		api.token = this.token;
		return api;
	}

	JsonNode post(String query, Map<String, ?> variables) throws IOException, InterruptedException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode json = JSON.readTree(response.body());
		if (response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return json;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (this.token != null) {
			// health shows its components to ADMIN only
			request.header("Authorization", "Bearer " + this.token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
