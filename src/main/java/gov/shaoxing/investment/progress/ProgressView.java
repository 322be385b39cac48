package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.rules.Explanation;

/**
 * {@code Project.progress}: a project's roll-up with its light judged on the supervision
 * day.
 */
record ProgressView(ProjectProgress progress, int planYear, BigDecimal plannedInvestment, BigDecimal plannedToDate,
		LightRule.Verdict verdict, LocalDate asOf) {

	/**
	 * Investment reported for the plan year's periods ended by {@code asOf} ÷ the plan to
	 * date, the light's investment ratio; null before the first period ends.
	 */
	public BigDecimal scheduleRate() {
		if (this.plannedToDate == null || this.plannedToDate.signum() == 0) {
			return null;
		}
		BigDecimal reported = this.progress == null ? BigDecimal.ZERO
				: this.progress.investmentThrough(this.planYear, ReportPeriod.endedBy(this.planYear, this.asOf));
		return reported.divide(this.plannedToDate, 4, RoundingMode.HALF_UP);
	}

	public BigDecimal cumulativeInvestment() {
		return this.progress == null ? BigDecimal.ZERO : this.progress.cumulativeInvestment();
	}

	public BigDecimal yearInvestment() {
		return this.progress == null ? BigDecimal.ZERO
				: this.progress.yearInvestment().getOrDefault(String.valueOf(this.planYear), BigDecimal.ZERO);
	}

	public BigDecimal yearCompletionRate() {
		if (this.plannedInvestment == null || this.plannedInvestment.signum() == 0) {
			return null;
		}
		return yearInvestment().divide(this.plannedInvestment, 4, RoundingMode.HALF_UP);
	}

	public BigDecimal physicalProgressPercent() {
		return this.progress == null ? null : this.progress.physicalProgressPercent();
	}

	public Instant lastReportedAt() {
		return this.progress == null ? null : this.progress.lastReportedAt();
	}

	public ReportPeriod lastPeriod() {
		return this.progress == null || this.progress.lastPeriodKey() == null ? null
				: ReportPeriod.parse(this.progress.lastPeriodKey());
	}

	public Light light() {
		return this.verdict.light();
	}

	public List<String> lightReasons() {
		return this.verdict.reasons();
	}

	public Explanation explain() {
		return this.verdict.explain();
	}

	public int reportedPeriods() {
		return this.progress == null ? 0 : this.progress.periods().size();
	}

}
