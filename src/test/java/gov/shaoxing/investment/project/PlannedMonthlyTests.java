package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.InProcessTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's monthly curve (序时进度): set and checked through {@code updateProject}, and
 * read by the traffic light and by targets' planned share. Today is 20 June 2012, so 11
 * half-month periods have ended (January to May, and 1–15 June).
 */
@InProcessTest
@ExtendWith(TestSecurity.SignedInAsAdmin.class)
class PlannedMonthlyTests {

	/** A service project no other test in this context reports on. */
	private static final String CODE = "DEMO-SVC-120";

	@Autowired
	ExecutionGraphQlServiceTester graphQl;

	@Autowired
	ProjectService projects;

	Project before;

	@BeforeEach
	void keepRecord() {
		this.before = this.projects.byCode(CODE);
	}

	@AfterEach
	void restore() {
		this.projects.saveAll(List.of(this.before));
	}

	private GraphQlTester.Response update(Map<String, Object> fields) {
		Map<String, Object> input = new HashMap<>(fields);
		input.put("id", GlobalId.encode("Project", CODE));
		return this.graphQl.documentName("updatePlannedMonthly").variable("i", input).execute();
	}

	private static List<String> codes(GraphQlTester.Response response) {
		return response.path("updateProject.errors[*].code").entityList(String.class).get();
	}

	private List<BigDecimal> curve(GraphQlTester.Response response) {
		return response.path("updateProject.project.plannedMonthly").entityList(BigDecimal.class).get();
	}

	/** All of {@code planned} in the given months (1-based), spread evenly over them. */
	private static List<String> only(BigDecimal planned, int fromMonth, int toMonth) {
		List<String> values = new ArrayList<>(Collections.nCopies(12, "0"));
		int n = toMonth - fromMonth + 1;
		BigDecimal each = planned.divide(BigDecimal.valueOf(n), 4, RoundingMode.DOWN);
		for (int m = fromMonth; m <= toMonth; m++) {
			values.set(m - 1, each.toPlainString());
		}
		values.set(toMonth - 1, planned.subtract(each.multiply(BigDecimal.valueOf(n - 1))).toPlainString());
		return values;
	}

	@Test
	void withoutACurveTheProjectShowsTheEvenSpread() {
		GraphQlTester.Response response = this.graphQl.documentName("projectPlan").variable("c", CODE).execute();
		List<BigDecimal> months = response.path("projectByCode.plannedMonthly").entityList(BigDecimal.class).get();
		assertThat(months).hasSize(12);
		assertThat(months.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(this.before.plannedInvestment());
		response.path("projectByCode.plannedMonthlyEven").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void aCurveIsSetCheckedAndClearedThroughUpdateProject() {
		BigDecimal planned = this.before.plannedInvestment();
		List<String> front = only(planned, 1, 3);
		GraphQlTester.Response set = update(Map.of("plannedMonthly", front));
		assertThat(codes(set)).isEmpty();
		assertThat(curve(set)).extracting(BigDecimal::toPlainString)
			// decimals are printed plain without trailing zeros (README, Formats)
			.containsExactlyElementsOf(
					front.stream().map((v) -> new BigDecimal(v).stripTrailingZeros().toPlainString()).toList());
		set.path("updateProject.project.plannedMonthlyEven").entity(Boolean.class).isEqualTo(false);

		assertThat(codes(update(Map.of("plannedMonthly", front.subList(0, 11)))))
			.containsExactly("PLANNED_MONTHLY_LENGTH");
		List<String> wrongSum = new ArrayList<>(front);
		wrongSum.set(11, "0.0001");
		assertThat(codes(update(Map.of("plannedMonthly", wrongSum)))).containsExactly("PLANNED_MONTHLY_SUM");
		// the stored curve no longer adds up to a new planned figure given alone
		assertThat(codes(update(Map.of("plannedInvestment", planned.add(BigDecimal.ONE).toPlainString()))))
			.containsExactly("PLANNED_MONTHLY_SUM");
		assertThat(this.projects.byCode(CODE).plannedInvestment()).isEqualByComparingTo(planned);

		GraphQlTester.Response both = update(Map.of("plannedInvestment", planned.add(BigDecimal.ONE).toPlainString(),
				"plannedMonthly", only(planned.add(BigDecimal.ONE), 1, 3)));
		assertThat(codes(both)).isEmpty();
		GraphQlTester.Response cleared = update(Map.of("plannedMonthly", List.of()));
		assertThat(codes(cleared)).isEmpty();
		cleared.path("updateProject.project.plannedMonthlyEven").entity(Boolean.class).isEqualTo(true);
		// compared by value: decimals are printed without trailing zeros (README,
		// Formats)
		assertThat(curve(cleared)).usingElementComparator(BigDecimal::compareTo)
			.containsExactlyElementsOf(MonthlyPlan.evenSpread(planned.add(BigDecimal.ONE)));
	}

	@Test
	void theLightMeasuresInvestmentAgainstTheCurve() {
		BigDecimal planned = this.before.plannedInvestment();
		// on the straight line: 1/24 of the year's plan in each of the 11 ended periods
		BigDecimal perPeriod = planned.divide(BigDecimal.valueOf(24), 4, RoundingMode.HALF_UP);
		for (int period = 1; period <= 11; period++) {
			this.graphQl.documentName("submitReport")
				.variable("input",
						Map.of("projectId", GlobalId.encode("Project", CODE), "period",
								Map.of("year", 2012, "month", (period + 1) / 2, "half", period % 2 == 1 ? 1 : 2),
								"investmentCompleted", perPeriod.toPlainString(), "physicalProgressPercent", 40,
								"idempotencyKey", "planned-curve-" + period))
				.execute()
				.path("submitProgressReport.errors")
				.entityList(Object.class)
				.hasSize(0);
		}
		GraphQlTester.Response even = update(Map.of("plannedMonthly", List.of()));
		even.path("updateProject.project.progress.light").entity(String.class).isEqualTo("GREEN");

		// everything planned by the end of March: by 20 June all of it is due, and 11/24
		// was done
		GraphQlTester.Response front = update(Map.of("plannedMonthly", only(planned, 1, 3)));
		front.path("updateProject.project.progress.light").entity(String.class).isEqualTo("RED");
		assertThat(front.path("updateProject.project.progress.lightReasons").entityList(String.class).get())
			.anySatisfy((r) -> assertThat(r).startsWith("INVESTMENT_BEHIND: 46%"));
		front.path("updateProject.project.progress.plannedToDate")
			.entity(BigDecimal.class)
			.satisfies((v) -> assertThat(v).isEqualByComparingTo(planned));

		// everything planned for the autumn: nothing is due yet, so investment cannot be
		// behind
		GraphQlTester.Response late = update(Map.of("plannedMonthly", only(planned, 9, 12)));
		late.path("updateProject.project.progress.light").entity(String.class).isEqualTo("GREEN");
		late.path("updateProject.project.progress.plannedToDate")
			.entity(BigDecimal.class)
			.satisfies((v) -> assertThat(v).isEqualByComparingTo("0"));
		late.path("updateProject.project.progress.scheduleRate").valueIsNull();
	}

	@Test
	void targetsPlannedShareFollowsTheProjectsCurves() {
		String district = this.before.districtCode();
		BigDecimal evenShare = serviceShare(district);
		// every service project on its even spread: about 11/24 of the year, never more
		assertThat(evenShare).isLessThanOrEqualTo(new BigDecimal("0.4584")).isGreaterThan(new BigDecimal("0.45"));
		update(Map.of("plannedMonthly", only(this.before.plannedInvestment(), 1, 3)));
		BigDecimal frontShare = serviceShare(district);
		assertThat(frontShare).isGreaterThan(evenShare);
		// economy-wide amounts: the months with statistics (January to May)
		this.graphQl.documentName("districtPlannedTargets")
			.variable("d", district)
			.execute()
			.path("targets[?(@.indicator == 'INDUSTRIAL_INVESTMENT')].plannedShare")
			.entityList(BigDecimal.class)
			.satisfies((v) -> assertThat(v).singleElement()
				.satisfies((s) -> assertThat(s).isEqualByComparingTo("0.4167")));
	}

	private BigDecimal serviceShare(String district) {
		List<Map<String, Object>> targets = this.graphQl.documentName("districtPlannedTargets")
			.variable("d", district)
			.execute()
			.path("targets[?(@.indicator == 'SERVICE_INVESTMENT')]")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(targets).hasSize(1);
		BigDecimal share = new BigDecimal(targets.get(0).get("plannedShare").toString());
		BigDecimal guaranteed = new BigDecimal(targets.get(0).get("guaranteed").toString());
		assertThat(new BigDecimal(targets.get(0).get("plannedToDate").toString()))
			.isEqualByComparingTo(guaranteed.multiply(share).setScale(4, RoundingMode.HALF_UP));
		return share;
	}

}
