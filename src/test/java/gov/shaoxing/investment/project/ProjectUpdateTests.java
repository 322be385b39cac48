package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.security.TokenIssuer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers keep their projects' records current: checked input, safe retries, no lost
 * updates, audited.
 */
@QuietServiceTest
class ProjectUpdateTests {

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProjectService projects;

	HttpGraphQlTester officer;

	HttpGraphQlTester admin;

	Project before;

	@BeforeEach
	void signIn(GraphQlTesters testers) {
		this.officer = testers.districtOfficer("ZHUJI");
		this.admin = testers.admin();
		this.before = this.projects.all()
			.stream()
			.filter((p) -> p.districtCode().equals("ZHUJI") && p.plannedStart() != null && p.plannedFinish() != null)
			.findFirst()
			.orElseThrow();
	}

	/** Other tests in this context read the seeded record. */
	@AfterEach
	void restore() {
		this.projects.saveAll(List.of(this.before));
	}

	private GraphQlTester.Response update(GraphQlTester tester, Map<String, Object> fields) {
		Map<String, Object> input = new HashMap<>(fields);
		input.putIfAbsent("id", GlobalId.encode("Project", this.before.code()));
		return tester.documentName("updateProject").variable("i", input).execute();
	}

	private static List<String> codes(GraphQlTester.Response response) {
		return response.path("updateProject.errors[*].code").entityList(String.class).get();
	}

	private Project stored() {
		return this.mongo.findById(this.before.code(), Project.class);
	}

	@Test
	void aChangeIsStoredAndSearchesSeeItAtOnce() {
		update(this.officer,
				Map.of("status", "SUSPENDED", "plannedInvestment", "1.5", "location",
						Map.of("latitude", 29.71, "longitude", 120.24, "address", "诸暨市测试路1号")))
			.path("updateProject.project.status")
			.entity(String.class)
			.isEqualTo("SUSPENDED")
			.path("updateProject.project.revision")
			.entity(Integer.class)
			.isEqualTo(this.before.revision() + 1)
			.path("updateProject.project.updatedBy")
			.entity(String.class)
			.isEqualTo("district_officer");
		assertThat(stored().plannedInvestment()).isEqualByComparingTo("1.5");
		this.officer.documentName("suspendedProjects")
			.variable("d", List.of("ZHUJI"))
			.execute()
			.path("projects.nodes[*].code")
			.entityList(String.class)
			.contains(this.before.code());
	}

	@Test
	void aRetriedChangeWritesNothingMore() {
		update(this.officer, Map.of("name", "  测试项目（更名）  ")).path("updateProject.project.name")
			.entity(String.class)
			.isEqualTo("测试项目（更名）");
		int revision = stored().revision();
		update(this.officer, Map.of("name", "测试项目（更名）")).path("updateProject.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateProject.project.revision")
			.entity(Integer.class)
			.isEqualTo(revision);
		assertThat(stored().revision()).isEqualTo(revision);
	}

	@Test
	void aChangeDecidedOnAnOldRevisionIsRefused() {
		int seen = stored().revision();
		update(this.officer, Map.of("ownerEnterprise", "甲公司", "expectedRevision", seen)).path("updateProject.errors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(codes(update(this.admin, Map.of("ownerEnterprise", "乙公司", "expectedRevision", seen))))
			.containsExactly("REVISION_CONFLICT");
		assertThat(stored().ownerEnterprise()).isEqualTo("甲公司");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
		Map<String, Object> bad = new HashMap<>();
		bad.put("name", " ");
		bad.put("totalInvestment", "-3");
		bad.put("plannedInvestment", "0.000001");
		bad.put("plannedFinish", this.before.plannedStart().minusDays(1).toString());
		bad.put("location", Map.of("latitude", 91.0, "longitude", 120.0));
		bad.put("nationalCode", "2012-33");
		bad.put("reason", "x".repeat(501));
		GraphQlTester.Response response = update(this.officer, bad);
		assertThat(response.path("updateProject.errors[*].field").entityList(String.class).get()).containsExactly(
				"input.name", "input.totalInvestment", "input.plannedInvestment", "input.plannedFinish",
				"input.location", "input.nationalCode", "input.reason");
		assertThat(codes(response)).containsExactly("REQUIRED", "NEGATIVE", "TOO_PRECISE", "INVALID_RANGE",
				"INVALID_LOCATION", "INVALID_NATIONAL_CODE", "TOO_LONG");
		assertThat(codes(update(this.officer,
				Map.of("plannedInvestment", this.before.totalInvestment().add(BigDecimal.ONE).toPlainString()))))
			.containsExactly("EXCEEDS_TOTAL");
		assertThat(codes(update(this.officer, Map.of("totalInvestment", "0")))).containsExactly("NOT_POSITIVE");
		assertThat(codes(update(this.officer, Map.of("totalInvestment", "20000")))).containsExactly("OUT_OF_RANGE");
		assertThat(codes(update(this.officer, Map.of("id", GlobalId.encode("Project", "NO-SUCH"), "name", "x"))))
			.containsExactly("NOT_FOUND");
		assertThat(stored()).isEqualTo(this.before);
	}

	@Test
	void aProjectStoredBeforeRevisionsExistedReadsAsRevisionZeroAndCanBeChanged() {
		Document legacy = this.mongo.getCollection("projects").find(new Document("_id", this.before.code())).first();
		legacy.remove("revision");
		legacy.remove("updatedAt");
		legacy.remove("updatedBy");
		this.mongo.getCollection("projects").replaceOne(new Document("_id", this.before.code()), legacy);
		this.projects.invalidate();
		assertThat(stored().revision()).isZero();
		update(this.officer, Map.of("name", "旧数据项目", "expectedRevision", 0)).path("updateProject.project.revision")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void aDashboardSubscribedToItsDistrictSeesTheChange() throws Exception {
		WebSocketGraphQlTester ws = WebSocketGraphQlTester
			.builder("ws://localhost:" + this.port + "/graphql", new StandardWebSocketClient())
			.interceptor(TestSecurity.webSocketToken(TestSecurity.adminToken(this.issuer)))
			.build();
		try {
			CompletableFuture<Map> seen = ws.documentName("zhujiProjectChanged")
				.executeSubscription()
				.toFlux("projectChanged", Map.class)
				.next()
				.toFuture();
			// the subscription starts asynchronously: change the project until the
			// subscriber hears of a change
			List<String> statuses = List.of("COMPLETED", "SUSPENDED");
			for (int i = 0; i < 20 && !seen.isDone(); i++) {
				update(this.officer, Map.of("status", statuses.get(i % 2))).path("updateProject.errors")
					.entityList(Object.class)
					.hasSize(0);
				Thread.sleep(500);
			}
			Map<?, ?> project = seen.get(10, TimeUnit.SECONDS);
			assertThat(project.get("code")).isEqualTo(this.before.code());
			assertThat(statuses).contains((String) project.get("status"));
			assertThat((Integer) project.get("revision")).isGreaterThan(this.before.revision());
		}
		finally {
			ws.stop().block(Duration.ofSeconds(10));
		}
	}

	@Test
	void aNationalCodeBelongsToOneProject() {
		Project other = this.projects.all()
			.stream()
			.filter((p) -> p.nationalCode() != null && !p.code().equals(this.before.code()))
			.findFirst()
			.orElseThrow();
		assertThat(codes(update(this.admin, Map.of("nationalCode", other.nationalCode()))))
			.containsExactly("NATIONAL_CODE_TAKEN");
	}

	@Test
	void theAuditLogKeepsTheRecordBeforeAndAfter() {
		update(this.officer, Map.of("ownerEnterprise", "审计测试公司", "reason", "业主变更")).path("updateProject.errors")
			.entityList(Object.class)
			.hasSize(0);
		this.admin.documentName("lastProjectUpdateAudit")
			.execute()
			.path("auditLog.nodes[0].subjectType")
			.entity(String.class)
			.isEqualTo("Project")
			.path("auditLog.nodes[0].subjectId")
			.entity(String.class)
			.isEqualTo(this.before.code())
			.path("auditLog.nodes[0].after.ownerEnterprise")
			.entity(String.class)
			.isEqualTo("审计测试公司")
			.path("auditLog.nodes[0].input.input.reason")
			.entity(String.class)
			.isEqualTo("业主变更");
	}

}
