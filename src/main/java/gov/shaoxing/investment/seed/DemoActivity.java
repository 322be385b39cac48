package gov.shaoxing.investment.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.indicator.IndicatorReport;
import gov.shaoxing.investment.indicator.IndicatorReportService;
import gov.shaoxing.investment.inspection.Inspection;
import gov.shaoxing.investment.inspection.InspectionRating;
import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.notice.NoticeSource;
import gov.shaoxing.investment.notice.NoticeStatus;
import gov.shaoxing.investment.progress.Milestone;
import gov.shaoxing.investment.progress.MilestoneStatus;
import gov.shaoxing.investment.progress.ProgressImporter;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Target;
import gov.shaoxing.investment.targets.Unit;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Demo supervision activity, generated deterministically (fixed seed, no clock):
 * half-monthly reports for every demo project from January to the pinned month,
 * milestones, monthly economy-wide statistics per district, and a few notices. Districts
 * get different paces, so the bulletin shows some ahead, some behind and some red lights.
 * All of it is marked demo, with sequence 0 so that any real report for the same period
 * replaces it.
 */
final class DemoActivity {

	static final long SEED = 20120401L;

	private static final ZoneId SHAOXING = ZoneId.of("Asia/Shanghai");

	/** How fast each district's projects go, relative to plan. */
	private static final Map<String, Double> PACE = Map.ofEntries(Map.entry("SX_COUNTY", 1.08), Map.entry("ZHUJI", 1.0),
			Map.entry("SHANGYU", 1.04), Map.entry("SHENGZHOU", 0.82), Map.entry("XINCHANG", 0.92),
			Map.entry("YUECHENG", 0.74), Map.entry("HIGH_TECH_ZONE", 1.12), Map.entry("PAOJIANG", 0.97),
			Map.entry("JINGHU", 0.66), Map.entry("BINHAI", 0.86), Map.entry("CITY_DIRECT", 0.95));

	private static final String[] PROBLEMS = { "用地指标尚未落实", "施工许可手续办理滞后", "配套电力增容未到位", "项目融资缺口较大", "环评审批进度偏慢" };

	private static final String[] PROBLEM_DEPARTMENTS = { "GTJ", "FGW", "JXW", "RMYH", "FGW" };

	private DemoActivity() {
	}

	static void load(MongoTemplate mongo, ProgressImporter importer, IndicatorReportService indicators,
			List<Project> projects, List<District> districts, List<Target> targets, YearMonth through) {
		Random random = new Random(SEED);
		int year = through.getYear();
		int lastPeriod = through.getMonthValue() * 2;
		List<ProgressImporter.History> histories = new ArrayList<>();
		List<Notice> notices = new ArrayList<>();
		for (Project p : projects.stream().sorted(Comparator.comparing(Project::code)).toList()) {
			double pace = PACE.getOrDefault(p.districtCode(), 1.0) * (0.55 + random.nextDouble() * 0.75);
			// a few projects stop reporting partway: their lights turn red for missing
			// reports
			int stopsAfter = random.nextInt(100) < 6 ? 6 + random.nextInt(12) : 24;
			List<ProgressReport> reports = new ArrayList<>();
			BigDecimal perPeriod = p.plannedInvestment().divide(BigDecimal.valueOf(24), 6, RoundingMode.HALF_UP);
			double percent = 5 + random.nextInt(20);
			for (int index = 1; index <= Math.min(lastPeriod, stopsAfter); index++) {
				ReportPeriod period = new ReportPeriod(year, (index + 1) / 2, index % 2 == 1 ? 1 : 2);
				double noise = 0.6 + random.nextDouble() * 0.8;
				BigDecimal amount = perPeriod.multiply(BigDecimal.valueOf(pace * noise))
					.setScale(4, RoundingMode.HALF_UP);
				percent = Math.min(100, percent + 100.0 / 30 * pace * noise);
				Instant at = period.end().plusDays(2).atTime(10, 0).atZone(SHAOXING).toInstant();
				String id = demoId("R", at, p.code() + "-" + period.key());
				reports.add(new ProgressReport(id, p.code(), p.districtCode(), p.category().name(), period,
						period.key(), amount, BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP), List.of(),
						null, List.of(), "demo-" + p.code() + "-" + period.key(), 0, at, "demo", true, true));
			}
			List<Milestone> milestones = milestones(p, pace, through, random);
			histories.add(new ProgressImporter.History(p, reports, milestones));
			if (pace < 0.7 && random.nextInt(3) == 0) {
				int which = random.nextInt(PROBLEMS.length);
				LocalDate raised = LocalDate.of(year, 2 + random.nextInt(Math.max(1, through.getMonthValue() - 1)), 5);
				LocalDate deadline = raised.plusDays(15);
				boolean resolved = random.nextBoolean();
				Instant raisedAt = raised.atTime(9, 0).atZone(SHAOXING).toInstant();
				Instant resolvedAt = resolved ? deadline.minusDays(3).atTime(17, 0).atZone(SHAOXING).toInstant() : null;
				NoticeStatus status = resolved ? NoticeStatus.RESOLVED : NoticeStatus.OVERDUE;
				List<Notice.Transition> history = new ArrayList<>();
				history.add(new Notice.Transition(raisedAt, null, NoticeStatus.OPEN, "demo", "raised"));
				history.add(resolved
						? new Notice.Transition(resolvedAt, NoticeStatus.OPEN, NoticeStatus.RESOLVED, "demo", "已协调解决")
						: new Notice.Transition(deadline.plusDays(1).atStartOfDay(SHAOXING).toInstant(),
								NoticeStatus.OPEN, NoticeStatus.OVERDUE, "system", "deadline passed"));
				notices.add(new Notice(demoId("N", raisedAt, p.code()), p.code(), p.districtCode(),
						PROBLEM_DEPARTMENTS[which], NoticeSource.PROGRESS_REPORT, null, PROBLEMS[which] + "(演示)",
						deadline, status, raisedAt, resolved ? resolvedAt : raisedAt, resolvedAt,
						resolved ? "已协调解决(演示)" : null, history, 0L));
			}
		}
		long t0 = System.nanoTime();
		importer.replaceAll(histories);
		long t1 = System.nanoTime();
		mongo.remove(Query.query(Criteria.where("_id").regex("^N\\d{17}-D")), Notice.class);
		if (!notices.isEmpty()) {
			mongo.insertAll(notices);
		}
		inspections(mongo, projects, through, random);
		long t2 = System.nanoTime();
		indicatorReports(indicators, districts, targets, through, random);
		LoggerFactory.getLogger(DemoActivity.class)
			.info("Demo activity: {} progress reports in {} ms, {} notices, indicator reports in {} ms",
					histories.stream().mapToInt((h) -> h.reports().size()).sum(), (t1 - t0) / 1000000, notices.size(),
					(System.nanoTime() - t2) / 1000000);
	}

	/**
	 * 半月一督查: a demo inspection of every twelfth project each quarter, a few with
	 * findings.
	 */
	private static void inspections(MongoTemplate mongo, List<Project> projects, YearMonth through, Random random) {
		String[] findings = { "现场施工正常,人员设备到位(演示)", "主体结构施工中,进度略慢于计划(演示)", "设备尚未进场,需加快推进(演示)", "现场停工,企业资金紧张(演示)" };
		InspectionRating[] ratings = InspectionRating.values();
		List<Inspection> list = new ArrayList<>();
		List<Project> sorted = projects.stream().sorted(Comparator.comparing(Project::code)).toList();
		for (int i = 0; i < sorted.size(); i += 12) {
			Project p = sorted.get(i);
			for (int month = 3; month <= through.getMonthValue(); month += 3) {
				int which = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3);
				LocalDate date = LocalDate.of(through.getYear(), month, 10 + random.nextInt(10));
				double lat = p.location() == null ? 30.0
						: p.location().latitude() + (random.nextDouble() - 0.5) * 0.002;
				double lon = p.location() == null ? 120.58
						: p.location().longitude() + (random.nextDouble() - 0.5) * 0.002;
				Instant at = date.atTime(16, 0).atZone(SHAOXING).toInstant();
				list.add(new Inspection(demoId("I", at, p.code()), p.code(), p.districtCode(), date,
						new Inspection.Position(lat, lon, 15.0), 0.1, findings[which],
						ratings[Math.min(which, ratings.length - 1)], List.of(), List.of(), "demo-inspector", at));
			}
		}
		mongo.remove(Query.query(Criteria.where("_id").regex("^I\\d{17}-D")), Inspection.class);
		mongo.insertAll(list);
	}

	/**
	 * Ids in the same time-ordered shape as live ones ({@code R20120317100000000-D…}), so
	 * feeds sort them by date.
	 */
	static String demoId(String prefix, Instant at, String suffix) {
		return prefix + DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC).format(at) + "-D"
				+ suffix;
	}

	private static List<Milestone> milestones(Project p, double pace, YearMonth through, Random random) {
		int year = through.getYear();
		LocalDate[] due = { LocalDate.of(year, 3, 31), LocalDate.of(year, 6, 30), LocalDate.of(year, 9, 30),
				LocalDate.of(year, 12, 20) };
		String[] titles = { "完成年度投资计划备案", "主体工程开工", "主体结构完工", "设备安装调试" };
		LocalDate cutoff = through.atEndOfMonth();
		List<Milestone> list = new ArrayList<>();
		for (int i = 0; i < due.length; i++) {
			MilestoneStatus status = MilestoneStatus.SCHEDULED;
			LocalDate met = null;
			if (!due[i].isAfter(cutoff)) {
				double chance = Math.min(0.97, pace * 0.9);
				if (random.nextDouble() < chance) {
					status = MilestoneStatus.MET;
					met = due[i].minusDays(random.nextInt(20));
				}
				else {
					status = random.nextBoolean() ? MilestoneStatus.NOT_MET : MilestoneStatus.PARTIALLY_MET;
				}
			}
			list.add(new Milestone(p.code() + "-M" + (i + 1), titles[i] + "(演示)", due[i], met, status));
		}
		return list;
	}

	/**
	 * Monthly year-to-date figures for every economy-wide indicator a district has a
	 * target for.
	 */
	private static void indicatorReports(IndicatorReportService indicators, List<District> districts,
			List<Target> targets, YearMonth through, Random random) {
		int year = through.getYear();
		List<IndicatorReport> reports = new ArrayList<>();
		for (District d : districts) {
			double pace = PACE.getOrDefault(d.code(), 1.0);
			for (Target t : targets) {
				boolean growth = t.indicator() == Indicator.INDUSTRIAL_INVESTMENT_GROWTH;
				if (t.year() != year || t.indicator().fromProjects()
						|| (!d.code().equals(t.districtCode()) && !(growth && t.districtCode() == null))) {
					continue;
				}
				double drift = pace * (0.92 + random.nextDouble() * 0.16);
				for (int month = 1; month <= through.getMonthValue(); month++) {
					BigDecimal value;
					if (t.unit() == Unit.PERCENT) {
						value = t.guaranteed()
							.multiply(BigDecimal.valueOf(Math.min(1.6, drift) * (0.97 + random.nextDouble() * 0.06)))
							.setScale(1, RoundingMode.HALF_UP);
						if (!growth) {
							value = value.min(BigDecimal.valueOf(100));
						}
					}
					else {
						BigDecimal share = t.guaranteed().multiply(BigDecimal.valueOf(drift * month / 12.0));
						value = t.unit() == Unit.COUNT ? share.setScale(0, RoundingMode.HALF_DOWN)
								: share.setScale(2, RoundingMode.HALF_UP);
					}
					Instant at = through.withMonth(month)
						.atEndOfMonth()
						.plusDays(5)
						.atTime(9, 0)
						.atZone(SHAOXING)
						.toInstant();
					reports.add(new IndicatorReport(IndicatorReport.idOf(year, month, d.code(), t.indicator()), year,
							month, d.code(), t.indicator(), t.unit(), value,
							"demo-" + d.code() + "-" + t.indicator() + "-" + month, 0, at, "demo", true));
				}
			}
		}
		indicators.importAll(reports);
	}

}