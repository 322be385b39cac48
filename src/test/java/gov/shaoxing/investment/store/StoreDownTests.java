package gov.shaoxing.investment.store;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the store unreachable the service still starts, says DOWN and answers with a clear
 * error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.uri=mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
				"investment.read-model.enabled=false" })
class StoreDownTests {

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer tokenIssuer;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthSaysDown() throws Exception {
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"status\":\"DOWN\"");
	}

	@Test
	void queriesGetAStoreUnavailableErrorWithoutInternals() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/graphql-response+json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ districts { name } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isLessThan(500);
		assertThat(response.body()).contains("STORE_UNAVAILABLE")
			.doesNotContain("Exception")
			.doesNotContain("127.0.0.1:9");
	}

	@Test
	void anExportGetsServiceUnavailableWithoutInternals() throws Exception {
		// signing in is audited, so it fails too: the token comes from the issuer
		String token = TestSecurity.token(this.tokenIssuer, Role.ANALYST, null);
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/exports/projects.csv"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("STORE_UNAVAILABLE")
			.doesNotContain("Exception")
			.doesNotContain("127.0.0.1:9");
	}

}
