package gov.shaoxing.investment.earnedvalue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.rules.SupervisionRules;

/**
 * The earned-value formulas (documented on {@code EarnedValue} in the schema), for one
 * project and for the sum over many.
 */
public final class EarnedValueCalculator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private EarnedValueCalculator() {
	}

	/**
	 * PV: the monthly plan through {@code asOf}'s month, that month pro rata (day of
	 * month ÷ days in month); 0 before the plan year, the whole plan after it.
	 */
	static BigDecimal plannedValue(List<BigDecimal> monthly, int year, LocalDate asOf) {
		if (asOf.getYear() < year) {
			return BigDecimal.ZERO;
		}
		int fullMonths = asOf.getYear() > year ? 12 : asOf.getMonthValue() - 1;
		BigDecimal sum = BigDecimal.ZERO;
		for (int m = 0; m < fullMonths; m++) {
			sum = sum.add(monthly.get(m));
		}
		if (asOf.getYear() == year) {
			sum = sum.add(monthly.get(fullMonths)
				.multiply(BigDecimal.valueOf(asOf.getDayOfMonth()))
				.divide(BigDecimal.valueOf(asOf.lengthOfMonth()), 10, RoundingMode.HALF_UP));
		}
		return sum.setScale(EarnedValue.SCALE, RoundingMode.HALF_UP);
	}

	/** One project's figures on {@code asOf} under the given rules. */
	public static EarnedValue of(Project project, ProjectProgress progress, LocalDate asOf, SupervisionRules rules) {
		int year = project.year();
		int ended = ReportPeriod.endedBy(year, asOf);
		BigDecimal pv = plannedValue(project.monthlyPlan(), year, asOf);
		BigDecimal ac = progress == null ? BigDecimal.ZERO : progress.investmentThrough(year, ended);
		BigDecimal start = BigDecimal.ZERO;
		BigDecimal now = null;
		if (progress != null) {
			ReportPeriod before = null;
			ReportPeriod last = null;
			for (Map.Entry<String, ProjectProgress.PeriodEntry> e : progress.periods().entrySet()) {
				ReportPeriod p = ReportPeriod.parse(e.getKey());
				if (p.year() < year && (before == null || p.compareTo(before) > 0)) {
					before = p;
				}
				if (p.year() == year && p.index() <= ended && (last == null || p.compareTo(last) > 0)) {
					last = p;
				}
			}
			if (before != null && progress.periods().get(before.key()).percent() != null) {
				start = progress.periods().get(before.key()).percent();
			}
			if (last != null) {
				now = progress.periods().get(last.key()).percent();
			}
		}
		BigDecimal current = now != null ? now : start;
		BigDecimal total = project.totalInvestment() == null ? BigDecimal.ZERO : project.totalInvestment();
		BigDecimal ev = current.subtract(start)
			.multiply(total)
			.divide(HUNDRED, EarnedValue.SCALE, RoundingMode.HALF_UP);
		EarnedValue single = new EarnedValue(asOf, 1, pv, ev, ac, total, start, current, rules.version(),
				rules.earnedValue().divergenceThreshold(), 0);
		return single.flags().isEmpty() ? single : new EarnedValue(asOf, 1, pv, ev, ac, total, start, current,
				rules.version(), rules.earnedValue().divergenceThreshold(), 1);
	}

	/** The sum over several projects' figures, with the derived figures of the sums. */
	public static EarnedValue sum(List<EarnedValue> parts, LocalDate asOf, SupervisionRules rules) {
		BigDecimal pv = BigDecimal.ZERO;
		BigDecimal ev = BigDecimal.ZERO;
		BigDecimal ac = BigDecimal.ZERO;
		BigDecimal total = BigDecimal.ZERO;
		int diverging = 0;
		for (EarnedValue p : parts) {
			pv = pv.add(p.plannedValue());
			ev = ev.add(p.earnedValue());
			ac = ac.add(p.actualCost());
			total = total.add(p.totalInvestment());
			diverging += p.divergingProjects();
		}
		return new EarnedValue(asOf, parts.size(), pv, ev, ac, total, null, null, rules.version(),
				rules.earnedValue().divergenceThreshold(), diverging);
	}

}
