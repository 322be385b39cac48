package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import gov.shaoxing.investment.common.PayloadError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly curve behind 序时进度: exact sums, an even spread, half months. */
class MonthlyPlanTests {

	private static BigDecimal sum(List<BigDecimal> values) {
		return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void theEvenSpreadAddsUpExactlyForAnyPlannedFigure() {
		Random random = new Random(11);
		List<BigDecimal> figures = new ArrayList<>(List.of(new BigDecimal("4.46"), new BigDecimal("0.0001"),
				new BigDecimal("0.0011"), BigDecimal.ZERO, new BigDecimal("9999.9999"), new BigDecimal("1.000001")));
		for (int i = 0; i < 2000; i++) {
			figures.add(BigDecimal.valueOf(random.nextInt(100_000_000), random.nextInt(5)));
		}
		for (BigDecimal planned : figures) {
			List<BigDecimal> months = MonthlyPlan.evenSpread(planned);
			assertThat(months).hasSize(12);
			assertThat(sum(months)).as("spread of %s", planned).isEqualByComparingTo(planned);
			BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(4, planned.stripTrailingZeros().scale()));
			assertThat(Collections.max(months).subtract(Collections.min(months))).isLessThanOrEqualTo(step);
			// the plan to date never runs ahead of the straight line
			for (int half = 0; half <= 24; half++) {
				BigDecimal line = planned.multiply(BigDecimal.valueOf(half))
					.divide(BigDecimal.valueOf(24), 12, RoundingMode.HALF_UP);
				assertThat(MonthlyPlan.throughHalfMonths(months, half)).isLessThanOrEqualTo(line);
			}
		}
	}

	@Test
	void leftOverStepsGoToTheLastMonths() {
		List<BigDecimal> months = MonthlyPlan.evenSpread(new BigDecimal("4.46"));
		assertThat(months.subList(0, 4)).allSatisfy((v) -> assertThat(v).isEqualByComparingTo("0.3716"));
		assertThat(months.subList(4, 12)).allSatisfy((v) -> assertThat(v).isEqualByComparingTo("0.3717"));
	}

	@Test
	void aMonthWhoseFirstHalfHasEndedCountsHalf() {
		List<BigDecimal> curve = new ArrayList<>(Collections.nCopies(12, BigDecimal.ZERO));
		curve.set(0, new BigDecimal("1"));
		curve.set(1, new BigDecimal("3"));
		assertThat(MonthlyPlan.throughHalfMonths(curve, 0)).isEqualByComparingTo("0");
		assertThat(MonthlyPlan.throughHalfMonths(curve, 1)).isEqualByComparingTo("0.5");
		assertThat(MonthlyPlan.throughHalfMonths(curve, 2)).isEqualByComparingTo("1");
		assertThat(MonthlyPlan.throughHalfMonths(curve, 3)).isEqualByComparingTo("2.5");
		assertThat(MonthlyPlan.throughHalfMonths(curve, 24)).isEqualByComparingTo("4");
	}

	@Test
	void aGivenCurveMustHaveTwelveValuesAddingUpToThePlan() {
		BigDecimal planned = new BigDecimal("12");
		assertThat(codes(MonthlyPlan.check(Collections.nCopies(11, BigDecimal.ONE), planned, "f")))
			.containsExactly("PLANNED_MONTHLY_LENGTH");
		assertThat(codes(MonthlyPlan.check(Collections.nCopies(12, new BigDecimal("0.9")), planned, "f")))
			.containsExactly("PLANNED_MONTHLY_SUM");
		List<BigDecimal> bad = new ArrayList<>(Collections.nCopies(12, BigDecimal.ONE));
		bad.set(3, new BigDecimal("-1"));
		bad.set(5, new BigDecimal("0.00001"));
		List<PayloadError> errors = MonthlyPlan.check(bad, planned, "f");
		assertThat(errors).extracting(PayloadError::field).containsExactly("f[3]", "f[5]");
		assertThat(codes(errors)).containsExactly("NEGATIVE", "TOO_PRECISE");
		assertThat(MonthlyPlan.check(Collections.nCopies(12, new BigDecimal("1.00")), planned, "f")).isEmpty();
	}

	@Test
	void aCurveEqualToTheEvenSpreadIsStoredAsNone() {
		BigDecimal planned = new BigDecimal("4.46");
		assertThat(MonthlyPlan.stored(MonthlyPlan.evenSpread(planned), planned)).isNull();
		List<BigDecimal> frontLoaded = new ArrayList<>(Collections.nCopies(12, BigDecimal.ZERO));
		frontLoaded.set(0, planned);
		assertThat(MonthlyPlan.stored(frontLoaded, planned)).isEqualTo(frontLoaded);
	}

	private static List<String> codes(List<PayloadError> errors) {
		return errors.stream().map(PayloadError::code).toList();
	}

}
