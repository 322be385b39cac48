package gov.shaoxing.investment.indicator;

import java.math.BigDecimal;

import gov.shaoxing.investment.common.ErrorCode;
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

	private static final String FIELD = "input.value";

	private IndicatorValueBounds() {
	}

	/** Why the value is implausible for the indicator, or {@code null} when it is not. */
	static PayloadError check(Indicator indicator, BigDecimal value) {
		if (indicator == Indicator.INDUSTRIAL_INVESTMENT_GROWTH) {
			return outside(value, HUNDRED.negate(), MAX_GROWTH_PERCENT)
					? PayloadError.detailed(FIELD, ErrorCode.VALUE_OUT_OF_RANGE, "growth") : null;
		}
		if (value.signum() < 0) {
			return new PayloadError(FIELD, ErrorCode.VALUE_OUT_OF_RANGE);
		}
		return switch (indicator.unit()) {
			case PERCENT -> outside(value, BigDecimal.ZERO, HUNDRED)
					? PayloadError.detailed(FIELD, ErrorCode.VALUE_OUT_OF_RANGE, "share") : null;
			case YI_YUAN -> amount(value, MAX_YI_YUAN, indicator);
			case WAN_YUAN -> amount(value, MAX_WAN_YUAN, indicator);
			case WAN_USD -> amount(value, MAX_WAN_USD, indicator);
			case COUNT -> (value.stripTrailingZeros().scale() > 0) ? new PayloadError(FIELD, ErrorCode.NOT_A_COUNT)
					: outside(value, BigDecimal.ZERO, MAX_COUNT)
							? PayloadError.detailed(FIELD, ErrorCode.VALUE_OUT_OF_RANGE, "count", MAX_COUNT) : null;
		};
	}

	private static PayloadError amount(BigDecimal value, BigDecimal max, Indicator indicator) {
		return outside(value, BigDecimal.ZERO, max)
				? PayloadError.detailed(FIELD, ErrorCode.VALUE_OUT_OF_RANGE, "amount", indicator.unit().label(), max)
				: null;
	}

	private static boolean outside(BigDecimal value, BigDecimal min, BigDecimal max) {
		return value.compareTo(min) < 0 || value.compareTo(max) > 0;
	}

}
