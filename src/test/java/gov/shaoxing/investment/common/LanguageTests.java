package gov.shaoxing.investment.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages come in Chinese unless the caller's {@code Accept-Language} asks for English;
 * the code is the same in both, on every way an error reaches a client.
 */
@ServiceTest
class LanguageTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	JsonMapper json;

	@Test
	void graphQlErrorsAreInChineseByDefaultAndInEnglishWhenAsked() throws Exception {
		String body = "{\"query\":\"{ projects(first: 1000) { totalCount } }\"}";
		JsonNode chinese = post(body, null, null).path("errors").path(0);
		JsonNode english = post(body, "en-US,en;q=0.9", null).path("errors").path(0);
		assertThat(chinese.path("extensions").path("code").asString()).isEqualTo("PAGE_SIZE_OUT_OF_RANGE");
		assertThat(english.path("extensions").path("code").asString()).isEqualTo("PAGE_SIZE_OUT_OF_RANGE");
		assertThat(chinese.path("message").asString()).isEqualTo("first 应在 0 到 100 之间，实际为 1000。");
		assertThat(english.path("message").asString()).isEqualTo("first must be between 0 and 100; it was 1000.");
		assertThat(post(body, "zh-CN", null).path("errors").path(0).path("message").asString())
			.isEqualTo(chinese.path("message").asString());
	}

	@Test
	void fieldRefusalsAndLimitErrorsFollowTheLanguage() throws Exception {
		JsonNode refused = post("{\"query\":\"{ auditLog(first: 1) { totalCount } }\"}", "en", null);
		assertThat(refused.path("errors").path(0).path("extensions").path("code").asString())
			.isEqualTo("SIGN_IN_REQUIRED");
		assertThat(refused.path("errors").path(0).path("message").asString()).contains("signed-in staff");
		String aliases = "{\"query\":\"{ " + aliases(60) + " }\"}";
		JsonNode chinese = post(aliases, null, null).path("errors").path(0);
		JsonNode english = post(aliases, "en", null).path("errors").path(0);
		assertThat(chinese.path("extensions").path("code").asString()).isEqualTo("TOO_MANY_ALIASES");
		assertThat(english.path("extensions").path("code").asString()).isEqualTo("TOO_MANY_ALIASES");
		assertThat(chinese.path("message").asString()).isEqualTo("查询有 60 个别名，超过上限 50（investment.limits.max-aliases）。");
		assertThat(english.path("message").asString())
			.isEqualTo("The query has 60 aliases, more than the limit of 50 (investment.limits.max-aliases).");
	}

	@Test
	void payloadErrorsAreWordedInTheCallersLanguage() throws Exception {
		String token = TestSecurity.token(this.issuer, Role.ADMIN, null);
		String body = "{\"query\":\"mutation { createUser(input: { username: \\\"X\\\", password: \\\"long enough\\\", "
				+ "role: ANALYST }) { errors { field code message } } }\"}";
		JsonNode chinese = post(body, null, token).path("data").path("createUser").path("errors").path(0);
		JsonNode english = post(body, "en", token).path("data").path("createUser").path("errors").path(0);
		assertThat(chinese.path("code").asString()).isEqualTo("INVALID_USERNAME");
		assertThat(english.path("code").asString()).isEqualTo("INVALID_USERNAME");
		assertThat(chinese.path("message").asString()).startsWith("3 到 64 个字符");
		assertThat(english.path("message").asString()).startsWith("3 to 64 characters").contains("'.', '_' or '-'");
	}

	@Test
	void httpRefusalsAreWordedInTheCallersLanguage() throws Exception {
		HttpResponse<String> chinese = send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Authorization", "Bearer not-a-token")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
		HttpResponse<String> english = send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Authorization", "Bearer not-a-token")
			.header("Accept-Language", "en")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
		assertThat(chinese.statusCode()).isEqualTo(401);
		assertThat(english.statusCode()).isEqualTo(401);
		assertThat(code(chinese)).isEqualTo("INVALID_TOKEN").isEqualTo(code(english));
		assertThat(this.json.readTree(chinese.body()).path("errors").path(0).path("message").asString())
			.startsWith("Bearer 令牌无效");
		assertThat(this.json.readTree(english.body()).path("errors").path(0).path("message").asString())
			.startsWith("The bearer token is invalid");

		String inspector = TestSecurity.token(this.issuer, Role.INSPECTOR, null, "ZHUJI");
		HttpResponse<String> photo = send(HttpRequest.newBuilder(uri("/photos/000000000000000000000000"))
			.header("Authorization", "Bearer " + inspector)
			.GET());
		assertThat(photo.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(photo.body()).path("code").asString()).isEqualTo("PHOTO_NOT_FOUND");
		assertThat(this.json.readTree(photo.body()).path("message").asString()).isEqualTo("没有该 id 的照片。");
	}

	private static String aliases(int count) {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < count; i++) {
			query.append("a").append(i).append(": __typename ");
		}
		return query.toString();
	}

	private String code(HttpResponse<String> response) {
		return this.json.readTree(response.body()).path("errors").path(0).path("extensions").path("code").asString();
	}

	private JsonNode post(String body, String language, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (language != null) {
			request.header("Accept-Language", language);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.json.readTree(send(request).body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
