package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Target;

/**
 * Actual values of every indicator for every district and the city, as of one day.
 * {@code null} key: city-wide.
 */
public record Actuals(int year, LocalDate asOf, Map<String, Map<Indicator, BigDecimal>> byDistrict,
		Map<Indicator, BigDecimal> city) {

	public BigDecimal of(String districtCode, Indicator indicator) {
		if (districtCode == null) {
			return this.city.get(indicator);
		}
		Map<Indicator, BigDecimal> values = this.byDistrict.get(districtCode);
		return values == null ? null : values.get(indicator);
	}

	public BigDecimal actual(Target target) {
		return of(target.districtCode(), target.indicator());
	}

	/** actual ÷ guaranteed, or null when either is missing or the target is zero. */
	public static BigDecimal rate(BigDecimal actual, BigDecimal target) {
		if (actual == null || target == null || target.signum() == 0) {
			return null;
		}
		return actual.divide(target, 4, RoundingMode.HALF_UP);
	}

}
