package gov.shaoxing.investment;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract, run against every store: the embedded server (with and without the
 * read model) and, where Docker exists, a real MongoDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(GraphQlTesters.Resolver.class)
public abstract class ApiSuite {

	@Autowired
	ObjectMapper json;

	/** Signed in as ADMIN. */
	protected HttpGraphQlTester graphQl;

	/** No token. */
	protected HttpGraphQlTester anonymous;

	@Autowired
	TokenIssuer tokenIssuer;

	/** The server's other endpoints. */
	protected WebTestClient http;

	@BeforeEach
	void connect(GraphQlTesters testers) {
		this.graphQl = testers.admin();
		this.anonymous = testers.anonymous();
		this.http = testers.http();
	}

	JsonNode plan() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/seed/plan-2012.json")) {
			return this.json.readTree(in);
		}
	}

	@Test
	void everyFigureOfTheAttachmentsReadsBackExactly() throws Exception {
		List<Map<String, Object>> targets = this.graphQl.documentName("allTargets")
			.variable("year", 2012)
			.execute()
			.path("targets")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		int checked = 0;
		for (JsonNode attachment : plan().get("attachments")) {
			JsonNode columns = attachment.get("columns");
			for (int c = 0; c < columns.size(); c++) {
				JsonNode column = columns.get(c);
				String indicator = column.get("indicator").asString();
				String value = column.get("value").asString();
				checked += expect(targets, null, indicator, value, attachment.get("total").get(c).asString());
				for (Map.Entry<String, JsonNode> row : attachment.get("rows").properties()) {
					checked += expect(targets, row.getKey(), indicator, value, row.getValue().get(c).asString());
				}
			}
		}
		assertThat(checked).isEqualTo(9 * 11 + 2 * 12 + 2 * 10 + 7 * 11 + 11);
	}

	@Test
	void sectionTwoTargetsAreKeptOnceInTheAttachmentsUnits() {
		this.graphQl.documentName("cityTargets")
			.variable("year", 2012)
			.execute()
			.path("targets[?(@.indicator == 'INDUSTRIAL_INVESTMENT_GROWTH')].guaranteed")
			.entityList(BigDecimal.class)
			.satisfies((v) -> assertThat(v).singleElement().satisfies((x) -> assertThat(x).isEqualByComparingTo("15")))
			.path("targets[?(@.indicator == 'INDUSTRIAL_INVESTMENT_GROWTH')].stretch")
			.entityList(BigDecimal.class)
			.satisfies((v) -> assertThat(v).singleElement().satisfies((x) -> assertThat(x).isEqualByComparingTo("20")))
			.path("targets[?(@.indicator == 'INDUSTRIAL_PROJECTS_OVER_5B')].guaranteed")
			.entityList(BigDecimal.class)
			.satisfies((v) -> assertThat(v).singleElement().satisfies((x) -> assertThat(x).isEqualByComparingTo("2")))
			.path("targets[?(@.indicator == 'FOREIGN_CAPITAL')].guaranteed")
			.entityList(BigDecimal.class)
			.satisfies(
					(v) -> assertThat(v).singleElement().satisfies((x) -> assertThat(x).isEqualByComparingTo("98000")))
			.path("targets[?(@.indicator == 'FOREIGN_CAPITAL')].unitLabel")
			.entityList(String.class)
			.containsExactly("万美元")
			.path("targets[?(@.indicator == 'DOMESTIC_CAPITAL')].guaranteed")
			.entityList(BigDecimal.class)
			.satisfies((v) -> assertThat(v).singleElement()
				.satisfies((x) -> assertThat(x).isEqualByComparingTo("1150000")))
			.path("targets[*].indicator")
			.entityList(String.class)
			.satisfies((all) -> assertThat(new HashSet<>(all)).hasSameSizeAs(all).hasSize(22));
	}

	@Test
	void districtsComeInThePlansOrderUnderThePlansNames() {
		this.graphQl.documentName("districtKinds")
			.execute()
			.path("districts[*].name")
			.entityList(String.class)
			.containsExactly("绍兴县", "诸暨市", "上虞市", "嵊州市", "新昌县", "越城区", "绍兴高新技术开发区", "袍江经济技术开发区", "镜湖新区", "滨海新城", "市直")
			.path("districts[10].kind")
			.entity(String.class)
			.isEqualTo("CITY_DIRECT")
			.path("districts[7].kind")
			.entity(String.class)
			.isEqualTo("DEVELOPMENT_ZONE");
	}

	@Test
	void nineteenMeasuresNameTheirLeadAndCoDepartments() {
		this.graphQl.documentName("measures")
			.variable("year", 2012)
			.execute()
			.path("measures")
			.entityList(Object.class)
			.hasSize(19)
			.path("measures[14].section")
			.entity(String.class)
			.isEqualTo("三(五)3")
			.path("measures[14].leadDepartments[*].name")
			.entityList(String.class)
			.containsExactly("市经信委", "人行绍兴市中心支行", "绍兴银监分局")
			.path("measures[14].leadMode")
			.entity(String.class)
			.isEqualTo("SEPARATE_LEADS")
			.path("measures[18].coDepartments[*].name")
			.entityList(String.class)
			.containsExactly("市发改委", "市经信委", "市农业局", "市商务局", "市统计局")
			.path("measures[6].quantitativeTargets[*].text")
			.entityList(String.class)
			.containsExactly("20只以上", "超过100亿元");
	}

	@Test
	void oneRequestAnswersTargetsProjectsAndWhomToCall() {
		this.graphQl.documentName("districtOverview")
			.variable("code", "ZHUJI")
			.execute()
			.path("district.name")
			.entity(String.class)
			.isEqualTo("诸暨市")
			.path("district.targets[?(@.indicator == 'INDUSTRIAL_INVESTMENT')].guaranteed")
			.entityList(BigDecimal.class)
			.satisfies((v) -> assertThat(v).singleElement().satisfies((x) -> assertThat(x).isEqualByComparingTo("218")))
			.path("district.projects.totalCount")
			.entity(Integer.class)
			.isEqualTo(8)
			.path("district.projects.nodes[*].totalInvestment")
			.entityList(BigDecimal.class)
			.satisfies((all) -> assertThat(all).allSatisfy((t) -> assertThat(t).isGreaterThanOrEqualTo(BigDecimal.TEN)))
			.path("district.projects.nodes[*].liaison.cityLeader.mobile")
			.entityList(String.class)
			.satisfies((all) -> assertThat(all).hasSize(8).allSatisfy((m) -> assertThat(m).matches("1\\d{10}")))
			.path("district.projects.nodes[*].liaison.cadre.officePhone")
			.entityList(String.class)
			.satisfies((all) -> assertThat(all).hasSize(8).allSatisfy((m) -> assertThat(m).startsWith("0575-")));
	}

	@Test
	void demoIndustrialProjectsFollowAttachmentOnesCumulativeColumns() {
		Map<String, Integer> over5 = groupCounts("INDUSTRIAL", "5");
		Map<String, Integer> over10 = groupCounts("INDUSTRIAL", "10");
		Map<String, Integer> over20 = groupCounts("INDUSTRIAL", "20");
		Map<String, Integer> over50 = groupCounts("INDUSTRIAL", "50");
		assertThat(over5).isEqualTo(targetCounts("INDUSTRIAL_PROJECTS_OVER_500M"));
		assertThat(over10).isEqualTo(targetCounts("INDUSTRIAL_PROJECTS_OVER_1B"));
		assertThat(over20).isEqualTo(targetCounts("INDUSTRIAL_PROJECTS_OVER_2B"));
		assertThat(over50.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
		assertThat(over5.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
	}

	@Test
	void demoServiceAndAgriculturalProjectsAddUpToAttachmentsTwoAndThree() {
		for (String[] c : new String[][] { { "SERVICE", "SERVICE_PROJECTS", "SERVICE_INVESTMENT" },
				{ "AGRICULTURAL", "AGRICULTURAL_PROJECTS", "AGRICULTURAL_INVESTMENT" } }) {
			List<Map<String, Object>> groups = groups(c[0], null);
			Map<String, Integer> counts = new TreeMap<>();
			Map<String, BigDecimal> sums = new TreeMap<>();
			for (Map<String, Object> g : groups) {
				counts.put((String) g.get("key"), ((Number) g.get("count")).intValue());
				sums.put((String) g.get("key"),
						new BigDecimal(g.get("plannedInvestment").toString()).stripTrailingZeros());
			}
			assertThat(counts).as(c[1]).isEqualTo(targetCounts(c[1]));
			Map<String, BigDecimal> expected = new TreeMap<>();
			targetValues(c[2]).forEach((k, v) -> expected.put(k, v.stripTrailingZeros()));
			assertThat(sums).as(c[2]).isEqualTo(expected);
		}
	}

	@Test
	void nameContainsTakesRegexCharactersLiterally() {
		this.graphQl.documentName("projectCount")
			.variable("filter", Map.of("nameContains", ".*"))
			.execute()
			.path("projects.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		this.graphQl.documentName("projectCount")
			.variable("filter", Map.of("nameContains", "(演示)"))
			.execute()
			.path("projects.totalCount")
			.entity(Integer.class)
			.isEqualTo(339);
	}

	@Test
	void minimumTotalInvestmentIncludesItsBound() {
		List<BigDecimal> totals = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = this.graphQl.documentName("projectTotals")
				.variable("filter", Map.of("minTotalInvestment", "5"))
				.variable("after", after)
				.execute()
				.path("projects")
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> nodes = (List<Map<String, Object>>) page.get("nodes");
			nodes.forEach((n) -> totals.add(new BigDecimal(n.get("totalInvestment").toString())));
			@SuppressWarnings("unchecked")
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
		}
		while (after != null);
		assertThat(totals).allSatisfy((t) -> assertThat(t).isGreaterThanOrEqualTo(new BigDecimal("5")));
		assertThat(totals).anySatisfy((t) -> assertThat(t).isEqualByComparingTo("5"));
	}

	@Test
	void pagesWalkEveryProjectOnceInOrder() {
		Set<String> seen = new HashSet<>();
		List<String> order = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Map<String, Object> page = this.graphQl.documentName("projectCodes")
				.variable("after", after)
				.execute()
				.path("projects")
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
			for (Map<String, Object> edge : edges) {
				@SuppressWarnings("unchecked")
				String code = (String) ((Map<String, Object>) edge.get("node")).get("code");
				assertThat(seen.add(code)).as("repeated " + code).isTrue();
				order.add(code);
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
			pages++;
		}
		while (after != null);
		assertThat(seen).hasSize(339);
		assertThat(pages).isEqualTo(4);
		assertThat(order).isSortedAccordingTo(String::compareTo);
	}

	@Test
	void nearFindsProjectsWithinTheRadiusOnly() {
		Map<String, Object> near = Map.of("latitude", 29.71, "longitude", 120.24, "radiusKm", 5);
		List<Map<String, Object>> locations = this.graphQl.documentName("projectsNear")
			.variable("filter", Map.of("near", near))
			.execute()
			.path("projects.nodes[*].location")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(locations).isNotEmpty()
			.allSatisfy((l) -> assertThat(haversine(29.71, 120.24, ((Number) l.get("latitude")).doubleValue(),
					((Number) l.get("longitude")).doubleValue()))
				.isLessThanOrEqualTo(5.0));
		this.graphQl.documentName("projectCount")
			.variable("filter", Map.of("near", Map.of("latitude", 29.71, "longitude", 120.24, "radiusKm", 0.001)))
			.execute()
			.path("projects.totalCount")
			.entity(Integer.class)
			.satisfies((n) -> assertThat(n).isLessThan(locations.size()));
	}

	@Test
	void unknownIdsGiveNull() {
		this.graphQl.documentName("unknownProjectAndDistrict")
			.variable("id", gov.shaoxing.investment.common.GlobalId.encode("Project", "NOPE-1"))
			.execute()
			.path("project")
			.valueIsNull()
			.path("district")
			.valueIsNull();
	}

	@Test
	void nodeResolvesAnyGlobalId() {
		String id = this.graphQl.documentName("firstProject")
			.execute()
			.path("projects.nodes[0].id")
			.entity(String.class)
			.get();
		this.graphQl.documentName("projectNode")
			.variable("id", id)
			.execute()
			.path("node.id")
			.entity(String.class)
			.isEqualTo(id)
			.path("node.district.name")
			.hasValue();
	}

	@Test
	void invalidArgumentsAreBadRequestsWithStableCodes() {
		expectError("{ projects(first: 101) { totalCount } }", "PAGE_SIZE_OUT_OF_RANGE");
		expectError("{ projects(after: \"not-a-cursor\") { totalCount } }", "INVALID_CURSOR");
		expectError("{ projects(filter: { near: { latitude: 30, longitude: 120.5, radiusKm: -1 } }) { totalCount } }",
				"INVALID_RADIUS");
		expectError("{ projects(filter: { nationalCode: \"12345\" }) { totalCount } }", "INVALID_PROJECT_CODE");
		expectError("{ projectByNationalCode(nationalCode: \"2012-33-1\") { name } }", "INVALID_PROJECT_CODE");
		expectError("{ project(id: \"%%%\") { name } }", "INVALID_ID");
		expectError("{ projects(filter: { minTotalInvestment: 10, maxTotalInvestment: 5 }) { totalCount } }",
				"INVALID_RANGE");
	}

	@Test
	void healthAndDriverCommandMetricsArePublished() {
		WebTestClient actuator = this.http;
		this.graphQl.documentName("districtNames").execute().path("districts").entityList(Object.class).hasSize(11);
		actuator.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		String admin = "Bearer " + TestSecurity.adminToken(this.tokenIssuer);
		actuator.get()
			.uri("/actuator/metrics/mongodb.driver.commands")
			.header("Authorization", admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.value((Number v) -> assertThat(v.doubleValue()).isPositive());
	}

	/**
	 * Anonymous callers learn whether the service is up and nothing else: no components,
	 * no paths, no metrics (which name the store's address).
	 */
	@Test
	void healthDetailsAndMetricsAreForAdminsOnly() {
		WebTestClient actuator = this.http;
		byte[] health = actuator.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(health, StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"UP\"}");
		for (String token : List.of("", "Bearer " + TestSecurity.token(this.tokenIssuer, Role.ANALYST, null))) {
			WebTestClient.RequestHeadersSpec<?> metrics = actuator.get().uri("/actuator/metrics");
			if (!token.isEmpty()) {
				metrics = metrics.header("Authorization", token);
			}
			metrics.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).isIn(401, 403))
				.expectBody(String.class)
				.value((body) -> assertThat(body).doesNotContain("mongodb").doesNotContain("jvm"));
		}
		actuator.get()
			.uri("/actuator/health")
			.header("Authorization", "Bearer " + TestSecurity.adminToken(this.tokenIssuer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components")
			.exists();
	}

	void expectError(String document, String code) {
		this.graphQl.document(document)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getExtensions()).containsEntry("code", code);
				assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("at gov.");
			}));
	}

	private int expect(List<Map<String, Object>> targets, String district, String indicator, String value,
			String figure) {
		Map<String, Object> target = targets.stream()
			.filter((t) -> indicator.equals(t.get("indicator")))
			.filter((t) -> district == null ? t.get("district") == null
					: t.get("district") != null && district.equals(((Map<?, ?>) t.get("district")).get("code")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("missing target " + district + " " + indicator));
		Object actual = target.get(value);
		assertThat(actual).as(district + " " + indicator + " " + value).isNotNull();
		assertThat(new BigDecimal(actual.toString())).as(district + " " + indicator + " " + value)
			.isEqualByComparingTo(figure);
		return 1;
	}

	private List<Map<String, Object>> groups(String category, String min) {
		Map<String, Object> filter = new HashMap<>();
		filter.put("categories", List.of(category));
		if (min != null) {
			filter.put("minTotalInvestment", min);
			filter.put("statuses", List.of("UNDER_CONSTRUCTION"));
		}
		return this.graphQl.documentName("projectGroups")
			.variable("filter", filter)
			.execute()
			.path("projects.aggregate.groups")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private Map<String, Integer> groupCounts(String category, String min) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Map<String, Object> g : groups(category, min)) {
			counts.put((String) g.get("key"), ((Number) g.get("count")).intValue());
		}
		return counts;
	}

	private Map<String, BigDecimal> targetValues(String indicator) {
		List<Map<String, Object>> targets = this.graphQl.documentName("districtTargets")
			.variable("i", indicator)
			.execute()
			.path("targets")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		Map<String, BigDecimal> values = new TreeMap<>();
		for (Map<String, Object> t : targets) {
			BigDecimal v = new BigDecimal(t.get("guaranteed").toString());
			if (v.signum() > 0) {
				values.put((String) ((Map<?, ?>) t.get("district")).get("code"), v);
			}
		}
		return values;
	}

	private Map<String, Integer> targetCounts(String indicator) {
		Map<String, Integer> counts = new TreeMap<>();
		targetValues(indicator).forEach((k, v) -> counts.put(k, v.intValueExact()));
		return counts;
	}

	static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
	}

}
