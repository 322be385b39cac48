package gov.shaoxing.investment.official;

import java.util.HashMap;
import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.common.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city keeps its liaison officials current: checked contacts, retries harmless, demo
 * marks kept, contacts private to anonymous callers.
 */
@QuietServiceTest
class OfficialWriteTests {

	GraphQlTesters testers;

	@BeforeEach
	void testers(GraphQlTesters testers) {
		this.testers = testers;
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
		HttpGraphQlTester supervisor = this.testers.citySupervisor();
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
		GraphQlTester.Response anonymous = this.testers.anonymous()
			.documentName("officialContacts")
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
		assertThat(this.testers.admin()
			.documentName("createOfficial")
			.variable("input", bad)
			.execute()
			.path("createOfficial.errors[*].code")
			.entityList(String.class)
			.get()).containsExactlyInAnyOrder("INVALID_PHONE", "INVALID_MOBILE", "INVALID_EMAIL", "UNKNOWN_DEPARTMENT");
	}

	@Test
	void anUpdateKeepsTheDemoMarkAndOnlyAdminsAndTheSupervisorMayWrite() {
		String id = GlobalId.encode("Official", "OFF-GTJ-01");
		GraphQlTester.Response updated = this.testers.admin()
			.documentName("updateOfficial")
			.variable("input", Map.of("id", id, "title", "局长", "mobile", "13800000001"))
			.execute();
		updated.path("updateOfficial.errors").entityList(Object.class).hasSize(0);
		updated.path("updateOfficial.official.title")
			.entity(String.class)
			.isEqualTo("局长")
			.path("updateOfficial.official.demo")
			.entity(Boolean.class)
			.isEqualTo(true);
		this.testers.departmentOfficer("GTJ")
			.documentName("updateOfficial")
			.variable("input", Map.of("id", id, "title", "处长"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
		this.testers.admin()
			.documentName("officialTitle")
			.variable("id", id)
			.execute()
			.path("node.title")
			.entity(String.class)
			.isEqualTo("局长");
	}

}
