package gov.shaoxing.investment.official;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city keeps its liaison officials current: checked contacts, retries harmless, demo
 * marks kept, contacts private to anonymous callers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.seed.demo-activity=false" })
class OfficialWriteTests {

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	private HttpGraphQlTester tester(String token) {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		HttpGraphQlTester tester = HttpGraphQlTester.create(client);
		return token == null ? tester : tester.mutate().header("Authorization", "Bearer " + token).build();
	}

	private static Map<String, Object> official(String name) {
		Map<String, Object> input = new HashMap<>();
		input.put("name", name);
		input.put("title", "副处长");
		input.put("departmentCode", "FGW");
		input.put("officePhone", "0575-85201234");
		input.put("mobile", "13905751234");
		input.put("email", "zhang.wei@sxfgw.example.cn");
		return input;
	}

	@Test
	void anOfficialIsCreatedOnceAndIsNeverDemo() {
		HttpGraphQlTester supervisor = tester(TestSecurity.token(this.issuer, Role.CITY_SUPERVISOR, null));
		GraphQlTester.Response created = supervisor.documentName("createOfficial")
			.variable("input", official("张伟"))
			.execute();
		created.path("createOfficial.errors").entityList(Object.class).hasSize(0);
		String code = created.path("createOfficial.official.code").entity(String.class).get();
		assertThat(code).startsWith("OFF-FGW-").isNotIn("OFF-FGW-01", "OFF-FGW-02", "OFF-FGW-03");
		created.path("createOfficial.official.demo").entity(Boolean.class).isEqualTo(false);
		supervisor.documentName("createOfficial")
			.variable("input", official("张伟"))
			.execute()
			.path("createOfficial.official.code")
			.entity(String.class)
			.isEqualTo(code);
		String id = created.path("createOfficial.official.id").entity(String.class).get();

		// anonymous callers see the official but not the contacts
		GraphQlTester.Response anonymous = tester(null)
			.document("query($id: ID!) { node(id: $id) { ... on Official { name mobile email officePhone } } }")
			.variable("id", id)
			.execute();
		anonymous.errors()
			.satisfy((errors) -> assertThat(errors).hasSize(3)
				.allSatisfy(
						(e) -> assertThat(e.getExtensions()).containsEntry("code", "CONTACT_DETAILS_REQUIRE_SIGN_IN")))
			.path("node.name")
			.entity(String.class)
			.isEqualTo("张伟")
			.path("node.mobile")
			.valueIsNull()
			.path("node.email")
			.valueIsNull()
			.path("node.officePhone")
			.valueIsNull();
	}

	@Test
	void contactsAreCheckedAllAtOnce() {
		Map<String, Object> bad = official("李强");
		bad.put("officePhone", "85201234");
		bad.put("mobile", "1390575");
		bad.put("email", "not-an-address");
		bad.put("departmentCode", "NOPE");
		assertThat(tester(TestSecurity.adminToken(this.issuer)).documentName("createOfficial")
			.variable("input", bad)
			.execute()
			.path("createOfficial.errors[*].code")
			.entityList(String.class)
			.get()).containsExactlyInAnyOrder("INVALID_PHONE", "INVALID_MOBILE", "INVALID_EMAIL", "UNKNOWN_DEPARTMENT");
	}

	@Test
	void anUpdateKeepsTheDemoMarkAndOnlyAdminsAndTheSupervisorMayWrite() {
		String id = GlobalId.encode("Official", "OFF-GTJ-01");
		GraphQlTester.Response updated = tester(TestSecurity.adminToken(this.issuer)).documentName("updateOfficial")
			.variable("input", Map.of("id", id, "title", "局长", "mobile", "13800000001"))
			.execute();
		updated.path("updateOfficial.errors").entityList(Object.class).hasSize(0);
		updated.path("updateOfficial.official.title")
			.entity(String.class)
			.isEqualTo("局长")
			.path("updateOfficial.official.demo")
			.entity(Boolean.class)
			.isEqualTo(true);
		tester(TestSecurity.token(this.issuer, Role.DEPARTMENT_OFFICER, "GTJ")).documentName("updateOfficial")
			.variable("input", Map.of("id", id, "title", "处长"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
		tester(TestSecurity.adminToken(this.issuer))
			.document("query($id: ID!) { node(id: $id) { ... on Official { title } } }")
			.variable("id", id)
			.execute()
			.path("node.title")
			.entity(String.class)
			.isEqualTo("局长");
	}

}
