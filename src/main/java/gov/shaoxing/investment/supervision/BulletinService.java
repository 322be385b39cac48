package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.progress.Light;
import gov.shaoxing.investment.progress.LightRule;
import gov.shaoxing.investment.progress.ProgressHistory;
import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ProgressService;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ProgressCalendar;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.rules.Explanation;
import gov.shaoxing.investment.rules.NamedValue;
import gov.shaoxing.investment.rules.RulesService;
import gov.shaoxing.investment.rules.SupervisionRules;
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
 * Builds bulletins and rankings from targets, actuals, lights and notices, under the rule
 * version in force on the bulletin's day or a chosen one. Whatever the number of projects
 * and reports, a build costs two store queries (indicator reports and overdue notices),
 * three as known at a past moment (the reports too); everything else is in memory, and a
 * built bulletin is reused until the next change event from any instance.
 */
@Service
public class BulletinService {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final TargetService targets;

	private final ActualsService actuals;

	private final DistrictService districts;

	private final ProjectService projects;

	private final ProgressReadModel progress;

	private final ProgressHistory history;

	private final NoticeService notices;

	private final RulesService rules;

	private final ProgressCalendar calendar;

	private final SupervisionCache cache;

	BulletinService(SupervisionCache cache, TargetService targets, ActualsService actuals, DistrictService districts,
			ProjectService projects, ProgressReadModel progress, ProgressHistory history, NoticeService notices,
			RulesService rules, ProgressCalendar calendar) {
		this.cache = cache;
		this.targets = targets;
		this.actuals = actuals;
		this.districts = districts;
		this.projects = projects;
		this.progress = progress;
		this.history = history;
		this.notices = notices;
		this.rules = rules;
		this.calendar = calendar;
	}

	public Bulletin monthly(int year, int month) {
		return monthly(year, month, null, null);
	}

	/**
	 * The month's bulletin under {@code ruleVersion} (null: the version in force on the
	 * month's last day), as known at {@code knownAt} (null: now).
	 */
	public Bulletin monthly(int year, int month, Integer ruleVersion, Instant knownAt) {
		if (month < 1 || month > 12) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "month", "month");
		}
		LocalDate asOf = YearMonth.of(year, month).atEndOfMonth();
		SupervisionRules version = rulesFor(ruleVersion, asOf);
		return this.cache.get("M" + year + "-" + month + "@" + version.version() + "/" + knownAt,
				() -> build(year, month, null, asOf, version, knownAt));
	}

	public Bulletin quarterly(int year, int quarter) {
		if (quarter < 1 || quarter > 4) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "quarter", "quarter");
		}
		LocalDate asOf = YearMonth.of(year, quarter * 3).atEndOfMonth();
		SupervisionRules version = this.rules.at(asOf);
		return this.cache.get("Q" + year + "-" + quarter + "@" + version.version(),
				() -> build(year, quarter * 3, quarter, asOf, version, null));
	}

	/**
	 * The annual 评比, best first: scores as of the year's end, or as of today while the
	 * year runs.
	 */
	public List<DistrictScore> ranking(int year) {
		requirePlan(year);
		LocalDate asOf = this.calendar.asOf(year);
		SupervisionRules version = this.rules.at(asOf);
		return this.cache.get("R" + year + "-" + asOf + "@" + version.version(),
				() -> standings(year, this.actuals.compute(year, asOf), version).stream()
					.map((s) -> new DistrictScore(s.district(), s.score(), s.rank(), s.explain()))
					.toList());
	}

	private SupervisionRules rulesFor(Integer ruleVersion, LocalDate asOf) {
		if (ruleVersion == null) {
			return this.rules.at(asOf);
		}
		SupervisionRules found = this.rules.version(ruleVersion);
		if (found == null) {
			throw new ApiException(ErrorCode.UNKNOWN_RULE_VERSION, "ruleVersion", ruleVersion);
		}
		return found;
	}

	private Bulletin build(int year, int month, Integer quarter, LocalDate asOf, SupervisionRules version,
			Instant knownAt) {
		requirePlan(year);
		Function<String, ProjectProgress> progressOf;
		if (knownAt == null) {
			progressOf = this.progress::get;
		}
		else {
			Map<String, ProjectProgress> known = this.history.asKnownAt(year, knownAt);
			progressOf = known::get;
		}
		Actuals actual = this.actuals.compute(year, asOf, progressOf, knownAt);
		List<DistrictStanding> standings = standings(year, actual, version);
		List<RedProject> red = new ArrayList<>();
		for (Project p : this.projects.all()) {
			if (p.year() != year) {
				continue;
			}
			LightRule.Verdict verdict = ProgressService.judge(progressOf.apply(p.code()), p, asOf, version);
			if (verdict.light() == Light.RED) {
				red.add(new RedProject(p, verdict.reasons(), verdict.explain()));
			}
		}
		Map<String, Integer> order = new HashMap<>();
		this.districts.all().forEach((d) -> order.put(d.code(), d.planOrder()));
		red.sort(Comparator.comparing((RedProject r) -> order.getOrDefault(r.project().districtCode(), 99))
			.thenComparing((r) -> r.project().code()));
		return new Bulletin(year, month, quarter, asOf, version.version(), knownAt, null, standings, red,
				this.notices.overdueOn(asOf, knownAt));
	}

	void requirePlan(int year) {
		if (this.targets.find(year, TargetScope.CITY).isEmpty()) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "planYear", "year", year);
		}
	}

	/** Every district with its indicators, score and rank; districts in rank order. */
	private List<DistrictStanding> standings(int year, Actuals actual, SupervisionRules version) {
		SupervisionRules.RankingRules ranking = version.ranking();
		List<Target> districtTargets = this.targets.find(year, TargetScope.DISTRICT);
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
			List<NamedValue> inputs = new ArrayList<>();
			List<NamedValue> thresholds = new ArrayList<>();
			thresholds.add(NamedValue.of("cap", ranking.cap()));
			List<String> exempt = new ArrayList<>();
			for (Target t : districtTargets) {
				if (!d.code().equals(t.districtCode())) {
					continue;
				}
				BigDecimal value = actual.actual(t);
				BigDecimal rate = Actuals.rate(value, t.guaranteed());
				indicators.add(new IndicatorStanding(t.indicator(), t.unit(), t.guaranteed(), t.stretch(), value, rate,
						Actuals.rate(value, t.stretch()), indicatorRank.get(t.id())));
				BigDecimal w = ranking.weight(t.indicator());
				SupervisionRules.RankingExemption exemption = ranking.exemptionFor(d.code(), t.indicator());
				if (exemption != null) {
					exempt.add(t.indicator() + " (" + exemption.reason() + ")");
					continue;
				}
				if (rate != null && w.signum() > 0) {
					weighted = weighted.add(w.multiply(rate.min(ranking.cap())));
					weights = weights.add(w);
					inputs.add(NamedValue.of(t.indicator() + ".completionRate", rate));
					thresholds.add(NamedValue.of(t.indicator() + ".weight", w));
				}
			}
			BigDecimal score = weights.signum() == 0 ? BigDecimal.ZERO
					: weighted.multiply(HUNDRED).divide(weights, 2, RoundingMode.HALF_UP);
			String reason = "score = 100 × Σ w·min(rate, " + plain(ranking.cap()) + ") ÷ Σ w = 100 × "
					+ plain(weighted.setScale(4, RoundingMode.HALF_UP)) + " ÷ " + plain(weights) + " = " + plain(score)
					+ " over " + inputs.size() + " indicators with a rate and a weight"
					+ (exempt.isEmpty() ? "" : "; exempt: " + String.join(", ", exempt));
			unranked.add(new DistrictStanding(d, score, 0, indicators,
					new Explanation(version.version(), inputs, thresholds, reason)));
		}
		unranked.sort(Comparator.comparing(DistrictStanding::score)
			.reversed()
			.thenComparing((s) -> s.district().planOrder()));
		List<DistrictStanding> ranked = new ArrayList<>();
		assignRanks(unranked, DistrictStanding::score,
				(s, r) -> ranked.add(new DistrictStanding(s.district(), s.score(), r, s.indicators(), s.explain())));
		return ranked;
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	/** Competition ranking (1, 2, 2, 4) over a list sorted best first. */
	private static <T> void assignRanks(List<T> sorted, Function<T, BigDecimal> value, BiConsumer<T, Integer> assign) {
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
