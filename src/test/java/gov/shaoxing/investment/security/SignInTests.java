package gov.shaoxing.investment.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, and what happens to bad credentials and bad tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.seed.demo-activity=false" })
class SignInTests {

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	private HttpGraphQlTester tester(String token) {
		WebTestClient.Builder client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30));
		if (token != null) {
			client.defaultHeader("Authorization", "Bearer " + token);
		}
		return HttpGraphQlTester.create(client.build());
	}

	private String login(String username, String password) {
		return tester(null)
			.document("mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
					+ "{ token expiresAt role } }")
			.variable("u", username)
			.variable("p", password)
			.execute()
			.path("login.token")
			.entity(String.class)
			.get();
	}

	@Test
	void everyDemoUserSignsInWithTheDemoPassword() {
		for (String user : List.of("admin", "city_supervisor", "department_officer", "district_officer", "inspector",
				"analyst")) {
			String token = login(user, "demo");
			tester(token).document("{ me { username role } }")
				.execute()
				.path("me.username")
				.entity(String.class)
				.isEqualTo(user)
				.path("me.role")
				.entity(String.class)
				.isEqualTo(user.toUpperCase());
		}
	}

	@Test
	void aWrongPasswordIsRefusedAndRecorded() {
		tester(null).document("mutation { login(username: \"admin\", password: \"wrong\") { token } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED");
				assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
				assertThat(e.getMessage()).doesNotContain("Exception");
			}));
		tester(login("admin", "demo"))
			.document("{ auditLog(filter: { actions: [\"LOGIN_FAILED\"] }) { nodes { actor input } } }")
			.execute()
			.path("auditLog.nodes[*].actor")
			.entityList(String.class)
			.contains("admin")
			.path("auditLog.nodes[*].input.password")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void forgedAndExpiredTokensGetA401WithAClearBody() throws Exception {
		String good = login("analyst", "demo");
		String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA"
				+ good.substring(good.lastIndexOf('.') + 5);
		String expired = this.issuer
			.issue(new SecurityProperties.User("analyst", null, Role.ANALYST, null, List.of()),
					java.time.Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))
			.value();
		for (String token : List.of(forged, expired, "not-a-jwt")) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + token)
					.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ districts { name } }\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).contains("INVALID_TOKEN").doesNotContain("Exception").doesNotContain("at org.");
		}
		// meanwhile the service keeps answering others
		tester(null).document("{ districts { name } }")
			.execute()
			.path("districts")
			.entityList(Object.class)
			.hasSize(11);
	}

}
