package gov.shaoxing.investment.liaison;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.earnedvalue.EarnedValue;
import gov.shaoxing.investment.earnedvalue.EarnedValueCalculator;
import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.notice.NoticeStatus;
import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.official.OfficialService;
import gov.shaoxing.investment.progress.Light;
import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ProgressService;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.progress.ProgressCalendar;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.project.ProjectStatus;
import gov.shaoxing.investment.rules.RulesService;
import gov.shaoxing.investment.rules.SupervisionRules;

import org.springframework.stereotype.Service;

/**
 * Scorecards and {@code whoToCall}, computed for all requested people at once from the
 * projects and progress in memory plus one query for their projects' notices.
 */
@Service
class LiaisonService {

	static final int MAX_FIRST = 100;

	private final ProjectService projects;

	private final ProgressReadModel progress;

	private final OfficialService officials;

	private final NoticeService notices;

	private final DistrictService districts;

	private final RulesService rules;

	private final ProgressCalendar calendar;

	LiaisonService(ProjectService projects, ProgressReadModel progress, OfficialService officials,
			NoticeService notices, DistrictService districts, RulesService rules, ProgressCalendar calendar) {
		this.projects = projects;
		this.progress = progress;
		this.officials = officials;
		this.notices = notices;
		this.districts = districts;
		this.rules = rules;
		this.calendar = calendar;
	}

	/** How one project stands for its liaisons. */
	private record Standing(Project project, Light light, RedRuns runs, BigDecimal lag, int openNotices,
			int overdueNotices, EarnedValue earnedValue) {
	}

	private Map<String, Standing> standings(Collection<Project> list, int year, LocalDate asOf) {
		SupervisionRules rule = this.rules.at(asOf);
		Map<String, ProjectProgress> found = this.progress.get(list.stream().map(Project::code).toList());
		Map<String, List<Notice>> notices = list.isEmpty() ? Map.of()
				: this.notices.ofProjects(list.stream().map(Project::code).toList())
					.stream()
					.collect(Collectors.groupingBy(Notice::projectCode));
		int ended = ReportPeriod.endedBy(year, asOf);
		Map<String, Standing> result = new HashMap<>();
		for (Project p : list) {
			ProjectProgress pp = found.get(p.code());
			Light light = ProgressService.judge(pp, p, asOf, rule).light();
			BigDecimal reported = pp == null ? BigDecimal.ZERO : pp.investmentThrough(year, ended);
			BigDecimal lag = p.plannedThroughHalfMonths(ended).subtract(reported).max(BigDecimal.ZERO);
			int open = 0;
			int overdue = 0;
			for (Notice n : notices.getOrDefault(p.code(), List.of())) {
				if (n.outstanding()) {
					open++;
					if (n.status() == NoticeStatus.OVERDUE || n.deadline().isBefore(this.calendar.today())) {
						overdue++;
					}
				}
			}
			result.put(p.code(), new Standing(p, light, RedRuns.of(p, pp, asOf, this.rules), lag, open, overdue,
					EarnedValueCalculator.of(p, pp, asOf, rule)));
		}
		return result;
	}

	private static boolean isLiaison(Project p, Official o) {
		return p.liaison() != null
				&& (o.cityLeader() ? o.id().equals(p.liaison().cityLeaderId()) : o.id().equals(p.liaison().cadreId()));
	}

	/** The scorecards of the given people for a plan year, keyed by official id. */
	Map<String, Scorecard> scorecards(Collection<Official> people, int year) {
		LocalDate asOf = this.calendar.asOf(year);
		List<Project> inYear = this.projects.all().stream().filter((p) -> p.year() == year).toList();
		List<Project> theirs = inYear.stream().filter((p) -> people.stream().anyMatch((o) -> isLiaison(p, o))).toList();
		Map<String, Standing> standings = standings(theirs, year, asOf);
		SupervisionRules rule = this.rules.at(asOf);
		Map<String, Scorecard> result = new HashMap<>();
		for (Official o : people) {
			List<Standing> mine = theirs.stream()
				.filter((p) -> isLiaison(p, o))
				.map((p) -> standings.get(p.code()))
				.toList();
			int started = (int) mine.stream()
				.filter((s) -> s.project().status() == ProjectStatus.UNDER_CONSTRUCTION
						|| s.project().status() == ProjectStatus.COMPLETED)
				.count();
			int completed = (int) mine.stream().filter((s) -> s.project().status() == ProjectStatus.COMPLETED).count();
			result.put(o.id(),
					new Scorecard(year, asOf, o.cityLeader() ? LiaisonRole.CITY_LEADER : LiaisonRole.CADRE, mine.size(),
							count(mine, Light.GREEN), count(mine, Light.YELLOW), count(mine, Light.RED), started,
							completed, rate(started, mine.size()), rate(completed, mine.size()),
							mine.stream().mapToInt(Standing::openNotices).sum(),
							mine.stream().mapToInt(Standing::overdueNotices).sum(),
							mine.stream().mapToInt((s) -> s.runs().current()).max().orElse(0),
							mine.stream().mapToInt((s) -> s.runs().longest()).max().orElse(0),
							EarnedValueCalculator.sum(mine.stream().map(Standing::earnedValue).toList(), asOf, rule)));
		}
		return result;
	}

	/**
	 * The liaisons of a district's projects, most urgent first: the longest current run
	 * of red half-months, then the amount behind 序时进度, then overdue notices.
	 */
	List<Urgency> whoToCall(String districtCode, Integer first) {
		int size = first == null ? 10 : first;
		if (size < 0 || size > MAX_FIRST) {
			throw new ApiException(ErrorCode.PAGE_SIZE_OUT_OF_RANGE, "first", MAX_FIRST, size);
		}
		if (districtCode == null || this.districts.byCode(districtCode) == null) {
			throw new ApiException(ErrorCode.UNKNOWN_DISTRICT, "districtCode", districtCode);
		}
		List<Project> inDistrict = this.projects.all()
			.stream()
			.filter((p) -> districtCode.equals(p.districtCode()) && p.liaison() != null)
			.toList();
		Map<Integer, List<Project>> byYear = inDistrict.stream().collect(Collectors.groupingBy(Project::year));
		Map<String, Standing> standings = new HashMap<>();
		byYear.forEach((year, list) -> standings.putAll(standings(list, year, this.calendar.asOf(year))));
		Map<String, List<Project>> byPerson = new LinkedHashMap<>();
		for (Project p : inDistrict) {
			byPerson.computeIfAbsent(p.liaison().cityLeaderId(), (k) -> new ArrayList<>()).add(p);
			byPerson.computeIfAbsent(p.liaison().cadreId(), (k) -> new ArrayList<>()).add(p);
		}
		byPerson.remove(null);
		Map<String, Official> people = this.officials.byIds(byPerson.keySet());
		List<Urgency> list = new ArrayList<>();
		byPerson.forEach((id, projects) -> {
			Official o = people.get(id);
			if (o == null) {
				return;
			}
			List<Standing> mine = projects.stream().map((p) -> standings.get(p.code())).toList();
			Standing worst = mine.stream()
				.max(Comparator.comparingInt((Standing s) -> s.runs().current())
					.thenComparing((s) -> s.project().code(), Comparator.reverseOrder()))
				.orElseThrow();
			int run = worst.runs().current();
			BigDecimal lag = mine.stream().map(Standing::lag).reduce(BigDecimal.ZERO, BigDecimal::add);
			int overdue = mine.stream().mapToInt(Standing::overdueNotices).sum();
			List<String> reasons = new ArrayList<>();
			if (run > 0) {
				reasons.add(
						"RED_RUN: " + worst.project().code() + " has been red for " + run + " consecutive half-months");
			}
			long behind = mine.stream().filter((s) -> s.lag().signum() > 0).count();
			if (lag.signum() > 0) {
				reasons.add(
						"BEHIND_SCHEDULE: " + lag.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
								+ " 亿元 behind 序时进度 over " + behind + " project" + (behind == 1 ? "" : "s"));
			}
			if (overdue > 0) {
				reasons.add("OVERDUE_NOTICES: " + overdue + " overdue notice" + (overdue == 1 ? "" : "s"));
			}
			list.add(new Urgency(0, o, o.cityLeader() ? LiaisonRole.CITY_LEADER : LiaisonRole.CADRE,
					projects.stream().sorted(Comparator.comparing(Project::code)).toList(), run,
					run > 0 ? worst.project().code() : null, lag, overdue, reasons));
		});
		list.sort(Comparator.comparingInt(Urgency::currentRedRun)
			.reversed()
			.thenComparing(Urgency::lagBehindSchedule, Comparator.reverseOrder())
			.thenComparing(Comparator.comparingInt(Urgency::overdueNotices).reversed())
			.thenComparing((u) -> u.official().id()));
		List<Urgency> ranked = new ArrayList<>();
		for (int i = 0; i < Math.min(size, list.size()); i++) {
			Urgency u = list.get(i);
			ranked.add(new Urgency(i + 1, u.official(), u.role(), u.projects(), u.currentRedRun(),
					u.redRunProjectCode(), u.lagBehindSchedule(), u.overdueNotices(), u.reasons()));
		}
		return ranked;
	}

	private static int count(List<Standing> list, Light light) {
		return (int) list.stream().filter((s) -> s.light() == light).count();
	}

	private static BigDecimal rate(int part, int whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

}
