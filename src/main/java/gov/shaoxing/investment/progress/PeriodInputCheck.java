package gov.shaoxing.investment.progress;

import java.time.LocalDate;
import java.util.List;

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
			errors.add(new PayloadError("input.period", "INVALID_PERIOD",
					"period needs a year, a month from 1 to 12 and a half of 1 (1st–15th) or 2 (16th–end)."));
			return;
		}
		if (planYear != null && period.year() != planYear.intValue()) {
			errors.add(new PayloadError("input.period.year", "PERIOD_OUTSIDE_PLAN_YEAR",
					"The project belongs to the " + planYear + " plan; report periods of " + planYear + " only."));
			return;
		}
		if (new ReportPeriod(period.year(), period.month(), period.half()).start().isAfter(today)) {
			errors.add(new PayloadError("input.period", "PERIOD_IN_FUTURE",
					"The period has not started yet; report it when it has."));
		}
	}

}
