package gov.shaoxing.investment.progress;

import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.PayloadError;

/**
 * Checks a reporting period: a real half-month, in the project's plan year, not starting
 * in the future.
 */
final class PeriodInputCheck {

	private PeriodInputCheck() {
	}

	static void check(SubmitProgressReportInput.PeriodInput period, Integer planYear, LocalDate today,
			List<PayloadError> errors) {
		if (period == null || !ReportPeriod.isValid(period.year(), period.month(), period.half())) {
			errors.add(PayloadError.detailed("input.period", ErrorCode.INVALID_PERIOD, "halfMonth"));
			return;
		}
		if (planYear != null && period.year() != planYear.intValue()) {
			errors.add(PayloadError.detailed("input.period.year", ErrorCode.PERIOD_OUTSIDE_PLAN_YEAR, "project",
					planYear));
			return;
		}
		if (new ReportPeriod(period.year(), period.month(), period.half()).start().isAfter(today)) {
			errors.add(new PayloadError("input.period", ErrorCode.PERIOD_IN_FUTURE));
		}
	}

}
