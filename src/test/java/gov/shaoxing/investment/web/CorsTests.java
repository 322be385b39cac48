package gov.shaoxing.investment.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import gov.shaoxing.investment.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard under development on another local origin may call the API from a browser;
 * an origin not allowed gets no CORS headers and its requests are refused.
 */
@ServiceTest
class CorsTests {

	static final String DASHBOARD = "http://localhost:5173";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void aPreflightFromALocalDashboardIsAllowedWithAuthorizationAndContentType() throws Exception {
		for (String path : new String[] { "/graphql", "/photos" }) {
			HttpResponse<String> preflight = preflight(path, DASHBOARD, "POST");
			assertThat(preflight.statusCode()).as(path).isEqualTo(200);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue(DASHBOARD);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST",
					"GET");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
				.contains("authorization", "content-type");
		}
		assertThat(preflight("/graphql", "http://127.0.0.1:3000", "GET").headers()
			.firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:3000");
	}

	@Test
	void aCrossOriginPostAndGetCarryTheAllowOriginHeader() throws Exception {
		HttpResponse<String> post = this.http.send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Origin", DASHBOARD)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ districts { code } }\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(200);
		assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
		assertThat(post.body()).contains("ZHUJI");
		HttpResponse<String> get = this.http
			.send(HttpRequest.newBuilder(uri("/graphql?query=%7B%20districts%20%7B%20code%20%7D%20%7D"))
				.header("Origin", DASHBOARD)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
		assertThat(get.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("ETag");
	}

	@Test
	void anOriginNotAllowedIsRefused() throws Exception {
		HttpResponse<String> preflight = preflight("/graphql", "https://evil.example", "POST");
		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(webSocket("https://evil.example")).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.withMessageContaining("403");
	}

	@Test
	void aWebSocketFromALocalDashboardIsUpgraded() {
		assertThat(webSocket(DASHBOARD)).succeedsWithin(Duration.ofSeconds(10))
			.satisfies((socket) -> assertThat(socket.getSubprotocol()).isEqualTo("graphql-transport-ws"));
	}

	private CompletableFuture<WebSocket> webSocket(String origin) {
		return this.http.newWebSocketBuilder()
			.header("Origin", origin)
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), new WebSocket.Listener() {
			});
	}

	private HttpResponse<String> preflight(String path, String origin, String method) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
