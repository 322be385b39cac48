package gov.shaoxing.investment.indicator;

import java.math.BigDecimal;

import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.targets.Indicator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Indicator values must be plausible for their unit. */
class IndicatorValueBoundsTests {

	static String code(Indicator indicator, String value) {
		PayloadError error = IndicatorValueBounds.check(indicator, new BigDecimal(value));
		return (error != null) ? error.code() : null;
	}

	@Test
	void aShareIsFromZeroToAHundredPercent() {
		assertThat(code(Indicator.SEI_INVESTMENT_SHARE, "0")).isNull();
		assertThat(code(Indicator.SEI_INVESTMENT_SHARE, "100")).isNull();
		assertThat(code(Indicator.SEI_INVESTMENT_SHARE, "100.01")).isEqualTo("VALUE_OUT_OF_RANGE");
		assertThat(code(Indicator.SEI_INVESTMENT_SHARE, "-0.1")).isEqualTo("VALUE_OUT_OF_RANGE");
	}

	@Test
	void growthMayBeNegativeButNotBelowMinusAHundredPercent() {
		assertThat(code(Indicator.INDUSTRIAL_INVESTMENT_GROWTH, "-12.5")).isNull();
		assertThat(code(Indicator.INDUSTRIAL_INVESTMENT_GROWTH, "-100.1")).isEqualTo("VALUE_OUT_OF_RANGE");
		assertThat(code(Indicator.INDUSTRIAL_INVESTMENT_GROWTH, "1e300")).isEqualTo("VALUE_OUT_OF_RANGE");
	}

	@Test
	void amountsHaveACeilingPerUnit() {
		assertThat(code(Indicator.INDUSTRIAL_INVESTMENT, "856")).isNull();
		assertThat(code(Indicator.INDUSTRIAL_INVESTMENT, "1e300")).isEqualTo("VALUE_OUT_OF_RANGE");
		assertThat(code(Indicator.INDUSTRIAL_INVESTMENT, "1000001")).isEqualTo("VALUE_OUT_OF_RANGE");
		assertThat(code(Indicator.DOMESTIC_CAPITAL, "9999999999")).isNull();
		assertThat(code(Indicator.DOMESTIC_CAPITAL, "1e11")).isEqualTo("VALUE_OUT_OF_RANGE");
		assertThat(code(Indicator.FOREIGN_CAPITAL, "1e10")).isEqualTo("VALUE_OUT_OF_RANGE");
		assertThat(code(Indicator.FOREIGN_CAPITAL, "-1")).isEqualTo("VALUE_OUT_OF_RANGE");
	}

	@Test
	void countsAreWholeAndBounded() {
		assertThat(code(Indicator.FOREIGN_PROJECTS_OVER_10M_USD, "12")).isNull();
		assertThat(code(Indicator.FOREIGN_PROJECTS_OVER_10M_USD, "12.0")).isNull();
		assertThat(code(Indicator.FOREIGN_PROJECTS_OVER_10M_USD, "12.5")).isEqualTo("NOT_A_COUNT");
		assertThat(code(Indicator.FOREIGN_PROJECTS_OVER_10M_USD, "1e300")).isEqualTo("VALUE_OUT_OF_RANGE");
	}

}
