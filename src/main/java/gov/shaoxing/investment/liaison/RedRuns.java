package gov.shaoxing.investment.liaison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.progress.Light;
import gov.shaoxing.investment.progress.ProgressService;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.rules.RulesService;

/**
 * A project's runs of consecutive red half-months: its light judged again at the end of
 * every half-month of the plan year ended by {@code asOf}, under the rules in force on
 * that day, from the reports as they are now.
 */
record RedRuns(List<Run> runs, int periodsJudged) {

	/** Consecutive red half-months: the first one and how many. */
	record Run(ReportPeriod first, int length) {

		ReportPeriod last() {
			int index = this.first.index() + this.length - 1;
			return new ReportPeriod(this.first.year(), (index + 1) / 2, index % 2 == 1 ? 1 : 2);
		}

	}

	static RedRuns of(Project project, ProjectProgress progress, LocalDate asOf, RulesService rules) {
		int year = project.year();
		int ended = ReportPeriod.endedBy(year, asOf);
		List<Run> runs = new ArrayList<>();
		ReportPeriod start = null;
		int length = 0;
		for (int i = 1; i <= ended; i++) {
			ReportPeriod period = new ReportPeriod(year, (i + 1) / 2, i % 2 == 1 ? 1 : 2);
			LocalDate day = period.end();
			boolean red = ProgressService.judge(progress, project, day, rules.at(day)).light() == Light.RED;
			if (red) {
				if (start == null) {
					start = period;
				}
				length++;
			}
			else if (start != null) {
				runs.add(new Run(start, length));
				start = null;
				length = 0;
			}
		}
		if (start != null) {
			runs.add(new Run(start, length));
		}
		return new RedRuns(runs, ended);
	}

	/** Red half-months in a row up to the last one judged; 0 if that one was not red. */
	int current() {
		if (this.runs.isEmpty()) {
			return 0;
		}
		Run last = this.runs.get(this.runs.size() - 1);
		return last.first().index() + last.length() - 1 == this.periodsJudged ? last.length() : 0;
	}

	int longest() {
		return this.runs.stream().mapToInt(Run::length).max().orElse(0);
	}

}
