package gov.shaoxing.investment.store;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store behind a connection that stops passing anything: a write fails within seconds
 * with STORE_UNAVAILABLE instead of hanging, health says DOWN at once, and the service
 * works again by itself when the connection comes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.seed.demo-activity=false", "investment.notices.sweep-initial-delay=PT1H",
				"investment.supervision.light-sweep-initial-delay=PT1H",
				// the production defaults, which the tests' own configuration raises
				"investment.store.server-selection-timeout=2s", "investment.store.connect-timeout=1s",
				"investment.store.socket-timeout=2s" })
class StoreOutageTests {

	private static final EmbeddedStore STORE = new EmbeddedStore(
			new StoreProperties(null, StoreProperties.Mode.MEMORY, "unused", false));

	private static StoreProxy proxy;

	@DynamicPropertySource
	static void storeBehindProxy(DynamicPropertyRegistry registry) throws Exception {
		STORE.start();
		proxy = new StoreProxy(STORE.port());
		registry.add("investment.store.uri", () -> "mongodb://127.0.0.1:" + proxy.port() + "/");
	}

	@AfterAll
	static void stopStore() throws Exception {
		proxy.close();
		STORE.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aHungStoreFailsRequestsQuicklyAndTheServiceRecoversByItself() throws Exception {
		String token = TestSecurity.adminToken(this.issuer);
		assertThat(submit(token, "outage-before-1").body()).contains("\"report\":{\"id\"");

		proxy.freeze();
		long started = System.nanoTime();
		HttpResponse<String> refused = submit(token, "outage-during-1");
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(refused.body()).contains("STORE_UNAVAILABLE").doesNotContain("Exception");
		// the issue asks for 5 s; the margin is for a machine shared with other builds
		assertThat(millis).as("ms until the refusal").isLessThan(6_500);

		started = System.nanoTime();
		HttpResponse<String> health = get("/actuator/health");
		millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(millis).as("ms until health answered").isLessThan(3_000);

		proxy.restore();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String body = "";
		while (System.nanoTime() < deadline && !body.contains("\"report\":{\"id\"")) {
			Thread.sleep(500);
			body = submit(token, "outage-after-1").body();
		}
		assertThat(body).as("a write after the store came back").contains("\"report\":{\"id\"");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> submit(String token, String key) throws Exception {
		String query = "mutation($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) "
				+ "{ report { id } errors { code } } }";
		String variables = "{\"i\":{\"projectId\":\"" + GlobalId.encode("Project", "DEMO-SVC-030")
				+ "\",\"period\":{\"year\":2012,\"month\":3,\"half\":1},\"investmentCompleted\":\""
				+ new BigDecimal("1.5") + "\",\"physicalProgressPercent\":20,\"idempotencyKey\":\"" + key + "\"}}";
		String json = "{\"query\":" + quote(query) + ",\"variables\":" + variables + "}";
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
