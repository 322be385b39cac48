package gov.shaoxing.investment.user;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.QuietServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins manage the embedded issuer's users; every mistake gets its own code and changes
 * nothing.
 */
@QuietServiceTest
class UserManagementTests {

	GraphQlTesters testers;

	HttpGraphQlTester anonymous;

	HttpGraphQlTester admin;

	@BeforeEach
	void testers(GraphQlTesters testers) {
		this.testers = testers;
		this.anonymous = testers.anonymous();
		this.admin = testers.admin();
	}

	private HttpGraphQlTester as(String token) {
		return this.testers.withToken(token);
	}

	private GraphQlTester.Response create(Map<String, Object> fields) {
		Map<String, Object> input = new HashMap<>(
				Map.of("username", "new_user", "password", "long-enough", "role", "ANALYST"));
		input.putAll(fields);
		return this.admin.documentName("createUser").variable("i", input).execute();
	}

	private GraphQlTester.Response update(GraphQlTester tester, Map<String, Object> input) {
		return tester.documentName("updateUser").variable("i", input).execute();
	}

	private static List<String> codes(GraphQlTester.Response response, String field) {
		return response.path(field + ".errors[*].code").entityList(String.class).get();
	}

	private String login(String username, String password) {
		return this.anonymous.documentName("login")
			.variable("u", username)
			.variable("p", password)
			.execute()
			.path("login.token")
			.entity(String.class)
			.get();
	}

	@Test
	void mistakesInANewUserAreRefusedWithTheirCodes() {
		assertThat(codes(create(Map.of("username", "Bad Name!")), "createUser")).containsExactly("INVALID_USERNAME");
		assertThat(codes(create(Map.of("username", "admin")), "createUser")).containsExactly("USERNAME_TAKEN");
		assertThat(codes(create(Map.of("password", "short")), "createUser")).containsExactly("PASSWORD_TOO_SHORT");
		assertThat(codes(create(Map.of("role", "DEPARTMENT_OFFICER")), "createUser")).containsExactly("REQUIRED");
		assertThat(codes(create(Map.of("role", "DEPARTMENT_OFFICER", "departmentCode", "NOPE")), "createUser"))
			.containsExactly("UNKNOWN_DEPARTMENT");
		assertThat(
				codes(create(Map.of("role", "INSPECTOR", "districtCodes", List.of("ZHUJI", "ATLANTIS"))), "createUser"))
			.containsExactly("UNKNOWN_DISTRICT");
		this.admin.documentName("usernames")
			.execute()
			.path("users[*].username")
			.entityList(String.class)
			.doesNotContain("new_user", "bad name!");
	}

	@Test
	void aUserCreatedTwiceExistsOnce() {
		create(Map.of("username", "twice")).path("createUser.errors").entityList(Object.class).hasSize(0);
		assertThat(codes(create(Map.of("username", "twice")), "createUser")).containsExactly("USERNAME_TAKEN");
	}

	@Test
	void anAdminChangesScopeAndPasswordOfAUser() {
		create(Map.of("username", "moving_officer", "role", "DISTRICT_OFFICER", "districtCodes", List.of("ZHUJI")));
		update(this.admin,
				Map.of("username", "moving_officer", "districtCodes", List.of("SHANGYU"), "password", "new-password-1"))
			.path("updateUser.user.districtCodes")
			.entityList(String.class)
			.containsExactly("SHANGYU");
		as(login("moving_officer", "new-password-1")).documentName("myDistricts")
			.execute()
			.path("me.districtCodes")
			.entityList(String.class)
			.containsExactly("SHANGYU");
		this.anonymous.documentName("login")
			.variable("u", "moving_officer")
			.variable("p", "long-enough")
			.execute()
			.errors()
			.satisfy((e) -> assertThat(e).isNotEmpty());
	}

	private int statusWith(String token) {
		return this.testers.http()
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { role } }"))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getStatus()
			.value();
	}

	@Test
	void changingOrDisablingAUserRevokesTheTokensIssuedBefore() {
		create(Map.of("username", "revoked_user", "role", "INSPECTOR", "districtCodes", List.of("ZHUJI")));
		String first = login("revoked_user", "long-enough");
		String unrelated = login("analyst", "demo");
		assertThat(statusWith(first)).isEqualTo(200);
		update(this.admin, Map.of("username", "revoked_user", "role", "ANALYST"));
		assertThat(statusWith(first)).isEqualTo(401);
		String second = login("revoked_user", "long-enough");
		as(second).documentName("myRole").execute().path("me.role").entity(String.class).isEqualTo("ANALYST");
		update(this.admin, Map.of("username", "revoked_user", "enabled", false));
		assertThat(statusWith(second)).isEqualTo(401);
		assertThat(statusWith(unrelated)).isEqualTo(200);
	}

	@Test
	void configuredUsersUnknownUsersAndSelfDisablingAreRefused() {
		assertThat(codes(update(this.admin, Map.of("username", "analyst", "role", "ADMIN")), "updateUser"))
			.containsExactly("CONFIGURED_USER");
		assertThat(codes(update(this.admin, Map.of("username", "nobody_here", "enabled", false)), "updateUser"))
			.containsExactly("NOT_FOUND");
		create(Map.of("username", "second_admin", "role", "ADMIN"));
		HttpGraphQlTester secondAdmin = as(login("second_admin", "long-enough"));
		assertThat(codes(update(secondAdmin, Map.of("username", "second_admin", "enabled", false)), "updateUser"))
			.containsExactly("CANNOT_DISABLE_SELF");
	}

}
