package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.CommandCounter;
import gov.shaoxing.investment.InProcessTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.rules.RankingProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Target versus actual, the bulletin and the ranking, on data these tests submit
 * themselves (no demo activity).
 */
@InProcessTest
@ExtendWith(TestSecurity.SignedInAsAdmin.class)
class SupervisionTests {

	@Autowired
	ExecutionGraphQlServiceTester graphQl;

	@Autowired
	CommandCounter counter;

	private void report(String district, String indicator, int month, String value, String key) {
		this.graphQl.documentName("submitIndicatorReport")
			.variable("input",
					Map.of("year", 2012, "month", month, "districtCode", district, "indicator", indicator, "value",
							value, "idempotencyKey", key))
			.execute()
			.path("submitIndicatorReport.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private BigDecimal actual(String district, String indicator, String asOf) {
		return this.graphQl.documentName("targetActual")
			.variable("scope", (district == null) ? "CITY" : "DISTRICT")
			.variable("d", district)
			.variable("i", indicator)
			.variable("a", asOf)
			.execute()
			.path("targets[0]")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue() != null)
			.map((e) -> new BigDecimal(e.getValue().toString()))
			.findFirst()
			.orElse(null);
	}

	@Test
	void projectCountsComeFromTheProjects() {
		this.graphQl.documentName("cityBigProjectTarget")
			.execute()
			.path("targets[0].actual")
			.entity(BigDecimal.class)
			.satisfies((v) -> assertThat(v).isEqualByComparingTo("100"))
			.path("targets[0].completionRate")
			.entity(BigDecimal.class)
			.satisfies((v) -> assertThat(v).isEqualByComparingTo("1"));
	}

	@Test
	void economyWideActualsUseTheLatestReportOnOrBeforeTheDay() {
		report("ZHUJI", "FOREIGN_CAPITAL", 3, "5000", "fc-zhuji-3");
		report("ZHUJI", "FOREIGN_CAPITAL", 5, "9000", "fc-zhuji-5");
		report("SHANGYU", "FOREIGN_CAPITAL", 5, "1000", "fc-shangyu-5");
		assertThat(actual("ZHUJI", "FOREIGN_CAPITAL", "2012-02-29")).isNull();
		assertThat(actual("ZHUJI", "FOREIGN_CAPITAL", "2012-04-15")).isEqualByComparingTo("5000");
		assertThat(actual("ZHUJI", "FOREIGN_CAPITAL", "2012-05-31")).isEqualByComparingTo("9000");
		assertThat(actual(null, "FOREIGN_CAPITAL", "2012-05-31")).isEqualByComparingTo("10000");
	}

	@Test
	void cityPercentagesAreMeansWeightedByIndustrialInvestment() {
		report("XINCHANG", "INDUSTRIAL_INVESTMENT", 2, "100", "ii-xinchang-2");
		report("XINCHANG", "SEI_INVESTMENT_SHARE", 2, "40", "sei-xinchang-2");
		report("BINHAI", "INDUSTRIAL_INVESTMENT", 2, "300", "ii-binhai-2");
		report("BINHAI", "SEI_INVESTMENT_SHARE", 2, "20", "sei-binhai-2");
		assertThat(actual(null, "SEI_INVESTMENT_SHARE", "2012-02-29")).isEqualByComparingTo("25");
	}

	@Test
	void indicatorReportsAreValidatedAndIdempotent() {
		expectError(Map.of("year", 2012, "month", 3, "districtCode", "ZHUJI", "indicator", "SERVICE_INVESTMENT",
				"value", "1", "idempotencyKey", "bad-ind-1"), "INDICATOR_COMPUTED_FROM_PROJECTS");
		expectError(Map.of("year", 2012, "month", 3, "districtCode", "NOWHERE", "indicator", "FOREIGN_CAPITAL", "value",
				"1", "idempotencyKey", "bad-ind-2"), "UNKNOWN_DISTRICT");
		expectError(Map.of("year", 2012, "month", 7, "districtCode", "ZHUJI", "indicator", "FOREIGN_CAPITAL", "value",
				"1", "idempotencyKey", "bad-ind-3"), "PERIOD_IN_FUTURE");
		expectError(Map.of("year", 2012, "month", 3, "districtCode", "ZHUJI", "indicator", "FOREIGN_CAPITAL", "value",
				"-1", "idempotencyKey", "bad-ind-4"), "VALUE_OUT_OF_RANGE");
		expectError(Map.of("year", 2012, "month", 3, "districtCode", "ZHUJI", "indicator", "SEI_INVESTMENT_SHARE",
				"value", "120", "idempotencyKey", "bad-ind-5"), "VALUE_OUT_OF_RANGE");
		report("SHENGZHOU", "DOMESTIC_CAPITAL", 4, "12000", "dc-shengzhou-4");
		report("SHENGZHOU", "DOMESTIC_CAPITAL", 4, "12000", "dc-shengzhou-4");
		expectError(Map.of("year", 2012, "month", 4, "districtCode", "SHENGZHOU", "indicator", "DOMESTIC_CAPITAL",
				"value", "99999", "idempotencyKey", "dc-shengzhou-4"), "IDEMPOTENCY_KEY_REUSED");
		assertThat(actual("SHENGZHOU", "DOMESTIC_CAPITAL", "2012-04-30")).isEqualByComparingTo("12000");
	}

	@Test
	void theBulletinScoresRanksAndNamesRedProjectsInOneRequest() {
		report("ZHUJI", "FOREIGN_CAPITAL", 5, "98000", "fc-zhuji-big");
		Map<String, Object> bulletin = this.graphQl.documentName("bulletin")
			.variable("year", 2012)
			.variable("month", 5)
			.execute()
			.path("bulletin")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> districts = (List<Map<String, Object>>) bulletin.get("districts");
		assertThat(districts).hasSize(11);
		assertThat(districts).extracting((d) -> ((Number) d.get("rank")).intValue()).isSorted();
		for (Map<String, Object> d : districts) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> indicators = (List<Map<String, Object>>) d.get("indicators");
			assertThat(new BigDecimal(d.get("score").toString())).isEqualByComparingTo(expectedScore(indicators));
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> red = (List<Map<String, Object>>) bulletin.get("redProjects");
		// nothing was reported, so every under-construction project is behind and red
		assertThat(red).isNotEmpty().allSatisfy((r) -> assertThat((List<?>) r.get("reasons")).isNotEmpty());
	}

	@Test
	void theBulletinCostsTheSameRoundTripsWhateverTheNumberOfReports() {
		// warm the read models, then change something so the next bulletin is built
		// afresh
		this.graphQl.documentName("bulletin")
			.variable("year", 2012)
			.variable("month", 5)
			.execute()
			.path("bulletin.year")
			.hasValue();
		submitAgricultural(0);
		this.counter.reset();
		this.graphQl.documentName("bulletin")
			.variable("year", 2012)
			.variable("month", 5)
			.execute()
			.path("bulletin.districts")
			.entityList(Object.class)
			.hasSize(11);
		List<String> before = this.counter.commands().stream().filter((c) -> c.startsWith("find")).toList();
		for (int i = 1; i <= 30; i++) {
			submitAgricultural(i);
		}
		this.counter.reset();
		this.graphQl.documentName("bulletin")
			.variable("year", 2012)
			.variable("month", 5)
			.execute()
			.path("bulletin.districts")
			.entityList(Object.class)
			.hasSize(11);
		List<String> after = this.counter.commands().stream().filter((c) -> c.startsWith("find")).toList();
		assertThat(after).as("before: " + before + " after: " + after)
			.hasSameSizeAs(before)
			.hasSizeLessThanOrEqualTo(3);
	}

	private void submitAgricultural(int i) {
		this.graphQl.documentName("submitReport")
			.variable("input",
					Map.of("projectId", GlobalId.encode("Project", String.format("DEMO-AGR-%03d", i + 1)), "period",
							Map.of("year", 2012, "month", 4, "half", 1), "investmentCompleted", "0.01",
							"physicalProgressPercent", 10, "idempotencyKey", "roundtrip-" + i))
			.execute()
			.path("submitProgressReport.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void theRankingIsBestFirst() {
		this.graphQl.documentName("ranking")
			.execute()
			.path("ranking[*].rank")
			.entityList(Integer.class)
			.satisfies((ranks) -> assertThat(ranks).isSorted())
			.path("ranking")
			.entityList(Object.class)
			.hasSize(11);
	}

	private static BigDecimal expectedScore(List<Map<String, Object>> indicators) {
		Map<String, BigDecimal> weights = new HashMap<>();
		RankingProperties.defaults().forEach((k, v) -> weights.put(k.name(), v));
		BigDecimal weighted = BigDecimal.ZERO;
		BigDecimal total = BigDecimal.ZERO;
		for (Map<String, Object> i : indicators) {
			Object rate = i.get("completionRate");
			BigDecimal w = weights.getOrDefault((String) i.get("indicator"), BigDecimal.ZERO);
			if (rate != null && w.signum() > 0) {
				weighted = weighted.add(w.multiply(new BigDecimal(rate.toString()).min(new BigDecimal("1.2"))));
				total = total.add(w);
			}
		}
		return total.signum() == 0 ? BigDecimal.ZERO
				: weighted.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_UP);
	}

	private void expectError(Map<String, Object> input, String code) {
		this.graphQl.documentName("submitIndicatorReport")
			.variable("input", input)
			.execute()
			.path("submitIndicatorReport.report")
			.valueIsNull()
			.path("submitIndicatorReport.errors[*].code")
			.entityList(String.class)
			.contains(code);
	}

}
