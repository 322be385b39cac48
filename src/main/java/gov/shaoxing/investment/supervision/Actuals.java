package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Target;
import gov.shaoxing.investment.targets.Unit;

/**
 * Actual values of every indicator for every district and the city, as of one day, and
 * the 序时进度 of the project-fed investment indicators ({@code plannedShares}; key
 * {@code null}: city-wide). {@code monthsReported} is how many months' statistics are
 * known on the day.
 */
record Actuals(int year, LocalDate asOf, Map<String, Map<Indicator, BigDecimal>> byDistrict,
		Map<Indicator, BigDecimal> city, Map<String, Map<Indicator, BigDecimal>> plannedShares, int monthsReported) {

	/**
	 * 序时进度 of a target (1 = the whole year's plan): for service and agricultural
	 * investment the projects' planned share to date from their monthly curves; for other
	 * amounts the share of the year's months with statistics; null for counts and
	 * percentages, and where no project plans anything.
	 */
	public BigDecimal plannedShare(Target target) {
		Indicator indicator = target.indicator();
		if (indicator == Indicator.SERVICE_INVESTMENT || indicator == Indicator.AGRICULTURAL_INVESTMENT) {
			Map<Indicator, BigDecimal> shares = this.plannedShares.get(target.districtCode());
			return shares == null ? null : shares.get(indicator);
		}
		if (indicator.unit() == Unit.PERCENT || indicator.unit() == Unit.COUNT) {
			return null;
		}
		return BigDecimal.valueOf(this.monthsReported).divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP);
	}

	/** guaranteed × plannedShare: what should be done by the day. */
	public BigDecimal plannedToDate(Target target) {
		BigDecimal share = plannedShare(target);
		return share == null || target.guaranteed() == null ? null
				: target.guaranteed().multiply(share).setScale(4, RoundingMode.HALF_UP);
	}

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
