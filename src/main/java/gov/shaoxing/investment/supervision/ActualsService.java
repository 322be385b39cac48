package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.indicator.IndicatorReportService;
import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectCategory;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.project.ProjectStatus;
import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Unit;

import org.springframework.stereotype.Service;

/**
 * Computes actuals. Counts and investment of major projects come from the projects and
 * their progress roll-ups (in memory); economy-wide figures from the latest indicator
 * report on or before the day (one query). City-wide values add up the districts, except
 * percentages, which are means weighted by each district's industrial investment.
 */
@Service
class ActualsService {

	private static final BigDecimal FIVE = BigDecimal.valueOf(5);

	private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

	private static final BigDecimal FIFTY = BigDecimal.valueOf(50);

	private final ProjectService projects;

	private final ProgressReadModel progress;

	private final IndicatorReportService indicatorReports;

	private final DistrictService districts;

	ActualsService(ProjectService projects, ProgressReadModel progress, IndicatorReportService indicatorReports,
			DistrictService districts) {
		this.projects = projects;
		this.progress = progress;
		this.indicatorReports = indicatorReports;
		this.districts = districts;
	}

	public Actuals compute(int year, LocalDate asOf) {
		return compute(year, asOf, this.progress::get, null);
	}

	/**
	 * Actuals from the given roll-ups (for example as known at {@code knownAt}) and the
	 * indicator reports recorded by {@code knownAt} (null: all).
	 */
	Actuals compute(int year, LocalDate asOf, Function<String, ProjectProgress> progressOf, Instant knownAt) {
		Map<String, Map<Indicator, BigDecimal>> byDistrict = new HashMap<>();
		for (District d : this.districts.all()) {
			Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
			for (Indicator i : Indicator.values()) {
				if (i.fromProjects()) {
					values.put(i, BigDecimal.ZERO);
				}
			}
			byDistrict.put(d.code(), values);
		}
		int periods = ReportPeriod.endedBy(year, asOf);
		Map<String, Map<Indicator, BigDecimal[]>> plan = new HashMap<>();
		for (Project p : this.projects.all()) {
			if (p.year() != year) {
				continue;
			}
			Map<Indicator, BigDecimal> values = byDistrict.get(p.districtCode());
			if (values == null) {
				continue;
			}
			boolean inConstruction = (p.status() == ProjectStatus.UNDER_CONSTRUCTION
					|| p.status() == ProjectStatus.COMPLETED)
					&& (p.plannedStart() == null || !p.plannedStart().isAfter(asOf));
			if (p.category() == ProjectCategory.INDUSTRIAL && inConstruction) {
				BigDecimal total = p.totalInvestment();
				count(values, Indicator.INDUSTRIAL_PROJECTS_OVER_500M, total.compareTo(FIVE) >= 0);
				count(values, Indicator.INDUSTRIAL_PROJECTS_OVER_1B, total.compareTo(BigDecimal.TEN) >= 0);
				count(values, Indicator.INDUSTRIAL_PROJECTS_OVER_2B, total.compareTo(TWENTY) >= 0);
				count(values, Indicator.INDUSTRIAL_PROJECTS_OVER_5B, total.compareTo(FIFTY) >= 0);
			}
			if (inConstruction) {
				count(values, Indicator.SEI_KEY_PLAN_PROJECTS, p.strategicEmerging());
				count(values, Indicator.TECH_UPGRADE_PLAN_PROJECTS, p.techUpgradePlan());
			}
			if (p.category() == ProjectCategory.SERVICE || p.category() == ProjectCategory.AGRICULTURAL) {
				boolean service = p.category() == ProjectCategory.SERVICE;
				count(values, service ? Indicator.SERVICE_PROJECTS : Indicator.AGRICULTURAL_PROJECTS, inConstruction);
				BigDecimal[] sums = plan.computeIfAbsent(p.districtCode(), (k) -> new EnumMap<>(Indicator.class))
					.computeIfAbsent(service ? Indicator.SERVICE_INVESTMENT : Indicator.AGRICULTURAL_INVESTMENT,
							(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(p.plannedThroughHalfMonths(periods));
				sums[1] = sums[1].add(p.plannedInvestment());
				ProjectProgress rollup = progressOf.apply(p.code());
				if (rollup != null) {
					values.merge(service ? Indicator.SERVICE_INVESTMENT : Indicator.AGRICULTURAL_INVESTMENT,
							rollup.investmentThrough(year, periods), BigDecimal::add);
				}
			}
		}
		int months = asOf.getYear() < year ? 0
				: asOf.getYear() > year ? 12 : asOf.getMonthValue() - (endOfMonth(asOf) ? 0 : 1);
		Map<String, Map<Indicator, BigDecimal>> reported = months == 0 ? Map.of()
				: this.indicatorReports.latest(year, months, knownAt);
		reported.forEach((district, values) -> {
			Map<Indicator, BigDecimal> target = byDistrict.get(district);
			if (target != null) {
				target.putAll(values);
			}
		});
		return new Actuals(year, asOf, byDistrict, city(byDistrict), shares(plan), months);
	}

	/**
	 * 序时进度 of the project-fed investment indicators: the projects' plan to date (their
	 * monthly curves) ÷ their plan for the year, per district and city-wide.
	 */
	private static Map<String, Map<Indicator, BigDecimal>> shares(Map<String, Map<Indicator, BigDecimal[]>> plan) {
		Map<String, Map<Indicator, BigDecimal>> shares = new HashMap<>();
		Map<Indicator, BigDecimal[]> city = new EnumMap<>(Indicator.class);
		plan.forEach((district, byIndicator) -> byIndicator.forEach((indicator, sums) -> {
			share(shares, district, indicator, sums);
			BigDecimal[] total = city.computeIfAbsent(indicator,
					(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			total[0] = total[0].add(sums[0]);
			total[1] = total[1].add(sums[1]);
		}));
		city.forEach((indicator, sums) -> share(shares, null, indicator, sums));
		return shares;
	}

	private static void share(Map<String, Map<Indicator, BigDecimal>> shares, String district, Indicator indicator,
			BigDecimal[] sums) {
		if (sums[1].signum() > 0) {
			shares.computeIfAbsent(district, (k) -> new EnumMap<>(Indicator.class))
				.put(indicator, sums[0].divide(sums[1], 4, RoundingMode.HALF_UP));
		}
	}

	/** A month's figures are known once the month has ended. */
	private static boolean endOfMonth(LocalDate day) {
		return day.getDayOfMonth() == day.lengthOfMonth();
	}

	private static void count(Map<Indicator, BigDecimal> values, Indicator indicator, boolean matches) {
		if (matches) {
			values.merge(indicator, BigDecimal.ONE, BigDecimal::add);
		}
	}

	private static Map<Indicator, BigDecimal> city(Map<String, Map<Indicator, BigDecimal>> byDistrict) {
		Map<Indicator, BigDecimal> city = new EnumMap<>(Indicator.class);
		for (Indicator i : Indicator.values()) {
			if (i.unit() != Unit.PERCENT) {
				BigDecimal sum = null;
				for (Map<Indicator, BigDecimal> values : byDistrict.values()) {
					BigDecimal v = values.get(i);
					if (v != null) {
						sum = sum == null ? v : sum.add(v);
					}
				}
				if (sum != null) {
					city.put(i, sum);
				}
			}
			else {
				BigDecimal weighted = BigDecimal.ZERO;
				BigDecimal weights = BigDecimal.ZERO;
				for (Map<Indicator, BigDecimal> values : byDistrict.values()) {
					BigDecimal v = values.get(i);
					BigDecimal w = values.get(Indicator.INDUSTRIAL_INVESTMENT);
					if (v != null && w != null && w.signum() > 0) {
						weighted = weighted.add(v.multiply(w));
						weights = weights.add(w);
					}
				}
				if (weights.signum() > 0) {
					city.put(i, weighted.divide(weights, 2, RoundingMode.HALF_UP));
				}
			}
		}
		return city;
	}

}
