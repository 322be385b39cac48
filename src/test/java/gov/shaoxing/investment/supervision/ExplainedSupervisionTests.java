package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.liaison.EscalationService;
import gov.shaoxing.investment.notice.NoticeDraft;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.notice.NoticeSource;
import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.official.OfficialService;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectCategory;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.project.ProjectStatus;
import gov.shaoxing.investment.rules.RankingProperties;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crafted case with known numbers: two service projects in 新昌 with a liaison of their
 * own (a test city leader and cadre), 0.2亿元 planned each month and 10亿元 total investment,
 * reported half-month by half-month. Every earned-value figure, the divergence flag, a
 * light's explanation, a second rule version, the escalation after two red half-months,
 * the scorecard, whoToCall and a published bulletin are checked against figures worked
 * out here by hand or from independent queries. The methods run in order: the last one
 * corrects a report.
 */
@SupervisionContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(TestSecurity.SignedInAsAdmin.class)
class ExplainedSupervisionTests {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final String LEADER = "OFF-TEST-LEADER";

	static final String CADRE = "OFF-TEST-CADRE";

	static final String EV1 = "TEST-EV-1";

	static final String EV2 = "TEST-EV-2";

	/**
	 * TEST-EV-1, half-months 1–11 (January to the first half of June): investment 亿元,
	 * physical progress %. Cumulative investment ÷ plan (0.1 per half-month): 1.0, 1.0,
	 * 0.7, 0.55, 0.46 (red), 0.40 (red), 1.06, 1.05, 1.04, 1.04, 1.04.
	 */
	static final String[][] EV1_REPORTS = { { "0.1", "10" }, { "0.1", "12" }, { "0.01", "13" }, { "0.01", "14" },
			{ "0.01", "15" }, { "0.01", "16" }, { "0.5", "20" }, { "0.1", "21" }, { "0.1", "22" }, { "0.1", "23" },
			{ "0.1", "25" } };

	@Autowired
	ExecutionGraphQlServiceTester graphQl;

	@Autowired
	ProjectService projects;

	@Autowired
	OfficialService officials;

	@Autowired
	EscalationService escalations;

	@Autowired
	SupervisionContext.MovableClock clock;

	@Autowired
	NoticeService notices;

	@Autowired
	TokenIssuer tokenIssuer;

	@LocalServerPort
	int port;

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@BeforeAll
	void craft() {
		this.officials.saveAll(List.of(
				new Official(LEADER, "测试市领导", "副市长", "SZF", "0575-80000001", "13800000001", "leader@demo.invalid", true,
						true),
				new Official(CADRE, "测试联络员", "处长", "JXW", "0575-80000002", "13800000002", "cadre@demo.invalid", false,
						true)));
		this.projects.saveAll(List.of(project(EV1), project(EV2)));
		TestSecurity.signInAsAdmin();
		for (int i = 0; i < EV1_REPORTS.length; i++) {
			submit(EV1, i + 1, EV1_REPORTS[i][0], EV1_REPORTS[i][1], "crafted-ev1-p" + (i + 1));
		}
		// TEST-EV-2 spends as it progresses (EV = AC), then stops reporting
		submit(EV2, 1, "1.14", "11.4", "crafted-ev2-p1");
		TestSecurity.signOut();
	}

	private static Project project(String code) {
		return new Project(code, ProjectCategory.SERVICE, "测试服务业项目" + code + "(演示)", "XINCHANG", "FGW", List.of(),
				"测试有限公司", new BigDecimal("10"), new BigDecimal("2.4"), false, false, ProjectStatus.UNDER_CONSTRUCTION,
				LocalDate.of(2011, 6, 1), LocalDate.of(2014, 12, 31),
				new Project.Location(29.50, 120.90, "新昌县测试路1号(演示地址)"), null, new Project.Liaison(LEADER, "JXW", CADRE),
				2012, true);
	}

	private void submit(String code, int index, String investment, String percent, String key) {
		this.graphQl.documentName("submitReport")
			.variable("input", Map.of("projectId", GlobalId.encode("Project", code), "period",
					Map.of("year", 2012, "month", (index + 1) / 2, "half", index % 2 == 1 ? 1 : 2),
					"investmentCompleted", investment, "physicalProgressPercent", percent, "idempotencyKey", key))
			.execute()
			.path("submitProgressReport.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private Map<String, Object> earnedValue(String code, String asOf) {
		return this.graphQl.documentName("earnedValue")
			.variable("id", GlobalId.encode("Project", code))
			.variable("asOf", asOf)
			.execute()
			.path("node")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> sub(Map<String, Object> map, String key) {
		return (Map<String, Object>) map.get(key);
	}

	private static BigDecimal dec(Object value) {
		return value == null ? null : new BigDecimal(value.toString());
	}

	private static void assertDecimal(Map<String, Object> map, String key, String expected) {
		assertThat(dec(map.get(key))).as(key).isEqualByComparingTo(expected);
	}

	@Test
	@Order(1)
	void everyEarnedValueFigureOfTheCraftedProject() {
		Map<String, Object> ev = sub(earnedValue(EV1, "2012-06-15"), "earnedValue");
		// PV = 5 months × 0.2 + 15/30 × 0.2; AC = the eleven reports; EV = (25% − 0%) ×
		// 10
		assertDecimal(ev, "plannedValue", "1.1");
		assertDecimal(ev, "actualCost", "1.14");
		assertDecimal(ev, "earnedValue", "2.5");
		assertDecimal(ev, "scheduleVariance", "1.4");
		assertDecimal(ev, "costVariance", "1.36");
		assertDecimal(ev, "spi", "2.2727");
		assertDecimal(ev, "cpi", "2.1930");
		assertDecimal(ev, "estimateAtCompletion", "4.56");
		assertDecimal(ev, "physicalProgressAtYearStart", "0");
		assertDecimal(ev, "physicalProgress", "25");
		assertDecimal(ev, "basesDivergence", "0.544");
		assertDecimal(ev, "divergenceThreshold", "0.25");
		assertThat(ev).containsEntry("flags", List.of("PROGRESS_BASES_DIVERGE")).containsEntry("ruleVersion", 1);
		// the same day in the middle of a month: PV counts 10 of June's 30 days
		assertDecimal(sub(earnedValue(EV1, "2012-06-10"), "earnedValue"), "plannedValue", "1.0667");

		Map<String, Object> agreeing = sub(earnedValue(EV2, "2012-06-15"), "earnedValue");
		assertDecimal(agreeing, "earnedValue", "1.14");
		assertDecimal(agreeing, "actualCost", "1.14");
		assertDecimal(agreeing, "basesDivergence", "0");
		assertThat(agreeing).containsEntry("flags", List.of()).containsEntry("divergingProjects", 0);
	}

	@Test
	@Order(2)
	@SuppressWarnings("unchecked")
	void rollUpsAddTheirProjectsAndApplyTheFormulasToTheSums() {
		Map<String, Object> data = this.graphQl.documentName("earnedValueRollUps")
			.variable("official", GlobalId.encode("Official", LEADER))
			.execute()
			.path("")
			.entity(MAP)
			.get();
		Map<String, Object> leader = sub(sub(data, "official"), "earnedValue");
		assertThat(leader).containsEntry("projects", 2).containsEntry("divergingProjects", 1);
		assertDecimal(leader, "plannedValue", "2.2");
		assertDecimal(leader, "earnedValue", "3.64");
		assertDecimal(leader, "actualCost", "2.28");
		// SPI and CPI of the sums, not means of the projects' ratios
		assertDecimal(leader, "spi", "1.6545");
		assertDecimal(leader, "cpi", "1.5965");
		assertThat(leader.get("flags")).isEqualTo(List.of("PROGRESS_BASES_DIVERGE"));
		Map<String, Object> district = sub(data, "district");
		List<Map<String, Object>> nodes = (List<Map<String, Object>>) sub(district, "projects").get("nodes");
		BigDecimal pv = BigDecimal.ZERO;
		BigDecimal ac = BigDecimal.ZERO;
		int count = 0;
		for (Map<String, Object> p : nodes) {
			if (((Number) p.get("year")).intValue() == 2012) {
				pv = pv.add(dec(sub(p, "earnedValue").get("plannedValue")));
				ac = ac.add(dec(sub(p, "earnedValue").get("actualCost")));
				count++;
			}
		}
		Map<String, Object> rollUp = sub(district, "earnedValue");
		assertThat(rollUp).containsEntry("projects", count);
		assertThat(dec(rollUp.get("plannedValue"))).isEqualByComparingTo(pv);
		assertThat(dec(rollUp.get("actualCost"))).isEqualByComparingTo(ac);
		assertThat(((Number) sub(sub(data, "department"), "earnedValue").get("projects")).intValue())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	@Order(3)
	@SuppressWarnings("unchecked")
	void aLightExplainsItsRuleVersionFiguresAndThresholds() {
		Map<String, Object> progress = sub(earnedValue(EV1, null), "progress");
		assertThat(progress).containsEntry("light", "GREEN");
		Map<String, Object> explain = sub(progress, "explain");
		assertThat(explain).containsEntry("ruleVersion", 1);
		Map<String, BigDecimal> inputs = named((List<Map<String, Object>>) explain.get("inputs"));
		// on 20 June: 11 half-months ended, 1.1 planned, 1.14 reported, last period ended
		// 15 June
		assertThat(inputs.get("plannedToDate")).isEqualByComparingTo("1.1");
		assertThat(inputs.get("investmentReported")).isEqualByComparingTo("1.14");
		assertThat(inputs.get("investmentRatio")).isEqualByComparingTo("1.0364");
		assertThat(inputs.get("daysWithoutReport")).isEqualByComparingTo("5");
		assertThat(inputs.get("overdueMilestones")).isEqualByComparingTo("0");
		Map<String, BigDecimal> thresholds = named((List<Map<String, Object>>) explain.get("thresholds"));
		assertThat(thresholds.get("yellowBelow")).isEqualByComparingTo("0.8");
		assertThat(thresholds.get("redBelow")).isEqualByComparingTo("0.5");
		assertThat(thresholds.get("redAfterDaysWithoutReport")).isEqualByComparingTo("45");
		assertThat((String) explain.get("reason")).contains("GREEN")
			.contains("investment ratio 1.0364 ≥ yellowBelow 0.8");

		Map<String, Object> red = sub(earnedValue(EV2, null), "progress");
		assertThat(red).containsEntry("light", "RED");
		assertThat((String) sub(red, "explain").get("reason"))
			.contains("157 days without a report > " + "redAfterDaysWithoutReport 45");
	}

	private static Map<String, BigDecimal> named(List<Map<String, Object>> values) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		values.forEach((v) -> map.put((String) v.get("name"), dec(v.get("value"))));
		return map;
	}

	private Map<String, Object> rulesInput(int basedOn, String effectiveFrom, String yellowBelow, String redBelow,
			String industrialWeight, String weightTotal) {
		List<Map<String, Object>> weights = new ArrayList<>();
		RankingProperties.defaults()
			.forEach((indicator, weight) -> weights.add(Map.of("indicator", indicator.name(), "weight",
					indicator.name().equals("INDUSTRIAL_INVESTMENT") ? industrialWeight : weight.toPlainString())));
		Map<String, Object> input = new HashMap<>();
		input.put("basedOnVersion", basedOn);
		input.put("effectiveFrom", effectiveFrom);
		input.put("light", Map.of("yellowBelow", yellowBelow, "redBelow", redBelow, "yellowAfterDaysWithoutReport", 20,
				"redAfterDaysWithoutReport", 45, "redOverdueMilestones", 2));
		input.put("ranking", Map.of("weights", weights, "weightTotal", weightTotal, "cap", "1.2"));
		input.put("earnedValue", Map.of("divergenceThreshold", "0.25"));
		input.put("escalation", Map.of("redPeriods", 2));
		input.put("note", "第三季度起收紧序时进度要求(测试)");
		return input;
	}

	private List<String> publishErrors(Map<String, Object> input) {
		return this.graphQl.documentName("publishSupervisionRules")
			.variable("i", input)
			.execute()
			.path("publishSupervisionRules.errors[*].code")
			.entityList(String.class)
			.get();
	}

	@Test
	@Order(4)
	@SuppressWarnings("unchecked")
	void aSecondRuleVersionRecomputesTheBulletinForComparison() {
		assertThat(publishErrors(rulesInput(1, "2012-07-01", "0.5", "0.8", "40", "126")))
			.containsExactly("THRESHOLDS_OUT_OF_ORDER");
		assertThat(publishErrors(rulesInput(1, "2012-07-01", "1.1", "1.05", "40", "106")))
			.containsExactly("WEIGHTS_SUM");
		assertThat(publishErrors(rulesInput(1, "2011-12-01", "1.1", "1.05", "40", "126")))
			.containsExactly("EFFECTIVE_DATE_BEFORE_LAST");
		assertThat(publishErrors(rulesInput(1, "2012-06-01", "1.1", "1.05", "40", "126")))
			.containsExactly("EFFECTIVE_DATE_IN_PAST");
		assertThat(publishErrors(rulesInput(5, "2012-07-01", "1.1", "1.05", "40", "126")))
			.containsExactly("RULES_VERSION_CONFLICT");
		Map<String, Object> v2 = rulesInput(1, "2012-07-01", "1.1", "1.05", "40", "126");
		assertThat(publishErrors(v2)).isEmpty();
		// a retry of the same publication is the same version
		assertThat(publishErrors(v2)).isEmpty();
		this.graphQl.documentName("supervisionRulesInForce")
			.execute()
			.path("supervisionRuleVersions[*].version")
			.entityList(Integer.class)
			.containsExactly(1, 2)
			.path("june.version")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("july.version")
			.entity(Integer.class)
			.isEqualTo(2);

		Map<String, Object> v1May = bulletin(Map.of());
		Map<String, Object> v2May = bulletin(Map.of("ruleVersion", 2));
		assertThat(v1May).containsEntry("ruleVersion", 1);
		assertThat(v2May).containsEntry("ruleVersion", 2);
		// on 31 May TEST-EV-1 is at 1.04 of its plan: GREEN under version 1, RED below
		// 1.05 under version 2
		assertThat(redCodes(v1May)).doesNotContain(EV1);
		Map<String, Object> red = ((List<Map<String, Object>>) v2May.get("redProjects")).stream()
			.filter((r) -> EV1.equals(sub(r, "project").get("code")))
			.findFirst()
			.orElseThrow();
		assertThat(sub(red, "explain")).containsEntry("ruleVersion", 2);
		assertThat((String) sub(red, "explain").get("reason")).contains("investment ratio 1.04 < redBelow 1.05");
		// every district's score follows version 2's weights (industrial investment 40)
		Map<String, BigDecimal> v2Weights = new HashMap<>();
		RankingProperties.defaults().forEach((k, w) -> v2Weights.put(k.name(), w));
		v2Weights.put("INDUSTRIAL_INVESTMENT", new BigDecimal("40"));
		for (Map<String, Object> d : (List<Map<String, Object>>) v2May.get("districts")) {
			assertThat(dec(d.get("score")))
				.isEqualByComparingTo(expectedScore((List<Map<String, Object>>) d.get("indicators"), v2Weights));
			assertThat(sub(d, "explain")).containsEntry("ruleVersion", 2);
		}
	}

	private static BigDecimal expectedScore(List<Map<String, Object>> indicators, Map<String, BigDecimal> weights) {
		BigDecimal weighted = BigDecimal.ZERO;
		BigDecimal total = BigDecimal.ZERO;
		for (Map<String, Object> i : indicators) {
			BigDecimal rate = dec(i.get("completionRate"));
			BigDecimal w = weights.getOrDefault((String) i.get("indicator"), BigDecimal.ZERO);
			if (rate != null && w.signum() > 0) {
				weighted = weighted.add(w.multiply(rate.min(new BigDecimal("1.2"))));
				total = total.add(w);
			}
		}
		return total.signum() == 0 ? BigDecimal.ZERO
				: weighted.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_UP);
	}

	@SuppressWarnings("unchecked")
	private static List<String> redCodes(Map<String, Object> bulletin) {
		return ((List<Map<String, Object>>) bulletin.get("redProjects")).stream()
			.map((r) -> (String) sub(r, "project").get("code"))
			.toList();
	}

	private Map<String, Object> bulletin(Map<String, Object> variables) {
		var request = this.graphQl.documentName("bulletinExplained").variable("year", 2012).variable("month", 5);
		for (Map.Entry<String, Object> v : variables.entrySet()) {
			request = request.variable(v.getKey(), v.getValue());
		}
		return request.execute().path("bulletin").entity(MAP).get();
	}

	@Test
	@Order(5)
	@SuppressWarnings("unchecked")
	void twoRedHalfMonthsEscalateToTheCityLeaderOncePerRun() {
		String id = "ESC-" + EV1 + "-2012-03-1";
		WebSocketGraphQlTester subscriber = WebSocketGraphQlTester
			.builder("ws://localhost:" + this.port + "/graphql", new StandardWebSocketClient())
			.interceptor(TestSecurity.webSocketToken(TestSecurity.adminToken(this.tokenIssuer)))
			.build();
		List<String> heard = new CopyOnWriteArrayList<>();
		@SuppressWarnings("rawtypes")
		Flux<Map> feed = subscriber.documentName("szfNoticeChanged")
			.executeSubscription()
			.toFlux("noticeChanged", Map.class);
		var subscription = feed
			.subscribe((n) -> heard.add(GlobalId.keyOf((String) n.get("id"), "Notice") + " " + n.get("source")));
		try {
			// the subscription is live once it hears a notice raised after it
			for (int i = 0; i < 150 && heard.stream().noneMatch((h) -> h.startsWith("PROBE-")); i++) {
				this.notices.raise(new NoticeDraft("PROBE-" + i, EV1, "XINCHANG", "SZF", NoticeSource.INSPECTION, null,
						"subscription probe", LocalDate.of(2012, 7, 1), "test"));
				sleep(200);
			}
			// checked twice, as two sweeps (or two instances) would
			for (int round = 0; round < 2; round++) {
				this.escalations.check(this.projects.byCode(EV1));
				this.escalations.check(this.projects.byCode(EV2));
			}
			for (int i = 0; i < 300 && !heard.contains(id + " ESCALATION"); i++) {
				sleep(200);
			}
			assertThat(heard).contains(id + " ESCALATION");
		}
		finally {
			subscription.dispose();
			subscriber.stop().block(Duration.ofSeconds(10));
		}
		Map<String, Object> found = this.graphQl.documentName("projectNotices")
			.variable("p", GlobalId.encode("Project", EV1))
			.execute()
			.path("notices")
			.entity(MAP)
			.get();
		List<Map<String, Object>> notices = (List<Map<String, Object>>) found.get("nodes");
		// one run of red half-months (March 1st and 2nd halves), one escalation, whatever
		// the sweeps
		assertThat(notices).filteredOn((n) -> "ESCALATION".equals(n.get("source"))).singleElement().satisfies((n) -> {
			assertThat(GlobalId.keyOf((String) n.get("id"), "Notice")).isEqualTo(id);
			assertThat(sub(n, "department")).containsEntry("code", "SZF");
			assertThat(sub(n, "escalatedTo")).containsEntry("id", GlobalId.encode("Official", LEADER));
			assertThat((String) n.get("text")).contains("2 consecutive half-months").contains("2012-03-1");
		});
	}

	@Test
	@Order(6)
	@SuppressWarnings("unchecked")
	void theScorecardMatchesCountsTakenFromTheProjectsThemselves() {
		Map<String, Object> card = this.graphQl.documentName("officialScorecard")
			.variable("o", GlobalId.encode("Official", LEADER))
			.execute()
			.path("node.scorecard")
			.entity(MAP)
			.get();
		// independently: the two projects' own lights, statuses, notices and earned value
		Map<String, Integer> lights = new HashMap<>();
		int started = 0;
		int open = 0;
		BigDecimal pv = BigDecimal.ZERO;
		BigDecimal ev = BigDecimal.ZERO;
		for (String code : List.of(EV1, EV2)) {
			Map<String, Object> p = this.graphQl.documentName("projectStanding")
				.variable("id", GlobalId.encode("Project", code))
				.execute()
				.path("")
				.entity(MAP)
				.get();
			lights.merge((String) sub(sub(p, "node"), "progress").get("light"), 1, Integer::sum);
			started += "UNDER_CONSTRUCTION".equals(sub(p, "node").get("status")) ? 1 : 0;
			open += ((Number) sub(p, "notices").get("totalCount")).intValue();
			pv = pv.add(dec(sub(sub(p, "node"), "earnedValue").get("plannedValue")));
			ev = ev.add(dec(sub(sub(p, "node"), "earnedValue").get("earnedValue")));
		}
		assertThat(card).containsEntry("role", "CITY_LEADER")
			.containsEntry("projects", 2)
			.containsEntry("onTrack", lights.getOrDefault("GREEN", 0))
			.containsEntry("behind", lights.getOrDefault("YELLOW", 0))
			.containsEntry("red", lights.getOrDefault("RED", 0))
			.containsEntry("started", started)
			.containsEntry("completed", 0)
			.containsEntry("openNotices", open)
			// TEST-EV-2 has been red since the first half of March: 7 half-months to 15
			// June
			.containsEntry("currentRedRun", 7)
			.containsEntry("longestRedRun", 7);
		assertThat(lights).containsEntry("GREEN", 1).containsEntry("RED", 1);
		assertDecimal(card, "startRate", "1");
		assertDecimal(card, "completionRate", "0");
		assertThat(dec(sub(card, "earnedValue").get("plannedValue"))).isEqualByComparingTo(pv);
		assertThat(dec(sub(card, "earnedValue").get("earnedValue"))).isEqualByComparingTo(ev);
	}

	@Test
	@Order(7)
	@SuppressWarnings("unchecked")
	void whoToCallRanksEveryLiaisonOfTheDistrictByUrgency() {
		Map<String, Object> data = this.graphQl.documentName("xinchangWhoToCall").execute().path("").entity(MAP).get();
		List<Map<String, Object>> calls = (List<Map<String, Object>>) data.get("whoToCall");
		// independently: every liaison named by the district's projects, with their
		// projects
		Map<String, Set<String>> expected = new HashMap<>();
		for (Map<String, Object> p : (List<Map<String, Object>>) sub(data, "projects").get("nodes")) {
			Map<String, Object> liaison = sub(p, "liaison");
			for (String side : List.of("cityLeader", "cadre")) {
				if (sub(liaison, side) != null) {
					expected.computeIfAbsent((String) sub(liaison, side).get("id"), (k) -> new TreeSet<>())
						.add((String) p.get("code"));
				}
			}
		}
		assertThat(calls).hasSize(expected.size());
		for (int i = 0; i < calls.size(); i++) {
			Map<String, Object> call = calls.get(i);
			assertThat(call).containsEntry("rank", i + 1);
			Set<String> codes = new TreeSet<>(((List<Map<String, Object>>) call.get("projects")).stream()
				.map((p) -> (String) p.get("code"))
				.toList());
			assertThat(codes).isEqualTo(expected.get((String) sub(call, "official").get("id")));
			if (i > 0) {
				Map<String, Object> before = calls.get(i - 1);
				int c = Integer.compare((Integer) before.get("currentRedRun"), (Integer) call.get("currentRedRun"));
				if (c == 0) {
					c = dec(before.get("lagBehindSchedule")).compareTo(dec(call.get("lagBehindSchedule")));
				}
				assertThat(c).as("order at rank " + (i + 1)).isGreaterThanOrEqualTo(0);
			}
		}
		Map<String, Object> leader = calls.stream()
			.filter((c) -> GlobalId.encode("Official", LEADER).equals(sub(c, "official").get("id")))
			.findFirst()
			.orElseThrow();
		assertThat(leader).containsEntry("role", "CITY_LEADER")
			.containsEntry("currentRedRun", 7)
			.containsEntry("redRunProjectCode", EV2);
		// both projects are at or above 序时进度 in money: no lag
		assertDecimal(leader, "lagBehindSchedule", "0");
		assertThat((List<String>) leader.get("reasons")).singleElement()
			.asString()
			.startsWith("RED_RUN: " + EV2 + " has been red for 7");
	}

	@Test
	@Order(8)
	@SuppressWarnings("unchecked")
	void progressAggregateGroupsTheCraftedReportsByCityLeaderAndQuarter() {
		List<Map<String, Object>> groups = this.graphQl.documentName("xinchangProgressByLeaderAndQuarter")
			.execute()
			.path("progressAggregate")
			.entityList(MAP)
			.get();
		List<Map<String, Object>> leader = groups.stream()
			.filter((g) -> ((List<String>) g.get("key")).get(0).equals(LEADER))
			.toList();
		assertThat(leader).extracting((g) -> ((List<String>) g.get("key")).get(1))
			.containsExactly("2012-Q1", "2012-Q2", "2012-Q3", "2012-Q4");
		for (int quarter = 1; quarter <= 4; quarter++) {
			// independently, from the reports sent in craft(): half-months 6q-5 to 6q
			BigDecimal investment = BigDecimal.ZERO;
			int reports = 0;
			Map<String, BigDecimal> latest = new LinkedHashMap<>();
			for (int i = 0; i < EV1_REPORTS.length; i++) {
				if ((i / 6) + 1 == quarter) {
					investment = investment.add(new BigDecimal(EV1_REPORTS[i][0]));
					reports++;
					latest.put(EV1, new BigDecimal(EV1_REPORTS[i][1]));
				}
			}
			if (quarter == 1) {
				investment = investment.add(new BigDecimal("1.14"));
				reports++;
				latest.put(EV2, new BigDecimal("11.4"));
			}
			Map<String, Object> group = leader.get(quarter - 1);
			assertThat(group).as("Q" + quarter)
				.containsEntry("projects", 2)
				.containsEntry("reports", reports)
				.containsEntry("reportingProjects", latest.size());
			assertDecimal(group, "investment", investment.toPlainString());
			// 0.2亿元 a month for each of the two projects
			assertDecimal(group, "planned", "1.2");
			if (latest.isEmpty()) {
				assertThat(group.get("averagePhysicalProgressPercent")).as("Q" + quarter).isNull();
			}
			else {
				assertDecimal(group, "averagePhysicalProgressPercent",
						latest.values()
							.stream()
							.reduce(BigDecimal.ZERO, BigDecimal::add)
							.divide(BigDecimal.valueOf(latest.size()), 2, RoundingMode.HALF_UP)
							.toPlainString());
			}
		}
		this.graphQl.documentName("progressByMonthAndQuarter")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")));
	}

	@Test
	@Order(9)
	@SuppressWarnings("unchecked")
	void aPublishedBulletinStaysAsPublishedAfterACorrection() {
		Map<String, Object> publication = this.graphQl.documentName("publishMayBulletin")
			.execute()
			.path("publishBulletin")
			.entity(MAP)
			.get();
		assertThat(sub(publication, "bulletin")).containsEntry("published", true).containsEntry("ruleVersion", 1);
		String publishedAt = (String) sub(publication, "bulletin").get("publishedAt");
		this.graphQl.documentName("publishJuneBulletin")
			.execute()
			.path("publishBulletin.errors[0].code")
			.entity(String.class)
			.isEqualTo("MONTH_NOT_ENDED");
		Map<String, Object> asPublished = bulletin(Map.of("asPublished", true));
		BigDecimal published = serviceInvestment(asPublished);

		this.clock.advance(Duration.ofHours(1));
		// the April 1st-half report of TEST-EV-1 is corrected from 0.5 to 0
		submit(EV1, 7, "0", "20", "crafted-ev1-p7-corrected");
		assertThat(bulletin(Map.of("asPublished", true))).isEqualTo(asPublished);
		// publishing again returns the first publication
		this.graphQl.documentName("republishMayBulletin")
			.execute()
			.path("publishBulletin.bulletin.publishedAt")
			.entity(String.class)
			.isEqualTo(publishedAt);
		assertThat(serviceInvestment(bulletin(Map.of())))
			.isEqualByComparingTo(published.subtract(new BigDecimal("0.5")));
		// as known when it was published, the recomputation gives the published figures
		// again
		Map<String, Object> asKnown = bulletin(Map.of("knownAt", publishedAt));
		assertThat(serviceInvestment(asKnown)).isEqualByComparingTo(published);
		assertThat(asKnown.get("districts").toString()).isEqualTo(asPublished.get("districts").toString());
		List<Map<String, Object>> changes = (List<Map<String, Object>>) (List<?>) this.graphQl
			.documentName("mayBulletinChanges")
			.execute()
			.path("bulletinChanges")
			.entityList(Object.class)
			.get();
		assertThat(changes).anySatisfy((c) -> {
			assertThat(c).containsEntry("kind", "INDICATOR_ACTUAL").containsEntry("indicator", "SERVICE_INVESTMENT");
			assertThat(sub(c, "district")).containsEntry("code", "XINCHANG");
			assertThat(dec(c.get("published"))).isEqualByComparingTo(published);
			assertThat(dec(c.get("current"))).isEqualByComparingTo(published.subtract(new BigDecimal("0.5")));
		});
		assertThat(changes).allSatisfy((c) -> assertThat(sub(c, "district")).containsEntry("code", "XINCHANG"));
	}

	@SuppressWarnings("unchecked")
	private static BigDecimal serviceInvestment(Map<String, Object> bulletin) {
		Map<String, Object> xinchang = ((List<Map<String, Object>>) bulletin.get("districts")).stream()
			.filter((d) -> "XINCHANG".equals(sub(d, "district").get("code")))
			.findFirst()
			.orElseThrow();
		return ((List<Map<String, Object>>) xinchang.get("indicators")).stream()
			.filter((i) -> "SERVICE_INVESTMENT".equals(i.get("indicator")))
			.map((i) -> dec(i.get("actual")))
			.findFirst()
			.orElseThrow();
	}

}
