package gov.shaoxing.investment.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription runs over Server-Sent Events for a signed-in caller, and is refused with
 * a clear 400 when sent as a plain HTTP request, never answered with a stream object.
 */
@ServiceTest
class SubscriptionTransportTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	JsonMapper json;

	@Test
	void aSubscriptionOverPlainHttpIsRefusedWith400NamingWebSocketAndSse() throws Exception {
		for (String accept : new String[] { "application/json", "application/graphql-response+json" }) {
			HttpResponse<String> response = post("{\"query\":\"subscription { heartbeat(seconds: 1) }\"}", accept, "en",
					null);
			assertThat(response.statusCode()).as(accept).isEqualTo(400);
			JsonNode body = this.json.readTree(response.body());
			assertThat(body.has("data")).isFalse();
			JsonNode error = body.path("errors").path(0);
			assertThat(error.path("extensions").path("code").asString()).isEqualTo("SUBSCRIPTION_NEEDS_STREAM");
			assertThat(error.path("message").asString()).contains("WebSocket", "text/event-stream");
			assertThat(response.body()).doesNotContain("upstreamPublisher").doesNotContain("prefetch");
		}
	}

	@Test
	void aSignedInSubscriptionStreamsOverServerSentEvents() throws Exception {
		String token = TestSecurity.adminToken(this.issuer);
		List<String> events = events("subscription { heartbeat(seconds: 1) }", token, 2);
		assertThat(events).hasSize(2)
			.allSatisfy((data) -> assertThat(this.json.readTree(data).path("data").path("heartbeat").asString())
				.endsWith("+08:00"));
	}

	@Test
	void aSubscriptionRefusedAtItsStartIsOneEventWithTheErrors() throws Exception {
		List<String> events = events("subscription { targetChanged { id } }", null, 1);
		JsonNode error = this.json.readTree(events.get(0)).path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("SIGN_IN_REQUIRED");
		assertThat(events.get(0)).doesNotContain("supports only subscriptions");
	}

	/** The first {@code count} events' data of an SSE subscription. */
	private List<String> events(String query, String token, int count) throws Exception {
		HttpRequest.Builder subscribe = HttpRequest.newBuilder(uri())
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"));
		if (token != null) {
			subscribe.header("Authorization", "Bearer " + token);
		}
		HttpResponse<Stream<String>> response = this.http
			.sendAsync(subscribe.build(), HttpResponse.BodyHandlers.ofLines())
			.get(30, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		try (Stream<String> lines = response.body()) {
			return CompletableFuture
				.supplyAsync(() -> lines.filter((line) -> line.startsWith("data:") && line.length() > 5)
					.map((line) -> line.substring("data:".length()))
					.limit(count)
					.toList())
				.get(30, TimeUnit.SECONDS);
		}
	}

	private HttpResponse<String> post(String body, String accept, String language, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri())
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (language != null) {
			request.header("Accept-Language", language);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri() {
		return URI.create("http://localhost:" + this.port + "/graphql");
	}

}
