package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.project.MonthlyPlan;
import gov.shaoxing.investment.rules.Explanation;
import gov.shaoxing.investment.rules.NamedValue;
import gov.shaoxing.investment.rules.SupervisionRules;

/**
 * The traffic-light rule, judged on a day D of the plan year under one version of the
 * rules:
 * <ul>
 * <li>investment ratio = investment reported for periods ended by D ÷ 序时进度, the
 * investment planned by D on the project's monthly curve ({@code Project.monthlyPlan}):
 * the months ended by D, plus half of the month whose first half has ended;</li>
 * <li>report gap = days from the end of the latest reported period (or from 1 January) to
 * D;</li>
 * <li>overdue milestones = milestones due before D and not met by D.</li>
 * </ul>
 * RED when the ratio is below {@code redBelow}, the gap exceeds
 * {@code redAfterDaysWithoutReport} or {@code redOverdueMilestones} or more milestones
 * are overdue; YELLOW when the ratio is below {@code yellowBelow}, the gap exceeds
 * {@code yellowAfterDaysWithoutReport} or one milestone is overdue; GREEN otherwise.
 * Completed projects are GREEN; an exempted project's ratio is not judged.
 */
public final class LightRule {

	private final SupervisionRules rules;

	public LightRule(SupervisionRules rules) {
		this.rules = rules;
	}

	/** The light, the reasons for it (each starting with a stable code) and why. */
	public record Verdict(Light light, List<String> reasons, Explanation explain) {
	}

	/**
	 * Judges a project on {@code day}; {@code plannedMonthly} is its 12-month curve for
	 * {@code year}.
	 */
	public Verdict judge(ProjectProgress progress, List<BigDecimal> plannedMonthly, boolean completed, int year,
			LocalDate day) {
		return judge(progress == null ? null : progress.projectCode(), progress, plannedMonthly, completed, year, day);
	}

	public Verdict judge(String projectCode, ProjectProgress progress, List<BigDecimal> plannedMonthly,
			boolean completed, int year, LocalDate day) {
		SupervisionRules.LightRules t = this.rules.light();
		List<NamedValue> thresholds = List.of(NamedValue.of("yellowBelow", t.yellowBelow()),
				NamedValue.of("redBelow", t.redBelow()),
				NamedValue.of("yellowAfterDaysWithoutReport", t.yellowAfterDaysWithoutReport()),
				NamedValue.of("redAfterDaysWithoutReport", t.redAfterDaysWithoutReport()),
				NamedValue.of("redOverdueMilestones", t.redOverdueMilestones()));
		if (completed) {
			return new Verdict(Light.GREEN, List.of(), new Explanation(this.rules.version(),
					List.of(NamedValue.of("completed", 1)), thresholds, "GREEN: the project is completed."));
		}
		int ended = ReportPeriod.endedBy(year, day);
		List<String> red = new ArrayList<>();
		List<String> yellow = new ArrayList<>();
		List<String> grounds = new ArrayList<>();
		BigDecimal expected = ended > 0 ? MonthlyPlan.throughHalfMonths(plannedMonthly, ended) : BigDecimal.ZERO;
		BigDecimal actual = progress == null ? BigDecimal.ZERO : progress.investmentThrough(year, ended);
		BigDecimal ratio = null;
		SupervisionRules.LightExemption exemption = projectCode == null ? null : t.exemptionFor(projectCode, day);
		if (expected.signum() > 0) {
			ratio = actual.divide(expected, 4, RoundingMode.HALF_UP);
			String text = "INVESTMENT_BEHIND: " + ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP)
					+ "% of the investment planned to date (" + actual.stripTrailingZeros().toPlainString() + " of "
					+ expected.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " 亿元)";
			if (exemption != null) {
				grounds
					.add("investment not judged (exempt until " + exemption.until() + ": " + exemption.reason() + ")");
			}
			else if (ratio.compareTo(t.redBelow()) < 0) {
				red.add(text);
				grounds.add("investment ratio " + plain(ratio) + " < redBelow " + plain(t.redBelow()));
			}
			else if (ratio.compareTo(t.yellowBelow()) < 0) {
				yellow.add(text);
				grounds.add("investment ratio " + plain(ratio) + " < yellowBelow " + plain(t.yellowBelow()));
			}
			else {
				grounds.add("investment ratio " + plain(ratio) + " ≥ yellowBelow " + plain(t.yellowBelow()));
			}
		}
		else {
			grounds.add("nothing planned yet");
		}
		ReportPeriod last = progress == null ? null : progress.lastPeriodThrough(year, ended);
		LocalDate since = last == null || last.end().isAfter(day) ? LocalDate.of(year, 1, 1) : last.end();
		long gap = ChronoUnit.DAYS.between(since, day);
		String gapText = "REPORTS_MISSING: no report for " + gap + " days";
		if (gap > t.redAfterDaysWithoutReport()) {
			red.add(gapText);
			grounds.add(gap + " days without a report > redAfterDaysWithoutReport " + t.redAfterDaysWithoutReport());
		}
		else if (gap > t.yellowAfterDaysWithoutReport()) {
			yellow.add(gapText);
			grounds
				.add(gap + " days without a report > yellowAfterDaysWithoutReport " + t.yellowAfterDaysWithoutReport());
		}
		else {
			grounds.add(gap + " days without a report ≤ " + t.yellowAfterDaysWithoutReport());
		}
		long overdue = progress == null ? 0 : progress.milestones().stream().filter((m) -> m.overdueOn(day)).count();
		String overdueText = "MILESTONES_OVERDUE: " + overdue + " milestone" + (overdue == 1 ? "" : "s")
				+ " past due and not met";
		if (overdue >= t.redOverdueMilestones()) {
			red.add(overdueText);
			grounds.add(overdue + " overdue milestones ≥ redOverdueMilestones " + t.redOverdueMilestones());
		}
		else if (overdue > 0) {
			yellow.add(overdueText);
			grounds.add(overdue + " overdue milestone");
		}
		else {
			grounds.add("no overdue milestone");
		}
		List<NamedValue> inputs = new ArrayList<>();
		inputs.add(NamedValue.of("investmentReported", actual));
		inputs.add(NamedValue.of("plannedToDate", expected));
		inputs.add(NamedValue.of("investmentRatio", ratio));
		inputs.add(NamedValue.of("daysWithoutReport", gap));
		inputs.add(NamedValue.of("overdueMilestones", overdue));
		Light light = !red.isEmpty() ? Light.RED : !yellow.isEmpty() ? Light.YELLOW : Light.GREEN;
		Explanation explain = new Explanation(this.rules.version(), inputs, thresholds,
				light + " on " + day + ": " + String.join("; ", grounds) + ".");
		return new Verdict(light, light == Light.RED ? red : light == Light.YELLOW ? yellow : List.of(), explain);
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
