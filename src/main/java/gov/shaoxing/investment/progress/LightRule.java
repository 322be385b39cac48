package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.project.MonthlyPlan;

/**
 * The traffic-light rule, judged on a day D of the plan year:
 * <ul>
 * <li>investment ratio = investment reported for periods ended by D ÷ 序时进度, the
 * investment planned by D on the project's monthly curve ({@code Project.monthlyPlan}):
 * the months ended by D, plus half of the month whose first half has ended;</li>
 * <li>report gap = days from the end of the latest reported period (or from 1 January) to
 * D;</li>
 * <li>overdue milestones = milestones due before D and not MET.</li>
 * </ul>
 * RED when the ratio is below {@code redBelow} (0.5), the gap exceeds
 * {@code redAfterDaysWithoutReport} (45 days) or {@code redOverdueMilestones} (2) or more
 * milestones are overdue; YELLOW when the ratio is below {@code yellowBelow} (0.8), the
 * gap exceeds {@code yellowAfterDaysWithoutReport} (20 days) or one milestone is overdue;
 * GREEN otherwise. Completed projects are GREEN.
 */
public final class LightRule {

	private final SupervisionProperties properties;

	public LightRule(SupervisionProperties properties) {
		this.properties = properties;
	}

	/** The light and the reasons for it. */
	public record Verdict(Light light, List<String> reasons) {
	}

	/**
	 * Judges a project on {@code day}; {@code plannedMonthly} is its 12-month curve for
	 * {@code year}.
	 */
	public Verdict judge(ProjectProgress progress, List<BigDecimal> plannedMonthly, boolean completed, int year,
			LocalDate day) {
		if (completed) {
			return new Verdict(Light.GREEN, List.of());
		}
		int ended = ReportPeriod.endedBy(year, day);
		List<String> red = new ArrayList<>();
		List<String> yellow = new ArrayList<>();
		BigDecimal expected = ended > 0 ? MonthlyPlan.throughHalfMonths(plannedMonthly, ended) : BigDecimal.ZERO;
		if (expected.signum() > 0) {
			BigDecimal actual = progress == null ? BigDecimal.ZERO : progress.investmentThrough(year, ended);
			BigDecimal ratio = actual.divide(expected, 4, RoundingMode.HALF_UP);
			String text = "INVESTMENT_BEHIND: " + ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP)
					+ "% of the investment planned to date (" + actual.stripTrailingZeros().toPlainString() + " of "
					+ expected.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " 亿元)";
			if (ratio.compareTo(this.properties.redBelow()) < 0) {
				red.add(text);
			}
			else if (ratio.compareTo(this.properties.yellowBelow()) < 0) {
				yellow.add(text);
			}
		}
		ReportPeriod last = progress == null ? null : progress.lastPeriodThrough(year, ended);
		LocalDate since = last == null || last.end().isAfter(day) ? LocalDate.of(year, 1, 1) : last.end();
		long gap = ChronoUnit.DAYS.between(since, day);
		String gapText = "REPORTS_MISSING: no report for " + gap + " days";
		if (gap > this.properties.redAfterDaysWithoutReport()) {
			red.add(gapText);
		}
		else if (gap > this.properties.yellowAfterDaysWithoutReport()) {
			yellow.add(gapText);
		}
		long overdue = progress == null ? 0 : progress.milestones().stream().filter((m) -> m.overdueOn(day)).count();
		String overdueText = "MILESTONES_OVERDUE: " + overdue + " milestone" + (overdue == 1 ? "" : "s")
				+ " past due and not met";
		if (overdue >= this.properties.redOverdueMilestones()) {
			red.add(overdueText);
		}
		else if (overdue > 0) {
			yellow.add(overdueText);
		}
		if (!red.isEmpty()) {
			return new Verdict(Light.RED, red);
		}
		if (!yellow.isEmpty()) {
			return new Verdict(Light.YELLOW, yellow);
		}
		return new Verdict(Light.GREEN, List.of());
	}

}
