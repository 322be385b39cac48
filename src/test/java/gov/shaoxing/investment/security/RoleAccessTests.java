package gov.shaoxing.investment.security;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.notice.NoticeDraft;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.notice.NoticeSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table, one GraphQL tester per role, each signed in with a real token from the
 * embedded issuer.
 */
@QuietServiceTest
class RoleAccessTests {

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
	void testers(GraphQlTesters testers) {
		this.anonymous = testers.anonymous();
		this.admin = testers.admin();
		this.supervisor = testers.citySupervisor();
		this.jxwOfficer = testers.departmentOfficer("JXW");
		this.zhujiOfficer = testers.districtOfficer("ZHUJI");
		this.inspector = testers.inspector("ZHUJI", "SHANGYU");
		this.analyst = testers.analyst();
	}

	/** The first demo industrial project of a district. */
	private String projectIn(String district) {
		return this.admin.documentName("firstIndustrialProject")
			.variable("d", List.of(district))
			.execute()
			.path("projects.nodes[0].id")
			.entity(String.class)
			.get();
	}

	private GraphQlTester.Response report(GraphQlTester tester, String projectId, String key) {
		return tester.documentName("submitReportOutcome")
			.variable("i",
					Map.of("projectId", projectId, "period", Map.of("year", 2012, "month", 3, "half", 1),
							"investmentCompleted", "0.5", "physicalProgressPercent", 10, "idempotencyKey", key))
			.execute();
	}

	private GraphQlTester.Response indicator(GraphQlTester tester, String district, String key) {
		return tester.documentName("submitIndicatorReportOutcome")
			.variable("i",
					Map.of("year", 2012, "month", 3, "districtCode", district, "indicator", "FOREIGN_CAPITAL", "value",
							"100", "idempotencyKey", key))
			.execute();
	}

	private GraphQlTester.Response startNotice(GraphQlTester tester, String noticeId) {
		return tester.documentName("startNoticeOutcome").variable("id", GlobalId.encode("Notice", noticeId)).execute();
	}

	private String noticeTo(String department, String key) {
		return this.notices
			.raise(new NoticeDraft("NTEST-" + key, "DEMO-IND-001", "SX_COUNTY", department, NoticeSource.INSPECTION,
					null, "测试问题", LocalDate.now().plusDays(10), "test"))
			.id();
	}

	private static final String ZHUJI_INVESTMENT = GlobalId.encode("Target", "2012:ZHUJI:INDUSTRIAL_INVESTMENT");

	private GraphQlTester.Response reviseTarget(GraphQlTester tester, String id, String guaranteed, String reason) {
		return tester.documentName("updateTargetOutcome")
			.variable("i", Map.of("id", id, "guaranteed", guaranteed, "reason", reason))
			.execute();
	}

	private GraphQlTester.Response changeOwner(GraphQlTester tester, String projectId, String owner) {
		return tester.documentName("updateProjectOwner")
			.variable("i", Map.of("id", projectId, "ownerEnterprise", owner, "reason", "role test"))
			.execute();
	}

	/** A project in the district whose lead department is (or is not) the given one. */
	@SuppressWarnings("unchecked")
	private String project(String district, String department, boolean ledByIt) {
		List<Map<String, Object>> nodes = this.admin.documentName("districtProjectDepartments")
			.variable("d", List.of(district))
			.execute()
			.path("projects.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		return nodes.stream()
			.filter((n) -> department.equals(((Map<String, Object>) n.get("leadDepartment")).get("code")) == ledByIt)
			.map((n) -> (String) n.get("id"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no project in " + district + (ledByIt ? " led by " : " not led by ")
					+ department + " in the demo set"));
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
			.entityList(Object.class)
			.hasSize(0);
		indicator(this.admin, "SHANGYU", "role-admin-2").path("submitIndicatorReport.errors")
			.entityList(Object.class)
			.hasSize(0);
		startNotice(this.admin, noticeTo("GTJ", "admin")).path("startNotice.notice.status")
			.entity(String.class)
			.isEqualTo("IN_PROGRESS");
	}

	@Test
	void citySupervisorHandlesNoticesButDoesNotReport() {
		startNotice(this.supervisor, noticeTo("FGW", "supervisor")).path("startNotice.notice.status")
			.entity(String.class)
			.isEqualTo("IN_PROGRESS");
		denied(report(this.supervisor, projectIn("ZHUJI"), "role-sup-1"), "FORBIDDEN", "FORBIDDEN");
		this.supervisor.documentName("auditLogFirstFive").execute().path("auditLog.totalCount").hasValue();
	}

	@Test
	void departmentOfficerHandlesOnlyItsOwnDepartmentsNotices() {
		startNotice(this.jxwOfficer, noticeTo("JXW", "jxw-own")).path("startNotice.notice.status")
			.entity(String.class)
			.isEqualTo("IN_PROGRESS");
		denied(startNotice(this.jxwOfficer, noticeTo("GTJ", "jxw-other")), "FORBIDDEN", "FORBIDDEN");
		denied(indicator(this.jxwOfficer, "ZHUJI", "role-jxw-1"), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void districtOfficerReportsOnlyForItsDistrict() {
		report(this.zhujiOfficer, projectIn("ZHUJI"), "role-zj-1").path("submitProgressReport.errors")
			.entityList(Object.class)
			.hasSize(0);
		indicator(this.zhujiOfficer, "ZHUJI", "role-zj-2").path("submitIndicatorReport.errors")
			.entityList(Object.class)
			.hasSize(0);
		denied(report(this.zhujiOfficer, projectIn("SHANGYU"), "role-zj-3"), "FORBIDDEN", "FORBIDDEN");
		denied(indicator(this.zhujiOfficer, "SHANGYU", "role-zj-4"), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void inspectorReportsOnlyInItsAssignedDistricts() {
		report(this.inspector, projectIn("SHANGYU"), "role-insp-1").path("submitProgressReport.errors")
			.entityList(Object.class)
			.hasSize(0);
		denied(report(this.inspector, projectIn("PAOJIANG"), "role-insp-2"), "FORBIDDEN", "FORBIDDEN");
		denied(indicator(this.inspector, "ZHUJI", "role-insp-3"), "FORBIDDEN", "FORBIDDEN");
		denied(this.inspector.documentName("auditLogTotal").execute(), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void analystReadsEverythingAndChangesNothing() {
		this.analyst.documentName("bulletinRanks")
			.execute()
			.path("bulletin.districts")
			.entityList(Object.class)
			.hasSize(11);
		this.analyst.documentName("firstLiaisonMobile")
			.execute()
			.path("projects.nodes[0].liaison.cadre.mobile")
			.hasValue();
		denied(report(this.analyst, projectIn("ZHUJI"), "role-an-1"), "FORBIDDEN", "FORBIDDEN");
		denied(indicator(this.analyst, "ZHUJI", "role-an-2"), "FORBIDDEN", "FORBIDDEN");
		denied(startNotice(this.analyst, noticeTo("JXW", "analyst")), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void anonymousCallersReadThePlanButNotProgressAndChangeNothing() {
		this.anonymous.documentName("publicOverview")
			.execute()
			.path("districts")
			.entityList(Object.class)
			.hasSize(11)
			.path("measures")
			.entityList(Object.class)
			.hasSize(19);
		denied(this.anonymous.documentName("bulletinYear").execute(), "UNAUTHORIZED", "SIGN_IN_REQUIRED");
		denied(this.anonymous.documentName("noticeTotal").execute(), "UNAUTHORIZED", "SIGN_IN_REQUIRED");
		denied(report(this.anonymous, projectIn("ZHUJI"), "role-anon-1"), "UNAUTHORIZED", "UNAUTHENTICATED");
	}

	@Test
	void citySupervisorAndAdminReviseTargetsAndNobodyElseMay() {
		String original = this.anonymous.documentName("zhujiInvestmentTarget")
			.execute()
			.path("targets[0].guaranteed")
			.entity(String.class)
			.get();
		reviseTarget(this.supervisor, ZHUJI_INVESTMENT, "210", "年中调整").path("updateTarget.target.guaranteed")
			.entity(String.class)
			.isEqualTo("210")
			.path("updateTarget.target.revision")
			.entity(Integer.class)
			.isEqualTo(1);
		for (HttpGraphQlTester other : List.of(this.jxwOfficer, this.zhujiOfficer, this.inspector, this.analyst)) {
			denied(reviseTarget(other, ZHUJI_INVESTMENT, "1", "not allowed"), "FORBIDDEN", "FORBIDDEN");
		}
		denied(reviseTarget(this.anonymous, ZHUJI_INVESTMENT, "1", "not allowed"), "UNAUTHORIZED", "UNAUTHENTICATED");
		reviseTarget(this.admin, ZHUJI_INVESTMENT, original, "恢复规划数").path("updateTarget.target.revision")
			.entity(Integer.class)
			.isEqualTo(2);
		this.analyst.documentName("zhujiInvestmentTargetRevisions")
			.execute()
			.path("targets[0].guaranteed")
			.entity(String.class)
			.isEqualTo(original)
			.path("targets[0].revisions[*].revisedBy")
			.entityList(String.class)
			.containsExactly("city_supervisor", "admin")
			.path("targets[0].revisions[0].guaranteedBefore")
			.entity(String.class)
			.isEqualTo(original);
	}

	@Test
	void departmentOfficerChangesOnlyProjectsItsDepartmentLeads() {
		String led = project("SHANGYU", "JXW", true);
		changeOwner(this.jxwOfficer, led, "测试业主甲").path("updateProject.project.ownerEnterprise")
			.entity(String.class)
			.isEqualTo("测试业主甲")
			.path("updateProject.project.updatedBy")
			.entity(String.class)
			.isEqualTo("department_officer");
		denied(changeOwner(this.jxwOfficer, project("SHANGYU", "JXW", false), "x"), "FORBIDDEN", "FORBIDDEN");
		denied(changeOwner(this.zhujiOfficer, led, "x"), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void districtOfficerChangesOnlyProjectsInItsDistrict() {
		String own = project("ZHUJI", "JXW", false);
		changeOwner(this.zhujiOfficer, own, "测试业主乙").path("updateProject.project.ownerEnterprise")
			.entity(String.class)
			.isEqualTo("测试业主乙");
		denied(changeOwner(this.zhujiOfficer, project("SHANGYU", "JXW", false), "x"), "FORBIDDEN", "FORBIDDEN");
		denied(changeOwner(this.jxwOfficer, own, "x"), "FORBIDDEN", "FORBIDDEN");
	}

	@Test
	void supervisorInspectorAnalystAndAnonymousMayNotChangeProjects() {
		String project = project("ZHUJI", "JXW", true);
		denied(changeOwner(this.supervisor, project, "x"), "FORBIDDEN", "FORBIDDEN");
		denied(changeOwner(this.inspector, project, "x"), "FORBIDDEN", "FORBIDDEN");
		denied(changeOwner(this.analyst, project, "x"), "FORBIDDEN", "FORBIDDEN");
		denied(changeOwner(this.anonymous, project, "x"), "UNAUTHORIZED", "UNAUTHENTICATED");
		changeOwner(this.admin, project, "测试业主丙").path("updateProject.errors").entityList(Object.class).hasSize(0);
	}

	@Test
	void onlyAdminManagesUsersAndNewUsersSignInWithTheirScope() {
		Map<String, Object> input = Map.of("username", "zhuji_inspector_2", "password", "s3cret-pass", "role",
				"INSPECTOR", "districtCodes", List.of("ZHUJI"));
		denied(this.supervisor.documentName("createUserWithSource").variable("i", input).execute(), "FORBIDDEN",
				"FORBIDDEN");
		denied(this.analyst.documentName("usernames").execute(), "FORBIDDEN", "FORBIDDEN");
		this.admin.documentName("createUserWithSource")
			.variable("i", input)
			.execute()
			.path("createUser.user.source")
			.entity(String.class)
			.isEqualTo("SERVICE");
		this.anonymous.documentName("loginScope")
			.variable("u", "zhuji_inspector_2")
			.variable("p", "s3cret-pass")
			.execute()
			.path("login.role")
			.entity(String.class)
			.isEqualTo("INSPECTOR")
			.path("login.districtCodes")
			.entityList(String.class)
			.containsExactly("ZHUJI");
		this.admin.documentName("disableZhujiInspector")
			.execute()
			.path("updateUser.user.enabled")
			.entity(Boolean.class)
			.isEqualTo(false);
		denied(this.anonymous.documentName("loginScope")
			.variable("u", "zhuji_inspector_2")
			.variable("p", "s3cret-pass")
			.execute(), "UNAUTHORIZED", "UNAUTHENTICATED");
		this.admin.documentName("usersAndTheirCreationAudit")
			.execute()
			.path("users[?(@.username == 'zhuji_inspector_2')].source")
			.entityList(String.class)
			.containsExactly("SERVICE")
			.path("users[?(@.username == 'admin')].source")
			.entityList(String.class)
			.containsExactly("DEMO")
			.path("auditLog.nodes")
			.entityList(Object.class)
			.satisfies((nodes) -> assertThat(nodes).isNotEmpty()
				.allSatisfy((n) -> assertThat(n.toString()).doesNotContain("s3cret").doesNotContain("$2a$")));
	}

	@Test
	void everyMutationIsAudited() {
		report(this.zhujiOfficer, projectIn("ZHUJI"), "role-audit-1");
		report(this.analyst, projectIn("ZHUJI"), "role-audit-2");
		this.admin.documentName("reportSubmissionAudit")
			.execute()
			.path("auditLog.nodes[?(@.actor == 'district_officer')].outcome")
			.entityList(String.class)
			.satisfies((o) -> assertThat(o).contains("OK"))
			.path("auditLog.nodes[?(@.actor == 'analyst')].outcome")
			.entityList(String.class)
			.satisfies((o) -> assertThat(o).contains("DENIED"))
			.path("auditLog.nodes[?(@.actor == 'district_officer')].subjectType")
			.entityList(String.class)
			.satisfies((o) -> assertThat(o).contains("ProjectProgress"));
	}

	/** Refused with exactly this code, and nothing about the input. */
	private static void onlyRefused(GraphQlTester.Response response, String code) {
		response.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty()
				.allSatisfy((e) -> assertThat(e.getExtensions()).containsEntry("code", code)));
	}

	@Test
	void callersWhoMayNotMakeAChangeLearnNothingAboutTheirInput() {
		String notice = GlobalId.encode("Notice", noticeTo("JXW", "order"));
		onlyRefused(this.anonymous.documentName("extendNoticeDeadlineToThePast").variable("id", notice).execute(),
				"UNAUTHENTICATED");
		onlyRefused(this.analyst.documentName("extendNoticeDeadlineToThePast").variable("id", notice).execute(),
				"FORBIDDEN");
		onlyRefused(this.analyst.documentName("resolveUnknownNotice").execute(), "FORBIDDEN");
		onlyRefused(this.analyst.documentName("startUnknownNotice").execute(), "FORBIDDEN");
		onlyRefused(this.inspector.documentName("updateProjectPlannedInvestment")
			.variable("id", GlobalId.encode("Project", "NO-SUCH"))
			.execute(), "FORBIDDEN");
		onlyRefused(this.zhujiOfficer.documentName("submitReportErrors")
			.variable("i",
					Map.of("projectId", projectIn("SHANGYU"), "period", Map.of("year", 2030, "month", 13, "half", 3),
							"investmentCompleted", "-1", "physicalProgressPercent", 500, "idempotencyKey", "x"))
			.execute(), "FORBIDDEN");
		onlyRefused(this.zhujiOfficer.documentName("recordInspectionErrors")
			.variable("i",
					Map.of("projectId", projectIn("ZHUJI"), "date", "2999-01-01", "position",
							Map.of("latitude", 500, "longitude", 0), "findings", "", "rating", "ON_TRACK",
							"idempotencyKey", "x"))
			.execute(), "FORBIDDEN");
		onlyRefused(this.inspector.documentName("submitIndicatorReportErrors")
			.variable("i",
					Map.of("year", 2012, "month", 13, "districtCode", "ZHUJI", "indicator", "FOREIGN_CAPITAL", "value",
							"-5", "idempotencyKey", "x"))
			.execute(), "FORBIDDEN");
		onlyRefused(reviseTarget(this.analyst, ZHUJI_INVESTMENT, "-1", ""), "FORBIDDEN");
		onlyRefused(this.supervisor.documentName("createUserWithShortPassword").execute(), "FORBIDDEN");
	}

	private GraphQlTester.Response inspect(GraphQlTester tester, String inspector, String key) {
		Map<String, Object> input = new HashMap<>(Map.of("projectId", projectIn("ZHUJI"), "date",
				LocalDate.now().minusDays(1).toString(), "position", Map.of("latitude", 29.71, "longitude", 120.24),
				"findings", "现场检查", "rating", "ON_TRACK", "idempotencyKey", key));
		if (inspector != null) {
			input.put("inspector", inspector);
		}
		return tester.documentName("recordInspectionInspector").variable("i", input).execute();
	}

	@Test
	void anInspectionIsRecordedUnderTheSignedInInspectorsName() {
		inspect(this.inspector, "admin", "insp-name-1").path("recordInspection.errors[*].code")
			.entityList(String.class)
			.containsExactly("INSPECTOR_MISMATCH")
			.path("recordInspection.errors[0].field")
			.entity(String.class)
			.isEqualTo("input.inspector")
			.path("recordInspection.inspection")
			.valueIsNull();
		// the corrected retry with the same key goes through
		inspect(this.inspector, null, "insp-name-1").path("recordInspection.inspection.inspector")
			.entity(String.class)
			.isEqualTo("inspector");
		inspect(this.inspector, "inspector", "insp-name-2").path("recordInspection.inspection.inspector")
			.entity(String.class)
			.isEqualTo("inspector");
		inspect(this.admin, "王督查", "insp-name-3").path("recordInspection.inspection.inspector")
			.entity(String.class)
			.isEqualTo("王督查");
	}

	@Test
	@SuppressWarnings("unchecked")
	void refusedChangesAreAuditedEvenWithInputTheStoreCannotHold() {
		String elsewhere = project("SHANGYU", "JXW", false);
		List<Map<String, Object>> inputs = List.of(Map.of("id", elsewhere, "plannedInvestment", "1e7000"),
				Map.of("id", elsewhere, "plannedInvestment", "1234567890123456789012345678901234567890"),
				Map.of("id", elsewhere, "plannedFinish", "+999999999-12-31"));
		for (Map<String, Object> input : inputs) {
			this.zhujiOfficer.documentName("updateProjectErrors")
				.variable("i", input)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).isNotEmpty());
		}
		// refused before the mutation ran: the value is not one of the enum's
		this.anonymous
			.document("mutation { updateProject(input: { id: \"" + elsewhere
					+ "\", status: NOT_A_STATUS }) { errors { code } } }")
			.execute()
			.errors()
			.satisfy((e) -> {
			});
		List<Map<String, Object>> records = this.admin.documentName("projectUpdateAudit")
			.execute()
			.path("auditLog.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		for (String sent : List.of("7000", "1234567890123456789012345678901234567890", "+999999999-12-31")) {
			assertThat(records).as("a record of the refused input " + sent)
				.anySatisfy((r) -> assertThat(r).containsEntry("actor", "district_officer")
					.satisfies((x) -> assertThat(x.get("outcome")).isNotEqualTo("OK"))
					.satisfies((x) -> assertThat(String.valueOf(x.get("input"))).contains(sent)));
		}
		assertThat(records).as("a record of the request refused before it ran")
			.anySatisfy((r) -> assertThat(r).containsEntry("actor", "anonymous")
				.containsEntry("outcome", "REJECTED")
				.satisfies((x) -> assertThat(String.valueOf(x.get("input"))).contains("NOT_A_STATUS")));
	}

}
