package gov.shaoxing.investment.indicator;

import java.math.BigDecimal;

import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.targets.Indicator;

/**
 * The plausible range of a reported indicator value, by unit: a share is 0–100 %, growth
 * -100 % to {@link #MAX_GROWTH_PERCENT}, an amount from 0 to a ceiling far above any
 * city's year (1,000,000 亿元, that is 10^10 万元, or 10^9 万美元), a count a whole number up to
 * {@link #MAX_COUNT}. A value beyond these is a typing slip or a probe, not a statistic,
 * and would distort every roll-up it reaches.
 */
final class IndicatorValueBounds {

	static final BigDecimal MAX_GROWTH_PERCENT = BigDecimal.valueOf(1_000);

	static final BigDecimal MAX_YI_YUAN = BigDecimal.valueOf(1_000_000);

	static final BigDecimal MAX_WAN_YUAN = MAX_YI_YUAN.scaleByPowerOfTen(4);

	static final BigDecimal MAX_WAN_USD = BigDecimal.valueOf(1_000_000_000);

	static final BigDecimal MAX_COUNT = BigDecimal.valueOf(1_000_000);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private IndicatorValueBounds() {
	}

	/** Why the value is implausible for the indicator, or {@code null} when it is not. */
	static PayloadError check(Indicator indicator, BigDecimal value) {
		boolean growth = indicator == Indicator.INDUSTRIAL_INVESTMENT_GROWTH;
		if (growth) {
			return within(value, HUNDRED.negate(), MAX_GROWTH_PERCENT, "Growth is between -100% and 1000%.");
		}
		if (value.signum() < 0) {
			return outOfRange("The value cannot be negative.");
		}
		return switch (indicator.unit()) {
			case PERCENT -> within(value, BigDecimal.ZERO, HUNDRED, "A share is at most 100%.");
			case YI_YUAN -> within(value, BigDecimal.ZERO, MAX_YI_YUAN, "An amount in 亿元 is at most 1,000,000.");
			case WAN_YUAN -> within(value, BigDecimal.ZERO, MAX_WAN_YUAN, "An amount in 万元 is at most 10,000,000,000.");
			case WAN_USD -> within(value, BigDecimal.ZERO, MAX_WAN_USD, "An amount in 万美元 is at most 1,000,000,000.");
			case COUNT -> (value.stripTrailingZeros().scale() > 0)
					? new PayloadError("input.value", "NOT_A_COUNT", "A count is a whole number.")
					: within(value, BigDecimal.ZERO, MAX_COUNT, "A count is at most 1,000,000.");
		};
	}

	private static PayloadError within(BigDecimal value, BigDecimal min, BigDecimal max, String message) {
		return (value.compareTo(min) < 0 || value.compareTo(max) > 0) ? outOfRange(message) : null;
	}

	private static PayloadError outOfRange(String message) {
		return new PayloadError("input.value", "VALUE_OUT_OF_RANGE", message);
	}

}
