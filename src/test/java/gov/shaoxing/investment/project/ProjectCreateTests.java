package gov.shaoxing.investment.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.audit.AuditRecord;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.event.DomainEvent;
import gov.shaoxing.investment.event.EventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city puts its own projects in: the full record checked at once, codes generated,
 * retries harmless, liaisons assigned with their history, access by role.
 */
@QuietServiceTest
class ProjectCreateTests {

	@Autowired
	MongoTemplate mongo;

	HttpGraphQlTester admin;

	HttpGraphQlTester supervisor;

	HttpGraphQlTester zhujiOfficer;

	HttpGraphQlTester analyst;

	@BeforeEach
	void signIn(GraphQlTesters testers) {
		this.admin = testers.admin();
		this.supervisor = testers.citySupervisor();
		this.zhujiOfficer = testers.districtOfficer("ZHUJI");
		this.analyst = testers.analyst();
	}

	static Map<String, Object> minimal(String name, String district) {
		Map<String, Object> input = new HashMap<>();
		input.put("category", "INDUSTRIAL");
		input.put("name", name);
		input.put("districtCode", district);
		input.put("leadDepartmentCode", "JXW");
		input.put("totalInvestment", "12.5");
		input.put("plannedInvestment", "3.6");
		return input;
	}

	private GraphQlTester.Response create(GraphQlTester tester, Map<String, Object> input) {
		return tester.documentName("createProject").variable("input", input).execute();
	}

	private static List<String> codes(GraphQlTester.Response response) {
		return response.path("createProject.errors[*].code").entityList(String.class).get();
	}

	@Test
	void aFullRecordIsStoredWithAGeneratedCodeAndNeverMarkedDemo() {
		Map<String, Object> input = minimal("诸暨年产10万吨新材料项目", "ZHUJI");
		input.put("constructionNature", "EXPANSION");
		input.put("industry", Map.of("division", "38"));
		input.put("fundingSources", List.of(Map.of("source", "SELF_RAISED", "amount", "10"),
				Map.of("source", "DOMESTIC_LOAN", "amount", "2.5")));
		input.put("investorType", "PRIVATE");
		input.put("statisticsRegistered", "2012-03-29");
		input.put("actualStart", "2012-04-01");
		input.put("scope", "新建厂房5万平方米，购置生产线3条");
		input.put("approvals", List
			.of(Map.of("kind", "备案", "documentNumber", "诸发改备〔2012〕8号", "authority", "诸暨市发改局", "date", "2012-02-10")));
		input.put("status", "UNDER_CONSTRUCTION");
		GraphQlTester.Response response = create(this.zhujiOfficer, input);
		assertThat(codes(response)).isEmpty();
		response.path("createProject.created").entity(Boolean.class).isEqualTo(true);
		String code = response.path("createProject.project.code").entity(String.class).get();
		assertThat(code).matches("ZHUJI-IND-\\d{3,}");
		response.path("createProject.project.demo")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("createProject.project.industry.section")
			.entity(String.class)
			.isEqualTo("C")
			.path("createProject.project.industry.divisionName")
			.entity(String.class)
			.isEqualTo("电气机械和器材制造业")
			.path("createProject.project.fundingSources[*].source")
			.entityList(String.class)
			.containsExactly("SELF_RAISED", "DOMESTIC_LOAN")
			.path("createProject.project.approvals[0].documentNumber")
			.entity(String.class)
			.isEqualTo("诸发改备〔2012〕8号")
			.path("createProject.project.statusHistory[*].status")
			.entityList(String.class)
			.containsExactly("UNDER_CONSTRUCTION")
			.path("createProject.project.plannedMonthlyEven")
			.entity(Boolean.class)
			.isEqualTo(true);

		// audited, and other instances hear of it
		assertThat(this.mongo.exists(
				Query.query(
						Criteria.where("action").is("createProject").and("subjectId").is(code).and("outcome").is("OK")),
				AuditRecord.class))
			.isTrue();
		assertThat(this.mongo.exists(
				Query.query(Criteria.where("type").is(EventType.PROJECT_CHANGED).and("subjectId").is(code)),
				DomainEvent.class))
			.isTrue();

		// a retry of the same input creates nothing more
		GraphQlTester.Response again = create(this.zhujiOfficer, input);
		again.path("createProject.created").entity(Boolean.class).isEqualTo(false);
		again.path("createProject.project.code").entity(String.class).isEqualTo(code);
		assertThat(this.mongo.count(Query.query(Criteria.where("name").is("诸暨年产10万吨新材料项目")), Project.class))
			.isEqualTo(1);

		// the next one in the district and category gets the next sequence
		String next = create(this.admin, minimal("诸暨第二个新项目", "ZHUJI")).path("createProject.project.code")
			.entity(String.class)
			.get();
		assertThat(Integer.parseInt(next.substring(next.lastIndexOf('-') + 1)))
			.isEqualTo(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)) + 1);

		// and the full record is filterable
		this.analyst.documentName("projectsByClassification")
			.execute()
			.path("projects.nodes[*].code")
			.entityList(String.class)
			.containsExactly(code);
	}

	@Test
	void everyProblemComesBackAtOnce() {
		Map<String, Object> input = new HashMap<>(minimal("", "NOWHERE"));
		input.put("leadDepartmentCode", "NOPE");
		input.put("plannedInvestment", "20");
		input.put("industry", Map.of("section", "C", "division", "70"));
		input.put("fundingSources", List.of(Map.of("source", "BUDGET", "amount", "13")));
		input.put("plannedStart", "2012-05-01");
		input.put("plannedFinish", "2012-04-01");
		input.put("nationalCode", "2012-12");
		input.put("plannedMonthly", List.of("1", "2"));
		GraphQlTester.Response response = create(this.admin, input);
		assertThat(codes(response)).contains("REQUIRED", "UNKNOWN_DISTRICT", "UNKNOWN_DEPARTMENT", "EXCEEDS_TOTAL",
				"UNKNOWN_INDUSTRY", "FUNDING_EXCEEDS_TOTAL", "INVALID_RANGE", "INVALID_NATIONAL_CODE",
				"PLANNED_MONTHLY_LENGTH");
		response.path("createProject.project").valueIsNull();
	}

	@Test
	void theSameCodeWithOtherValuesIsRefused() {
		Map<String, Object> input = minimal("有代码的项目", "SHANGYU");
		input.put("code", "SY-TEST-001");
		assertThat(codes(create(this.supervisor, input))).isEmpty();
		Map<String, Object> other = new HashMap<>(input);
		other.put("totalInvestment", "99");
		assertThat(codes(create(this.supervisor, other))).containsExactly("PROJECT_EXISTS");
		assertThat(this.mongo.findById("SY-TEST-001", Project.class).totalInvestment()).isEqualByComparingTo("12.5");
	}

	@Test
	void onlyTheRolesAllowedMayCreateAndAccessIsCheckedBeforeTheInput() {
		// a district officer outside its district, with an invalid input: FORBIDDEN, not
		// payload errors
		Map<String, Object> elsewhere = minimal("", "SHANGYU");
		this.zhujiOfficer.documentName("createProject")
			.variable("input", elsewhere)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
		this.analyst.documentName("createProject")
			.variable("input", minimal("分析员的项目", "ZHUJI"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
		assertThat(this.mongo.exists(Query.query(Criteria.where("name").is("分析员的项目")), Project.class)).isFalse();
	}

	@Test
	void aLiaisonIsCheckedAndTheHistoryKeepsWhoWasResponsibleWhen() {
		String project = GlobalId.encode("Project", "DEMO-IND-030");
		Map<String, Object> wrong = Map.of("projectId", project, "cityLeaderId", official("OFF-JXW-01"),
				"departmentCode", "FGW", "cadreId", official("OFF-JXW-02"), "reason", "调整");
		assertThat(this.supervisor.documentName("assignLiaison")
			.variable("input", wrong)
			.execute()
			.path("assignLiaison.errors[*].code")
			.entityList(String.class)
			.get()).containsExactlyInAnyOrder("NOT_A_CITY_LEADER", "CADRE_NOT_IN_DEPARTMENT");

		Map<String, Object> right = Map.of("projectId", project, "cityLeaderId", official("OFF-SZF-02"),
				"departmentCode", "JXW", "cadreId", official("OFF-JXW-03"), "reason", "分工调整");
		GraphQlTester.Response assigned = this.supervisor.documentName("assignLiaison")
			.variable("input", right)
			.execute();
		assigned.path("assignLiaison.errors").entityList(Object.class).hasSize(0);
		assigned.path("assignLiaison.project.liaison.cadre.code").entity(String.class).isEqualTo("OFF-JXW-03");
		List<Map<String, Object>> history = assigned.path("assignLiaison.project.liaisonHistory")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("from")).isNull();
		assertThat(history.get(0).get("until")).isNotNull();
		assertThat(history.get(1).get("until")).isNull();
		assertThat(history.get(1).get("reason")).isEqualTo("分工调整");
		assertThat(history.get(1).get("assignedBy")).isEqualTo("city_supervisor");

		// the same again changes nothing; a district officer may not assign
		int revision = assigned.path("assignLiaison.project.revision").entity(Integer.class).get();
		this.supervisor.documentName("assignLiaison")
			.variable("input", right)
			.execute()
			.path("assignLiaison.project.revision")
			.entity(Integer.class)
			.isEqualTo(revision)
			.path("assignLiaison.project.liaisonHistory")
			.entityList(Object.class)
			.hasSize(2);
		this.zhujiOfficer.documentName("assignLiaison")
			.variable("input", right)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private static String official(String code) {
		return GlobalId.encode("Official", code);
	}

}
