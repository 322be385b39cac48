package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A project's progress roll-up: the current report of every period, the totals derived
 * from them, milestones and the stored light. One document per project, replaced as a
 * whole under its version, so totals always equal the sum of the current reports,
 * whatever runs concurrently, without transactions.
 */
@Document("project_progress")
public record ProjectProgress(@Id String projectCode, @Indexed String districtCode, String category,
		Map<String, PeriodEntry> periods, BigDecimal cumulativeInvestment, Map<String, BigDecimal> yearInvestment,
		BigDecimal physicalProgressPercent, Instant lastReportedAt, String lastPeriodKey, List<Milestone> milestones,
		@Indexed Light light, List<String> lightReasons, Instant lightChangedAt, @Version Long version) {

	public ProjectProgress {
		periods = periods == null ? Map.of() : periods;
		yearInvestment = yearInvestment == null ? Map.of() : yearInvestment;
		milestones = milestones == null ? List.of() : milestones;
		lightReasons = lightReasons == null ? List.of() : lightReasons;
		cumulativeInvestment = cumulativeInvestment == null ? BigDecimal.ZERO : cumulativeInvestment;
	}

	static ProjectProgress empty(String projectCode, String districtCode, String category) {
		return new ProjectProgress(projectCode, districtCode, category, Map.of(), BigDecimal.ZERO, Map.of(), null, null,
				null, List.of(), null, List.of(), null, null);
	}

	/** The current report of one period. */
	public record PeriodEntry(String reportId, long sequence, BigDecimal investment, BigDecimal percent,
			Instant submittedAt) {
	}

	/**
	 * Investment reported for {@code year}, in periods ending on or before
	 * {@code throughPeriodIndex} (1–24).
	 */
	public BigDecimal investmentThrough(int year, int throughPeriodIndex) {
		BigDecimal sum = BigDecimal.ZERO;
		for (Map.Entry<String, PeriodEntry> e : this.periods.entrySet()) {
			ReportPeriod p = ReportPeriod.parse(e.getKey());
			if (p.year() == year && p.index() <= throughPeriodIndex) {
				sum = sum.add(e.getValue().investment());
			}
		}
		return sum;
	}

	/**
	 * The latest period with a report, among those of {@code year} up to
	 * {@code throughPeriodIndex}.
	 */
	public ReportPeriod lastPeriodThrough(int year, int throughPeriodIndex) {
		ReportPeriod last = null;
		for (String key : this.periods.keySet()) {
			ReportPeriod p = ReportPeriod.parse(key);
			if (p.year() == year && p.index() <= throughPeriodIndex && (last == null || p.compareTo(last) > 0)) {
				last = p;
			}
		}
		return last;
	}

	/**
	 * A copy with one period's entry set and the totals derived again from all entries.
	 */
	ProjectProgress withPeriod(String periodKey, PeriodEntry entry) {
		Map<String, PeriodEntry> next = new TreeMap<>(this.periods);
		next.put(periodKey, entry);
		return withPeriods(next);
	}

	/**
	 * A copy with exactly these period entries and the totals derived from them (also
	 * what the start-up repair rebuilds a roll-up with).
	 */
	ProjectProgress withPeriods(Map<String, PeriodEntry> entries) {
		TreeMap<String, PeriodEntry> next = new TreeMap<>(entries);
		BigDecimal cumulative = BigDecimal.ZERO;
		Map<String, BigDecimal> byYear = new TreeMap<>();
		for (Map.Entry<String, PeriodEntry> e : next.entrySet()) {
			cumulative = cumulative.add(e.getValue().investment());
			byYear.merge(e.getKey().substring(0, 4), e.getValue().investment(), BigDecimal::add);
		}
		String lastKey = next.isEmpty() ? null : next.lastKey();
		Instant lastAt = next.values().stream().map(PeriodEntry::submittedAt).max(Instant::compareTo).orElse(null);
		return new ProjectProgress(this.projectCode, this.districtCode, this.category, next, cumulative, byYear,
				lastKey == null ? null : next.get(lastKey).percent(), lastAt, lastKey, this.milestones, this.light,
				this.lightReasons, this.lightChangedAt, this.version);
	}

	ProjectProgress withMilestones(List<Milestone> milestones) {
		return new ProjectProgress(this.projectCode, this.districtCode, this.category, this.periods,
				this.cumulativeInvestment, this.yearInvestment, this.physicalProgressPercent, this.lastReportedAt,
				this.lastPeriodKey, milestones, this.light, this.lightReasons, this.lightChangedAt, this.version);
	}

	/** A copy ready to be inserted as the first version. */
	ProjectProgress asFirstVersion() {
		return new ProjectProgress(this.projectCode, this.districtCode, this.category, this.periods,
				this.cumulativeInvestment, this.yearInvestment, this.physicalProgressPercent, this.lastReportedAt,
				this.lastPeriodKey, this.milestones, this.light, this.lightReasons, this.lightChangedAt, 0L);
	}

	ProjectProgress withLight(Light light, List<String> reasons, Instant changedAt) {
		return new ProjectProgress(this.projectCode, this.districtCode, this.category, this.periods,
				this.cumulativeInvestment, this.yearInvestment, this.physicalProgressPercent, this.lastReportedAt,
				this.lastPeriodKey, this.milestones, light, reasons, changedAt, this.version);
	}

}
