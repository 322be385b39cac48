package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.progress.LightRule;
import gov.shaoxing.investment.progress.Light;
import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ProgressService;
import gov.shaoxing.investment.progress.SupervisionCalendar;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.supervision.Bulletin.DistrictScore;
import gov.shaoxing.investment.supervision.Bulletin.DistrictStanding;
import gov.shaoxing.investment.supervision.Bulletin.IndicatorStanding;
import gov.shaoxing.investment.supervision.Bulletin.RedProject;
import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Target;
import gov.shaoxing.investment.targets.TargetScope;
import gov.shaoxing.investment.targets.TargetService;

import org.springframework.stereotype.Service;

/**
 * Builds bulletins and rankings from targets, actuals, lights and notices. Whatever the
 * number of projects and reports, a build costs two store queries (indicator reports and
 * overdue notices); everything else is in memory, and a built bulletin is reused until
 * the next change event from any instance.
 */
@Service
public class BulletinService {

	private final TargetService targets;

	private final ActualsService actuals;

	private final DistrictService districts;

	private final ProjectService projects;

	private final ProgressReadModel progress;

	private final ProgressService progressService;

	private final NoticeService notices;

	private final RankingProperties ranking;

	private final SupervisionCalendar calendar;

	private final SupervisionCache cache;

	BulletinService(SupervisionCache cache, TargetService targets, ActualsService actuals, DistrictService districts,
			ProjectService projects, ProgressReadModel progress, ProgressService progressService, NoticeService notices,
			RankingProperties ranking, SupervisionCalendar calendar) {
		this.cache = cache;
		this.targets = targets;
		this.actuals = actuals;
		this.districts = districts;
		this.projects = projects;
		this.progress = progress;
		this.progressService = progressService;
		this.notices = notices;
		this.ranking = ranking;
		this.calendar = calendar;
	}

	public Bulletin monthly(int year, int month) {
		if (month < 1 || month > 12) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "month", "month");
		}
		return this.cache.get("M" + year + "-" + month,
				() -> build(year, month, null, YearMonth.of(year, month).atEndOfMonth()));
	}

	public Bulletin quarterly(int year, int quarter) {
		if (quarter < 1 || quarter > 4) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "quarter", "quarter");
		}
		return this.cache.get("Q" + year + "-" + quarter,
				() -> build(year, quarter * 3, quarter, YearMonth.of(year, quarter * 3).atEndOfMonth()));
	}

	/**
	 * The annual 评比, best first: scores as of the year's end, or as of today while the
	 * year runs.
	 */
	public List<DistrictScore> ranking(int year) {
		requirePlan(year);
		LocalDate asOf = this.calendar.asOf(year);
		return this.cache.get("R" + year + "-" + asOf,
				() -> standings(year, asOf, this.actuals.compute(year, asOf)).stream()
					.map((s) -> new DistrictScore(s.district(), s.score(), s.rank()))
					.toList());
	}

	private Bulletin build(int year, int month, Integer quarter, LocalDate asOf) {
		requirePlan(year);
		Actuals actual = this.actuals.compute(year, asOf);
		List<DistrictStanding> standings = standings(year, asOf, actual);
		List<RedProject> red = new ArrayList<>();
		for (Project p : this.projects.all()) {
			if (p.year() != year) {
				continue;
			}
			LightRule.Verdict verdict = this.progressService.judge(this.progress.get(p.code()), p, asOf);
			if (verdict.light() == Light.RED) {
				red.add(new RedProject(p, verdict.reasons()));
			}
		}
		Map<String, Integer> order = new HashMap<>();
		this.districts.all().forEach((d) -> order.put(d.code(), d.planOrder()));
		red.sort(Comparator.comparing((RedProject r) -> order.getOrDefault(r.project().districtCode(), 99))
			.thenComparing((r) -> r.project().code()));
		return new Bulletin(year, month, quarter, asOf, standings, red, this.notices.overdueOn(asOf));
	}

	private void requirePlan(int year) {
		if (this.targets.find(year, null, null, TargetScope.CITY).isEmpty()) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "planYear", "year", year);
		}
	}

	/** Every district with its indicators, score and rank; districts in rank order. */
	private List<DistrictStanding> standings(int year, LocalDate asOf, Actuals actual) {
		List<Target> districtTargets = this.targets.find(year, null, null, TargetScope.DISTRICT);
		Map<Indicator, List<Target>> byIndicator = new HashMap<>();
		districtTargets.forEach((t) -> byIndicator.computeIfAbsent(t.indicator(), (k) -> new ArrayList<>()).add(t));
		// rank of each district on each indicator, by completion of the guaranteed value
		Map<String, Integer> indicatorRank = new HashMap<>();
		byIndicator.forEach((indicator, list) -> {
			List<Target> rated = list.stream()
				.filter((t) -> Actuals.rate(actual.actual(t), t.guaranteed()) != null)
				.sorted(Comparator.comparing((Target t) -> Actuals.rate(actual.actual(t), t.guaranteed())).reversed())
				.toList();
			assignRanks(rated, (t) -> Actuals.rate(actual.actual(t), t.guaranteed()),
					(t, r) -> indicatorRank.put(t.id(), r));
		});
		List<DistrictStanding> unranked = new ArrayList<>();
		for (District d : this.districts.all()) {
			List<IndicatorStanding> indicators = new ArrayList<>();
			BigDecimal weighted = BigDecimal.ZERO;
			BigDecimal weights = BigDecimal.ZERO;
			for (Target t : districtTargets) {
				if (!d.code().equals(t.districtCode())) {
					continue;
				}
				BigDecimal value = actual.actual(t);
				BigDecimal rate = Actuals.rate(value, t.guaranteed());
				indicators.add(new IndicatorStanding(t.indicator(), t.unit(), t.guaranteed(), t.stretch(), value, rate,
						Actuals.rate(value, t.stretch()), indicatorRank.get(t.id())));
				BigDecimal w = this.ranking.weight(t.indicator());
				if (rate != null && w.signum() > 0) {
					weighted = weighted.add(w.multiply(rate.min(this.ranking.cap())));
					weights = weights.add(w);
				}
			}
			BigDecimal score = weights.signum() == 0 ? BigDecimal.ZERO
					: weighted.multiply(BigDecimal.valueOf(100)).divide(weights, 2, RoundingMode.HALF_UP);
			unranked.add(new DistrictStanding(d, score, 0, indicators));
		}
		unranked.sort(Comparator.comparing(DistrictStanding::score)
			.reversed()
			.thenComparing((s) -> s.district().planOrder()));
		List<DistrictStanding> ranked = new ArrayList<>();
		assignRanks(unranked, DistrictStanding::score,
				(s, r) -> ranked.add(new DistrictStanding(s.district(), s.score(), r, s.indicators())));
		return ranked;
	}

	/** Competition ranking (1, 2, 2, 4) over a list sorted best first. */
	private static <T> void assignRanks(List<T> sorted, java.util.function.Function<T, BigDecimal> value,
			java.util.function.BiConsumer<T, Integer> assign) {
		BigDecimal previous = null;
		int rank = 0;
		for (int i = 0; i < sorted.size(); i++) {
			BigDecimal v = value.apply(sorted.get(i));
			if (previous == null || v.compareTo(previous) != 0) {
				rank = i + 1;
				previous = v;
			}
			assign.accept(sorted.get(i), rank);
		}
	}

}
