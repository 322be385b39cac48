package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.PayloadError;

/**
 * The plan year's planned investment month by month, the curve 序时进度 (the planned share to
 * date) is read from. A project either gives its 12 monthly amounts or gets the even
 * spread of its {@code plannedInvestment}; either way the 12 values add up to it exactly.
 */
public final class MonthlyPlan {

	public static final int MONTHS = 12;

	/** Amounts are kept to 1万元 (0.0001亿元), as everywhere else. */
	static final int MAX_SCALE = 4;

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	private MonthlyPlan() {
	}

	/**
	 * The even spread of {@code planned}: in steps of 1万元 (or of the figure's own finer
	 * step), every month gets the twelfth rounded down and the steps left over go one
	 * each to the last months of the year. So the sum is exact, and the plan to date is
	 * never above a straight line from 0 to {@code planned}.
	 */
	public static List<BigDecimal> evenSpread(BigDecimal planned) {
		BigDecimal amount = planned == null ? BigDecimal.ZERO : planned;
		int scale = Math.max(MAX_SCALE, amount.stripTrailingZeros().scale());
		BigInteger[] split = amount.setScale(scale).unscaledValue().divideAndRemainder(BigInteger.valueOf(MONTHS));
		int extra = split[1].intValue();
		List<BigDecimal> months = new ArrayList<>(MONTHS);
		for (int m = 1; m <= MONTHS; m++) {
			BigInteger steps = m > MONTHS - extra ? split[0].add(BigInteger.ONE) : split[0];
			months.add(new BigDecimal(steps, scale));
		}
		return List.copyOf(months);
	}

	/**
	 * Planned investment due by the end of {@code halfMonths} half-month periods of the
	 * plan year (0–24): the months wholly past, plus half of a month whose first half has
	 * ended.
	 */
	public static BigDecimal throughHalfMonths(List<BigDecimal> monthly, int halfMonths) {
		int periods = Math.max(0, Math.min(2 * MONTHS, halfMonths));
		BigDecimal sum = BigDecimal.ZERO;
		for (int m = 0; m < periods / 2; m++) {
			sum = sum.add(monthly.get(m));
		}
		if (periods % 2 == 1) {
			sum = sum.add(monthly.get(periods / 2).divide(TWO));
		}
		return sum;
	}

	/**
	 * What to store for a given curve: null when it is the even spread (so a later change
	 * of the planned investment spreads again), else the values.
	 */
	static List<BigDecimal> stored(List<BigDecimal> given, BigDecimal planned) {
		if (given == null || given.isEmpty() || same(given, evenSpread(planned))) {
			return null;
		}
		return List.copyOf(given);
	}

	/**
	 * Problems with a given curve for {@code planned}: 12 values, none negative or finer
	 * than 1万元, adding up to the planned investment.
	 */
	static List<PayloadError> check(List<BigDecimal> monthly, BigDecimal planned, String field) {
		List<PayloadError> errors = new ArrayList<>();
		if (monthly.size() != MONTHS) {
			errors.add(new PayloadError(field, ErrorCode.PLANNED_MONTHLY_LENGTH, monthly.size()));
			return errors;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < MONTHS; i++) {
			BigDecimal v = monthly.get(i);
			String at = field + "[" + i + "]";
			if (v == null) {
				errors.add(PayloadError.detailed(at, ErrorCode.REQUIRED, "month", i + 1));
				continue;
			}
			if (v.signum() < 0) {
				errors.add(new PayloadError(at, ErrorCode.NEGATIVE));
			}
			else if (v.stripTrailingZeros().scale() > MAX_SCALE) {
				errors.add(PayloadError.detailed(at, ErrorCode.TOO_PRECISE, "amount", MAX_SCALE));
			}
			sum = sum.add(v);
		}
		BigDecimal target = planned == null ? BigDecimal.ZERO : planned;
		if (errors.isEmpty() && sum.compareTo(target) != 0) {
			errors.add(new PayloadError(field, ErrorCode.PLANNED_MONTHLY_SUM, sum.stripTrailingZeros(),
					target.stripTrailingZeros()));
		}
		return errors;
	}

	/** Equal value by value (2.50 = 2.5). */
	static boolean same(List<BigDecimal> a, List<BigDecimal> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (a.get(i).compareTo(b.get(i)) != 0) {
				return false;
			}
		}
		return true;
	}

}
