package gov.shaoxing.investment.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.security.TokenIssuer;
import org.assertj.core.data.Offset;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

import static gov.shaoxing.investment.inspection.InspectionFixtures.inspection;
import static gov.shaoxing.investment.inspection.InspectionFixtures.position;
import static gov.shaoxing.investment.inspection.InspectionFixtures.problem;
import static gov.shaoxing.investment.inspection.InspectionFixtures.projectId;
import static gov.shaoxing.investment.inspection.InspectionFixtures.with;
import static gov.shaoxing.investment.inspection.InspectorClient.MAP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inspectors record inspections from their phones; dashboards list them. End to end over
 * HTTP.
 */
@ServiceTest
class InspectionApiTests {

	@Autowired
	TokenIssuer tokenIssuer;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	MongoTemplate mongo;

	InspectorClient phone;

	LocalDate today;

	@BeforeEach
	void connect() {
		this.phone = new InspectorClient(this.port, TestSecurity.adminToken(this.tokenIssuer));
		this.today = LocalDate.now(this.clock);
	}

	@Test
	void anInspectorUploadsAPhotoAndRecordsAnInspectionWithIt() {
		byte[] jpeg = InspectionFixtures.jpeg(48_000);
		Map<String, Object> photo = this.phone.uploadPhoto(jpeg, "IMG_0001.jpg", MediaType.IMAGE_JPEG);

		Map<String, Object> input = with(inspection(this.today), "photoIds", List.of(photo.get("id")));
		String id = this.phone.record(input)
			.path("recordInspection.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordInspection.project.code")
			.entity(String.class)
			.isEqualTo(InspectionFixtures.PROJECT)
			.path("recordInspection.inspection.project.code")
			.entity(String.class)
			.isEqualTo(InspectionFixtures.PROJECT)
			.path("recordInspection.inspection.district.code")
			.entity(String.class)
			.isEqualTo("SX_COUNTY")
			.path("recordInspection.inspection.date")
			.entity(String.class)
			.isEqualTo(this.today.toString())
			.path("recordInspection.inspection.rating")
			.entity(String.class)
			.isEqualTo("ON_TRACK")
			.path("recordInspection.inspection.position.accuracyMeters")
			.entity(Double.class)
			.isEqualTo(12.5)
			.path("recordInspection.inspection.distanceKm")
			.entity(Double.class)
			.satisfies((km) -> assertThat(km).isBetween(0.10, 0.12))
			.path("recordInspection.inspection.photos[0].id")
			.entity(String.class)
			.isEqualTo((String) photo.get("id"))
			.path("recordInspection.inspection.photos[0].url")
			.entity(String.class)
			.isEqualTo((String) photo.get("url"))
			.path("recordInspection.inspection.photos[0].contentType")
			.entity(String.class)
			.isEqualTo("image/jpeg")
			.path("recordInspection.inspection.photos[0].size")
			.entity(Integer.class)
			.isEqualTo(48_000)
			.path("recordInspection.inspection.id")
			.entity(String.class)
			.get();

		byte[] served = this.phone.http.get()
			.uri((String) photo.get("url"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_JPEG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(served).isEqualTo(jpeg);

		this.phone.graphQl.documentName("inspectionAndItsNode")
			.variable("id", id)
			.execute()
			.path("node.findings")
			.entity(String.class)
			.isEqualTo("主体厂房封顶，设备安装过半。")
			.path("node.photos[0].url")
			.entity(String.class)
			.isEqualTo((String) photo.get("url"))
			.path("inspection.inspector")
			.entity(String.class)
			.isEqualTo("王督查");
		this.phone.graphQl.documentName("projectInspectionIds")
			.variable("p", projectId(InspectionFixtures.PROJECT))
			.execute()
			.path("project.inspections.nodes[*].id")
			.entityList(String.class)
			.contains(id);
	}

	@Test
	void aRetryWithTheSameKeyReturnsTheSameInspectionAndWritesNothing() {
		Map<String, Object> input = with(inspection(this.today), "problems", List.of(problem("施工用电未落实", "JXW")));
		String first = (String) this.phone.recordOk(input).get("id");
		long inspections = this.mongo.getCollection("inspections").countDocuments();
		long notices = this.mongo.getCollection("notices").countDocuments();

		String retried = (String) this.phone.recordOk(input).get("id");
		String again = (String) this.phone.recordOk(input).get("id");

		assertThat(retried).isEqualTo(first);
		assertThat(again).isEqualTo(first);
		assertThat(this.mongo.getCollection("inspections").countDocuments()).isEqualTo(inspections);
		assertThat(this.mongo.getCollection("notices").countDocuments()).isEqualTo(notices);
	}

	@Test
	void aRetryAfterTheServerFailedMidwayFinishesTheSameInspectionOnce() {
		Map<String, Object> input = with(inspection(this.today), "problems", List.of(problem("消防通道堵塞", "FGW")));
		String id = (String) this.phone.recordOk(input).get("id");
		String key = GlobalId.decode(id).key();
		// as if the server had died after claiming the key and raising the notice, before
		// storing the inspection
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), "inspections");
		// keys are scoped to the user who sent them, here the admin
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is("inspection:admin:" + input.get("idempotencyKey"))),
				Update.update("state", "PENDING"), "idempotency_keys");
		long notices = this.mongo.getCollection("notices").countDocuments();

		assertThat(this.phone.recordOk(input).get("id")).isEqualTo(id);
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(key)), "inspections")).isEqualTo(1);
		assertThat(this.mongo.getCollection("notices").countDocuments()).isEqualTo(notices);
		assertThat(this.phone.recordOk(input).get("id")).isEqualTo(id);
	}

	@Test
	void theSameKeyWithDifferentInputIsRefused() {
		Map<String, Object> input = inspection(this.today);
		String id = (String) this.phone.recordOk(input).get("id");
		long inspections = this.mongo.getCollection("inspections").countDocuments();

		this.phone.record(with(input, "findings", "一个不同的发现"))
			.path("recordInspection.inspection")
			.valueIsNull()
			.path("recordInspection.errors[0].code")
			.entity(String.class)
			.isEqualTo("IDEMPOTENCY_KEY_REUSED")
			.path("recordInspection.errors[0].field")
			.entity(String.class)
			.isEqualTo("input.idempotencyKey");

		assertThat(this.mongo.getCollection("inspections").countDocuments()).isEqualTo(inspections);
		this.phone.graphQl.documentName("inspectionFindings")
			.variable("id", id)
			.execute()
			.path("inspection.findings")
			.entity(String.class)
			.isEqualTo(input.get("findings"));
	}

	@Test
	void aProblemBecomesANoticeAddressedToItsDepartment() {
		String marker = "厂区道路未硬化-" + UUID.randomUUID();
		Map<String, Object> explicit = problem("环评批复未到位-" + marker, "FGW");
		explicit.put("deadline", this.today.plusDays(30).toString());
		Map<String, Object> input = with(inspection(this.today), "problems", List.of(problem(marker, "JXW"), explicit));
		input.put("rating", "SERIOUS_ISSUES");
		Map<String, Object> recorded = this.phone.recordOk(input);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> problems = (List<Map<String, Object>>) recorded.get("problems");
		assertThat(problems).<Object>extracting((p) -> p.get("deadline"))
			.containsExactly(this.today.plusDays(15).toString(), this.today.plusDays(30).toString());
		assertThat(problems).<Object>extracting((p) -> ((Map<?, ?>) p.get("department")).get("name"))
			.containsExactly("市经信委", "市发改委");

		List<Map<String, Object>> jxw = this.phone.graphQl.documentName("jxwNotices")
			.execute()
			.path("notices.nodes")
			.entityList(MAP)
			.get();
		assertThat(jxw).filteredOn((n) -> marker.equals(n.get("text"))).singleElement().satisfies((n) -> {
			assertThat(n.get("source")).isEqualTo("INSPECTION");
			assertThat(n.get("status")).isEqualTo("OPEN");
			assertThat(n.get("deadline")).isEqualTo(this.today.plusDays(15).toString());
			assertThat(((Map<?, ?>) n.get("project")).get("code")).isEqualTo(InspectionFixtures.PROJECT);
			assertThat(n.get("id")).isEqualTo(problems.get(0).get("noticeId"));
		});
		this.phone.graphQl.documentName("notice")
			.variable("id", problems.get(1).get("noticeId"))
			.execute()
			.path("notice.text")
			.entity(String.class)
			.isEqualTo("环评批复未到位-" + marker)
			.path("notice.department.code")
			.entity(String.class)
			.isEqualTo("FGW");
	}

	static Stream<Arguments> invalidInputs() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		return Stream.of(
				Arguments.of("unknown project", "projectId", projectId("NOPE-404"), "input.projectId",
						"UNKNOWN_PROJECT"),
				Arguments.of("malformed project id", "projectId", "%%%", "input.projectId", "UNKNOWN_PROJECT"),
				Arguments.of("a district id for a project", "projectId", GlobalId.encode("District", "ZHUJI"),
						"input.projectId", "UNKNOWN_PROJECT"),
				Arguments.of("a day after today", "date", today.plusDays(2).toString(), "input.date", "DATE_IN_FUTURE"),
				Arguments.of("latitude over 90", "position", position(90.5, 120.5), "input.position.latitude",
						"INVALID_POSITION"),
				Arguments.of("longitude under -180", "position", position(30.0, -180.01), "input.position.longitude",
						"INVALID_POSITION"),
				Arguments.of("negative accuracy", "position", with(position(30, 120), "accuracyMeters", -1),
						"input.position.accuracyMeters", "INVALID_POSITION"),
				Arguments.of("photo never uploaded", "photoIds", List.of(new ObjectId().toHexString()),
						"input.photoIds[0]", "UNKNOWN_PHOTO"),
				Arguments.of("photo id that is not one", "photoIds", List.of("IMG_0001.jpg"), "input.photoIds[0]",
						"UNKNOWN_PHOTO"),
				Arguments.of("findings of 4001 characters", "findings", "查".repeat(4001), "input.findings", "TOO_LONG"),
				Arguments.of("blank findings", "findings", "  ", "input.findings", "REQUIRED"),
				Arguments.of("problem for an unknown department", "problems",
						List.of(problem("ok", "JXW"), problem("道路", "NO_SUCH_DEPT")),
						"input.problems[1].departmentCode", "UNKNOWN_DEPARTMENT"),
				Arguments.of("problem deadline before the visit", "problems",
						List.of(with(problem("道路", "JXW"), "deadline", today.minusDays(30).toString())),
						"input.problems[0].deadline", "DEADLINE_BEFORE_DATE"),
				Arguments.of("idempotency key too short", "idempotencyKey", "abc", "input.idempotencyKey",
						"INVALID_IDEMPOTENCY_KEY"),
				Arguments.of("idempotency key with spaces", "idempotencyKey", "my key 123", "input.idempotencyKey",
						"INVALID_IDEMPOTENCY_KEY"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidInputs")
	void invalidInputGivesAPayloadErrorOnItsFieldAndWritesNothing(String description, String key, Object value,
			String field, String code) {
		Map<String, Object> input = with(inspection(this.today.minusDays(7)), key, value);
		long[] before = writtenCounts();

		this.phone.record(input)
			.path("recordInspection.inspection")
			.valueIsNull()
			.path("recordInspection.project")
			.valueIsNull()
			.path("recordInspection.errors")
			.entityList(MAP)
			.satisfies((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.get("field")).isEqualTo(field);
				assertThat(e.get("code")).isEqualTo(code);
				assertThat((String) e.get("message")).isNotBlank().doesNotContain("Exception");
			}));

		assertThat(writtenCounts()).as("inspections, notices, idempotency keys").containsExactly(before);
		// the key was not claimed either: once the mistake is fixed, the same key records
		// the inspection
		if (!"idempotencyKey".equals(key)) {
			this.phone
				.recordOk(with(inspection(this.today.minusDays(7)), "idempotencyKey", input.get("idempotencyKey")));
		}
	}

	@Test
	void everyMistakeIsReportedAtOnce() {
		Map<String, Object> input = inspection(this.today.plusDays(3));
		input.put("position", position(-95, 200));
		input.put("findings", "x".repeat(4001));
		input.put("problems", List.of(problem("道路", "NOPE")));
		this.phone.record(input)
			.path("recordInspection.errors[*].field")
			.entityList(String.class)
			.containsExactly("input.date", "input.position.latitude", "input.position.longitude", "input.findings",
					"input.problems[0].departmentCode");
	}

	@Test
	void inspectionsFilterByInspectorDistrictAndDateRange() {
		String inspector = "李督查-" + UUID.randomUUID().toString().substring(0, 8);
		String a = recordBy(inspector, "DEMO-IND-001", this.today.minusDays(10), "ON_TRACK");
		String b = recordBy(inspector, "DEMO-IND-020", this.today.minusDays(5), "STALLED");
		String c = recordBy(inspector, "DEMO-IND-002", this.today.minusDays(1), "MINOR_ISSUES");
		recordBy("另一位督查员", "DEMO-IND-020", this.today.minusDays(5), "STALLED");

		assertThat(ids(Map.of("inspector", inspector))).containsExactly(c, b, a);
		assertThat(ids(Map.of("inspector", inspector, "districtCodes", List.of("SX_COUNTY")))).containsExactly(c, a);
		assertThat(ids(Map.of("inspector", inspector, "districtCodes", List.of("ZHUJI")))).containsExactly(b);
		assertThat(ids(Map.of("inspector", inspector, "dateFrom", this.today.minusDays(6).toString(), "dateTo",
				this.today.minusDays(1).toString())))
			.containsExactly(c, b);
		assertThat(ids(Map.of("inspector", inspector, "dateFrom", this.today.minusDays(10).toString(), "dateTo",
				this.today.minusDays(10).toString())))
			.containsExactly(a);
		assertThat(ids(Map.of("inspector", inspector, "ratings", List.of("STALLED", "MINOR_ISSUES"))))
			.containsExactly(c, b);
		assertThat(ids(Map.of("inspector", inspector, "projectId", projectId("DEMO-IND-001")))).containsExactly(a);
	}

	@Test
	void feedsPageNewestFirstWithoutRepeatsOrGaps() {
		String inspector = "赵督查-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> recorded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			recorded.add(recordBy(inspector, "DEMO-IND-003", this.today.minusDays(i), "ON_TRACK"));
		}
		List<String> seen = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = this.phone.graphQl.documentName("inspections")
				.variable("filter", Map.of("inspector", inspector))
				.variable("first", 2)
				.variable("after", after)
				.execute()
				.path("inspections")
				.entity(MAP)
				.get();
			assertThat(((Number) page.get("totalCount")).intValue()).isEqualTo(5);
			((List<?>) page.get("nodes")).forEach((n) -> seen.add((String) ((Map<?, ?>) n).get("id")));
			Map<?, ?> info = (Map<?, ?>) page.get("pageInfo");
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
		}
		while (after != null);
		Collections.reverse(recorded);
		assertThat(seen).containsExactlyElementsOf(recorded);
	}

	@Test
	void aDateRangeEndingBeforeItStartsIsABadRequest() {
		this.phone.graphQl.documentName("inspectionsWithDatesReversed")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getExtensions()).containsEntry("code", "INVALID_RANGE");
			}));
	}

	@Test
	void anInspectionFarFromTheSiteShowsItsDistance() {
		Map<String, Object> input = with(inspection(this.today), "position", position(29.71, 120.24));
		Map<String, Object> recorded = this.phone.recordOk(input);
		double expected = InspectionService.distanceKm(29.71, 120.24, InspectionFixtures.PROJECT_LATITUDE,
				InspectionFixtures.PROJECT_LONGITUDE);
		assertThat(((Number) recorded.get("distanceKm")).doubleValue()).isCloseTo(expected, Offset.offset(0.001))
			.isGreaterThan(40);
	}

	private String recordBy(String inspector, String project, LocalDate date, String rating) {
		Map<String, Object> input = inspection(project, date);
		input.put("inspector", inspector);
		input.put("rating", rating);
		return (String) this.phone.recordOk(input).get("id");
	}

	private List<String> ids(Map<String, Object> filter) {
		return this.phone.graphQl.documentName("inspections")
			.variable("filter", filter)
			.variable("first", 100)
			.execute()
			.path("inspections.nodes[*].id")
			.entityList(String.class)
			.get();
	}

	private long[] writtenCounts() {
		return new long[] { this.mongo.getCollection("inspections").countDocuments(),
				this.mongo.getCollection("notices").countDocuments(),
				this.mongo.getCollection("idempotency_keys").countDocuments() };
	}

}
