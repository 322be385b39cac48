package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.rules.Explanation;
import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Unit;

/**
 * The monthly 通报 or the quarterly 汇报: every district's standing, the red-light projects
 * and overdue notices, under one rule version, as known now or at {@code knownAt};
 * {@code publication} is set on a published (frozen) bulletin.
 */
public record Bulletin(int year, Integer month, Integer quarter, LocalDate asOf, int ruleVersion, Instant knownAt,
		Publication publication, List<DistrictStanding> districts, List<RedProject> redProjects,
		List<Notice> overdueNotices) {

	/** When and by whom a bulletin was published. */
	public record Publication(Instant publishedAt, String publishedBy) {
	}

	/** A district's score, rank and every indicator. */
	public record DistrictStanding(District district, BigDecimal score, int rank, List<IndicatorStanding> indicators,
			Explanation explain) {
	}

	/**
	 * One indicator of a district: target, actual, completion and rank among the
	 * districts.
	 */
	public record IndicatorStanding(Indicator indicator, Unit unit, BigDecimal guaranteed, BigDecimal stretch,
			BigDecimal actual, BigDecimal completionRate, BigDecimal stretchCompletionRate, Integer rank) {
	}

	/** A red-light project, why, and the rule's explanation. */
	public record RedProject(Project project, List<String> reasons, Explanation explain) {
	}

	/** A district's place in the annual ranking. */
	public record DistrictScore(District district, BigDecimal score, int rank, Explanation explain) {
	}

}
