package gov.shaoxing.investment.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.notice.NoticeDraft;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.notice.NoticeSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The role table, one GraphQL tester per role, each signed in with a real token from the embedded issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.seed.demo-activity=false" })
class RoleAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	NoticeService notices;

	HttpGraphQlTester anonymous;

	HttpGraphQlTester admin;

	HttpGraphQlTester supervisor;

	HttpGraphQlTester jxwOfficer;

	HttpGraphQlTester zhujiOfficer;

	HttpGraphQlTester inspector;

	HttpGraphQlTester analyst;

	@BeforeEach
	void testers() {
		HttpGraphQlTester base = HttpGraphQlTester.create(WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build());
		this.anonymous = base;
		this.admin = as(base, TestSecurity.token(this.issuer, Role.ADMIN, null));
		this.supervisor = as(base, TestSecurity.token(this.issuer, Role.CITY_SUPERVISOR, "CYTZB"));
		this.jxwOfficer = as(base, TestSecurity.token(this.issuer, Role.DEPARTMENT_OFFICER, "JXW"));
		this.zhujiOfficer = as(base, TestSecurity.token(this.issuer, Role.DISTRICT_OFFICER, null, "ZHUJI"));
		this.inspector = as(base, TestSecurity.token(this.issuer, Role.INSPECTOR, null, "ZHUJI", "SHANGYU"));
		this.analyst = as(base, TestSecurity.token(this.issuer, Role.ANALYST, null));
	}

	private static HttpGraphQlTester as(HttpGraphQlTester base, String token) {
		return base.mutate().header("Authorization", "Bearer " + token).build();
	}

	/** The first demo industrial project of a district. */
	private String projectIn(String district) {
		return this.admin.document("query($d: [ID!]) { projects(filter: { districtCodes: $d, categories: [INDUSTRIAL] }, "
				+ "first: 1) { nodes { id } } }")
			.variable("d", List.of(district))
			.execute()
			.path("projects.nodes[0].id").entity(String.class).get();
	}

	private GraphQlTester.Response report(GraphQlTester tester, String projectId, String key) {
		return tester.document("mutation($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) "
				+ "{ report { id } errors { code } } }")
			.variable("i", Map.of("projectId", projectId, "period", Map.of("year", 2012, "month", 3, "half", 1),
					"investmentCompleted", "0.5", "physicalProgressPercent", 10, "idempotencyKey", key))
			.execute();
	}

	private GraphQlTester.Response indicator(GraphQlTester tester, String district, String key) {
		return tester.document("mutation($i: SubmitIndicatorReportInput!) { submitIndicatorReport(input: $i) "
				+ "{ report { value } errors { code } } }")
			.variable("i", Map.of("year", 2012, "month", 3, "districtCode", district, "indicator", "FOREIGN_CAPITAL",
					"value", "100", "idempotencyKey", key))
			.execute();
	}

	private GraphQlTester.Response startNotice(GraphQlTester tester, String noticeId) {
		return tester.document("mutation($id: ID!) { startNotice(input: { id: $id }) { notice { status } errors { code } } }")
			.variable("id", GlobalId.encode("Notice", noticeId))
			.execute();
	}

	private String noticeTo(String department, String key) {
		return this.notices.raise(new NoticeDraft("NTEST-" + key, "DEMO-IND-001", "SX_COUNTY", department,
				NoticeSource.INSPECTION, null, "测试问题", java.time.LocalDate.now().plusDays(10), "test")).id();
	}

	private static void denied(GraphQlTester.Response response, String classification, String code) {
		response.errors().satisfy((errors) -> assertThat(errors).anySatisfy((e) -> {
			assertThat(e.getErrorType().toString()).isEqualTo(classification);
			assertThat(e.getExtensions()).containsEntry("code", code);
		}));
	}

	@Test
	void adminMayChangeEverything() {
		report(this.admin, projectIn("SX_COUNTY"), "role-admin-1").path("submitProgressReport.errors")
			.entityList(Object.class).hasSize(0);
		indicator(this.admin, "SHANGYU", "role-admin-2").path("submitIndicatorReport.errors").entityList(Object.class)
			.hasSize(0);
		startNotice(this.admin, noticeTo("GTJ", "admin")).path("startNotice.notice.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
	}

	@Test
	void citySupervisorHandlesNoticesButDoesNotReport() {
		startNotice(this.supervisor, noticeTo("FGW", "supervisor")).path("startNotice.notice.status")
			.entity(String.class).isEqualTo("IN_PROGRESS");
		denied(report(this.supervisor, projectIn("ZHUJI"), "role-sup-1"), "FORBIDDEN", "FORBIDDEN");
		this.supervisor.document("{ auditLog(first: 5) { totalCount } }").execute().path("auditLog.totalCount")
			.hasValue();
	}

	@Test
	void departmentOfficerHandlesOnlyItsOwnDepartmentsNotices() {
		startNotice(this.jxwOfficer, noticeTo("JXW", "jxw-own")).path("startNotice.notice.status")
			.entity(String.class).isEqualTo("IN_PROGRESS");
		denied(startNotice(this.jxwOfficer, noticeTo("GTJ", "jxw-other")), "FORBIDDEN", "FORBIDDEN");
		denied(indicator(this.jxwOfficer, "ZHUJI", "role-jxw-1"), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void districtOfficerReportsOnlyForItsDistrict() {
		report(this.zhujiOfficer, projectIn("ZHUJI"), "role-zj-1").path("submitProgressReport.errors")
			.entityList(Object.class).hasSize(0);
		indicator(this.zhujiOfficer, "ZHUJI", "role-zj-2").path("submitIndicatorReport.errors")
			.entityList(Object.class).hasSize(0);
		denied(report(this.zhujiOfficer, projectIn("SHANGYU"), "role-zj-3"), "FORBIDDEN", "FORBIDDEN");
		denied(indicator(this.zhujiOfficer, "SHANGYU", "role-zj-4"), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void inspectorReportsOnlyInItsAssignedDistricts() {
		report(this.inspector, projectIn("SHANGYU"), "role-insp-1").path("submitProgressReport.errors")
			.entityList(Object.class).hasSize(0);
		denied(report(this.inspector, projectIn("PAOJIANG"), "role-insp-2"), "FORBIDDEN", "FORBIDDEN");
		denied(indicator(this.inspector, "ZHUJI", "role-insp-3"), "FORBIDDEN", "FORBIDDEN");
		denied(this.inspector.document("{ auditLog { totalCount } }").execute(), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void analystReadsEverythingAndChangesNothing() {
		this.analyst.document("{ bulletin(year: 2012, month: 6) { districts { rank } } }").execute()
			.path("bulletin.districts").entityList(Object.class).hasSize(11);
		this.analyst.document("{ projects(first: 1) { nodes { liaison { cadre { mobile } } } } }").execute()
			.path("projects.nodes[0].liaison.cadre.mobile").hasValue();
		denied(report(this.analyst, projectIn("ZHUJI"), "role-an-1"), "FORBIDDEN", "FORBIDDEN");
		denied(indicator(this.analyst, "ZHUJI", "role-an-2"), "FORBIDDEN", "FORBIDDEN");
		denied(startNotice(this.analyst, noticeTo("JXW", "analyst")), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void anonymousCallersReadThePlanButNotProgressAndChangeNothing() {
		this.anonymous.document("{ districts { name targets(year: 2012) { guaranteed } } measures(year: 2012) { title } "
				+ "departments { name } projects(first: 2) { nodes { name totalInvestment } } }")
			.execute()
			.path("districts").entityList(Object.class).hasSize(11)
			.path("measures").entityList(Object.class).hasSize(19);
		denied(this.anonymous.document("{ bulletin(year: 2012, month: 6) { year } }").execute(), "UNAUTHORIZED",
				"SIGN_IN_REQUIRED");
		denied(this.anonymous.document("{ notices { totalCount } }").execute(), "UNAUTHORIZED", "SIGN_IN_REQUIRED");
		denied(report(this.anonymous, projectIn("ZHUJI"), "role-anon-1"), "UNAUTHORIZED", "UNAUTHENTICATED");
	}

	@Test
	void everyMutationIsAudited() {
		report(this.zhujiOfficer, projectIn("ZHUJI"), "role-audit-1");
		report(this.analyst, projectIn("ZHUJI"), "role-audit-2");
		this.admin.document("{ auditLog(filter: { actions: [\"submitProgressReport\"] }, first: 50) "
				+ "{ nodes { actor outcome subjectType after input } } }")
			.execute()
			.path("auditLog.nodes[?(@.actor == 'district_officer')].outcome").entityList(String.class)
			.satisfies((o) -> assertThat(o).contains("OK"))
			.path("auditLog.nodes[?(@.actor == 'analyst')].outcome").entityList(String.class)
			.satisfies((o) -> assertThat(o).contains("DENIED"))
			.path("auditLog.nodes[?(@.actor == 'district_officer')].subjectType").entityList(String.class)
			.satisfies((o) -> assertThat(o).contains("ProjectProgress"));
	}

}
