package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Unit;

/**
 * The monthly 通报 or the quarterly 汇报: every district's standing, the red-light projects
 * and overdue notices.
 */
public record Bulletin(int year, Integer month, Integer quarter, LocalDate asOf, List<DistrictStanding> districts,
		List<RedProject> redProjects, List<Notice> overdueNotices) {

	/** A district's score, rank and every indicator. */
	public record DistrictStanding(District district, BigDecimal score, int rank, List<IndicatorStanding> indicators) {
	}

	/**
	 * One indicator of a district: target, actual, completion and rank among the
	 * districts.
	 */
	public record IndicatorStanding(Indicator indicator, Unit unit, BigDecimal guaranteed, BigDecimal stretch,
			BigDecimal actual, BigDecimal completionRate, BigDecimal stretchCompletionRate, Integer rank) {
	}

	/** A red-light project and why. */
	public record RedProject(Project project, List<String> reasons) {
	}

	/** A district's place in the annual ranking. */
	public record DistrictScore(District district, BigDecimal score, int rank) {
	}

}
