package gov.shaoxing.investment.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.common.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, and what happens to bad credentials and bad tokens. */
@QuietServiceTest
class SignInTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	GraphQlTesters testers;

	@BeforeEach
	void testers(GraphQlTesters testers) {
		this.testers = testers;
	}

	private HttpResponse<String> post(String token, String query, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode login(String username, String password, String address) throws Exception {
		HttpResponse<String> response = post(null, "mutation { login(username: " + JSON.writeValueAsString(username)
				+ ", password: " + JSON.writeValueAsString(password) + ") { token } }", "X-Forwarded-For", address);
		return JSON.readTree(response.body());
	}

	private static String code(JsonNode reply) {
		return reply.path("errors").path(0).path("extensions").path("code").asText(null);
	}

	private String login(String username, String password) {
		return this.testers.anonymous()
			.documentName("loginWithRole")
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
			this.testers.withToken(token)
				.documentName("myNameAndRole")
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
		this.testers.anonymous()
			.documentName("login")
			.variable("u", "admin")
			.variable("p", "wrong")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED");
				assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
				assertThat(e.getMessage()).doesNotContain("Exception");
			}));
		this.testers.withToken(login("admin", "demo"))
			.documentName("failedLoginAudit")
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
					Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))
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
		this.testers.anonymous()
			.documentName("districtNames")
			.execute()
			.path("districts")
			.entityList(Object.class)
			.hasSize(11);
	}

	@Test
	void aTokenPastItsExpiryAndTheClockSkewIsRefused() throws Exception {
		SecurityProperties.User supervisor = new SecurityProperties.User("city_supervisor", null, Role.CITY_SUPERVISOR,
				"CYTZB", List.of());
		// lifetime 4 s, expired 36 s ago: past the default skew of 30 s
		String expired = this.issuer.issue(supervisor, Instant.now().minusSeconds(40), Duration.ofSeconds(4)).value();
		String update = "mutation { updateTarget(input: { id: \""
				+ GlobalId.encode("Target", "2012:ZHUJI:FOREIGN_CAPITAL")
				+ "\", guaranteed: \"1\", reason: \"expired token\" }) { errors { code } } }";
		for (String query : List.of("{ me { username } }", update)) {
			HttpResponse<String> response = post(expired, query);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(code(JSON.readTree(response.body()))).isEqualTo("INVALID_TOKEN");
		}
		// expired 6 s ago: within the skew, as the README says
		String recent = this.issuer.issue(supervisor, Instant.now().minusSeconds(10), Duration.ofSeconds(4)).value();
		assertThat(JSON.readTree(post(recent, "{ me { username } }").body())
			.path("data")
			.path("me")
			.path("username")
			.asText()).isEqualTo("city_supervisor");
	}

	@Test
	void signInIsRefusedForAUsernameAfterTenFailuresEvenWithTheRightPassword() throws Exception {
		this.testers
			.withToken(this.issuer
				.issue(new SecurityProperties.User("admin", null, Role.ADMIN, null, List.of()), Duration.ofMinutes(5))
				.value())
			.documentName("createGuessedOfficer")
			.execute()
			.path("createUser.errors")
			.entityList(Object.class)
			.hasSize(0);
		for (int i = 0; i < 10; i++) {
			// each guess from another address, so only the username's count fills
			assertThat(code(login("guessed_officer", "guess-" + i, "198.51.100." + i))).isEqualTo("UNAUTHENTICATED");
		}
		JsonNode refused = login("guessed_officer", "right-password", "198.51.100.200");
		assertThat(code(refused)).isEqualTo("TOO_MANY_SIGN_IN_ATTEMPTS");
		assertThat(refused.path("errors").path(0).path("extensions").path("retryAfterSeconds").asLong()).isPositive();
		assertThat(refused.path("errors").path(0).path("message").asText()).contains("try again in");
		// other users are not affected
		assertThat(login("analyst", "demo", "198.51.100.201").path("data").path("login").path("token").isTextual())
			.isTrue();
	}

	@Test
	void signInIsRefusedFromAnAddressAfterTenFailures() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(code(login("nobody" + i, "guess", "192.0.2.9"))).isEqualTo("UNAUTHENTICATED");
		}
		assertThat(code(login("admin", "demo", "192.0.2.9"))).isEqualTo("TOO_MANY_SIGN_IN_ATTEMPTS");
		assertThat(login("admin", "demo", "192.0.2.10").path("data").path("login").path("token").isTextual()).isTrue();
	}

	@Test
	void successfulSignInsDoNotCount() throws Exception {
		for (int i = 0; i < 12; i++) {
			assertThat(login("inspector", "demo", "192.0.2.50").path("data").path("login").path("token").isTextual())
				.isTrue();
		}
	}

}
