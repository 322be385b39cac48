package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectFilter;
import gov.shaoxing.investment.project.ProjectService;

import org.springframework.stereotype.Service;

/**
 * {@code progressAggregate}: reported investment, plan, physical progress and counts of
 * the plan year's matching projects, grouped by up to two keys, one of which may be a
 * time bucket. Served from the read models (projects and progress roll-ups in memory): no
 * store query with the read model on.
 */
@Service
class ProgressAggregateService {

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	private final ProjectService projects;

	private final ProgressReadModel progress;

	ProgressAggregateService(ProjectService projects, ProgressReadModel progress) {
		this.projects = projects;
		this.progress = progress;
	}

	/** One group: its key values in the order of {@code by}, and its sums. */
	record ProgressGroup(List<String> key, int projects, int reportingProjects, int reports, BigDecimal investment,
			BigDecimal planned, BigDecimal averagePhysicalProgressPercent) {
	}

	private static final class Sums {

		final Set<String> projects = new HashSet<>();

		final Set<String> reporting = new HashSet<>();

		final Map<String, ReportPeriod> latestPeriod = new HashMap<>();

		final Map<String, BigDecimal> latestPercent = new HashMap<>();

		int reports;

		BigDecimal investment = BigDecimal.ZERO;

		BigDecimal planned = BigDecimal.ZERO;

	}

	List<ProgressGroup> aggregate(ProjectFilter filter, List<ProgressGroupBy> by, int year) {
		if (by == null || by.isEmpty() || by.size() > 2 || EnumSet.copyOf(by).size() != by.size()) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "groupBy", "by");
		}
		if (by.stream().filter(ProgressGroupBy::isTime).count() > 1) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "groupByTime", "by");
		}
		List<Project> matches = this.projects.search(filter, null, 0, null)
			.aggregate()
			.matches()
			.stream()
			.filter((p) -> p.year() == year)
			.toList();
		Map<String, ProjectProgress> rollups = this.progress.get(matches.stream().map(Project::code).toList());
		Map<List<String>, Sums> groups = new TreeMap<>(ProgressAggregateService::compareKeys);
		for (Project p : matches) {
			ProjectProgress rollup = rollups.get(p.code());
			List<BigDecimal> monthly = p.monthlyPlan();
			for (int index = 1; index <= 24; index++) {
				ReportPeriod period = new ReportPeriod(year, (index + 1) / 2, index % 2 == 1 ? 1 : 2);
				List<String> key = new ArrayList<>();
				for (ProgressGroupBy b : by) {
					key.add(keyOf(b, p, period));
				}
				Sums sums = groups.computeIfAbsent(key, (k) -> new Sums());
				sums.projects.add(p.code());
				sums.planned = sums.planned.add(monthly.get(period.month() - 1).divide(TWO));
				ProjectProgress.PeriodEntry entry = rollup == null ? null : rollup.periods().get(period.key());
				if (entry != null) {
					sums.reports++;
					sums.reporting.add(p.code());
					sums.investment = sums.investment.add(entry.investment());
					ReportPeriod seen = sums.latestPeriod.get(p.code());
					if (entry.percent() != null && (seen == null || period.compareTo(seen) > 0)) {
						sums.latestPeriod.put(p.code(), period);
						sums.latestPercent.put(p.code(), entry.percent());
					}
				}
			}
		}
		List<ProgressGroup> result = new ArrayList<>();
		groups.forEach((key, s) -> {
			BigDecimal mean = null;
			if (!s.latestPercent.isEmpty()) {
				mean = s.latestPercent.values()
					.stream()
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(BigDecimal.valueOf(s.latestPercent.size()), 2, RoundingMode.HALF_UP);
			}
			result.add(new ProgressGroup(key, s.projects.size(), s.reporting.size(), s.reports, s.investment,
					s.planned.stripTrailingZeros(), mean));
		});
		return result;
	}

	private static String keyOf(ProgressGroupBy by, Project p, ReportPeriod period) {
		return switch (by) {
			case DISTRICT -> p.districtCode();
			case CATEGORY -> p.category().name();
			case LEAD_DEPARTMENT -> p.leadDepartmentCode();
			case CITY_LEADER ->
				p.liaison() == null || p.liaison().cityLeaderId() == null ? "-" : p.liaison().cityLeaderId();
			case MONTH -> period.year() + (period.month() < 10 ? "-0" : "-") + period.month();
			case HALF_MONTH -> period.key();
			case QUARTER -> period.year() + "-Q" + ((period.month() + 2) / 3);
		};
	}

	private static int compareKeys(List<String> a, List<String> b) {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int c = a.get(i).compareTo(b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

}
