package gov.shaoxing.investment.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import gov.shaoxing.investment.progress.ProgressImporter;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Supervision load: 24 half-monthly reports for every synthetic project, and the exact-totals check afterwards. */
final class SupervisionLoad {

	private SupervisionLoad() {
	}

	static void reports(ConfigurableApplicationContext context, List<String> codes, long seed) {
		long start = System.nanoTime();
		SplittableRandom random = new SplittableRandom(seed);
		Map<String, Project> projects = context.getBean(ProjectService.class).byCodes(codes);
		List<ProgressImporter.History> histories = new ArrayList<>();
		int count = 0;
		for (String code : codes) {
			Project p = projects.get(code);
			List<ProgressReport> reports = new ArrayList<>();
			for (int index = 1; index <= 24; index++) {
				ReportPeriod period = new ReportPeriod(2012, (index + 1) / 2, index % 2 == 1 ? 1 : 2);
				BigDecimal amount = p.plannedInvestment()
					.multiply(BigDecimal.valueOf(0.02 + random.nextDouble() * 0.06))
					.setScale(4, RoundingMode.HALF_UP);
				Instant at = period.end().atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
				reports.add(new ProgressReport("RBENCH-" + code + "-" + period.key(), code, p.districtCode(),
						p.category().name(), period, period.key(), amount, BigDecimal.valueOf(4L * index), List.of(), null,
						List.of(), "bench-" + code + "-" + period.key(), 0, at, "bench", true, true));
				count++;
			}
			histories.add(new ProgressImporter.History(p, reports, List.of()));
		}
		context.getBean(ProgressImporter.class).replaceAll(histories);
		System.out.printf("Loaded %,d progress reports for %,d projects in %.1f s%n", count, codes.size(),
				(System.nanoTime() - start) / 1e9);
		long warm = System.nanoTime();
		int rollups = context.getBean(gov.shaoxing.investment.progress.ProgressReadModel.class).all().size();
		System.out.printf("Read model warmed with %,d roll-ups in %.1f s%n", rollups, (System.nanoTime() - warm) / 1e9);
		for (int i = 0; i < 3; i++) {
			long one = System.nanoTime();
			context.getBean(gov.shaoxing.investment.supervision.BulletinService.class).monthly(2012, 9);
			System.out.printf("Bulletin computed in-process in %.0f ms%n", (System.nanoTime() - one) / 1e6);
		}
	}

	/** Every roll-up must equal the sum of its project's current reports. */
	static void checkTotals(ConfigurableApplicationContext context) {
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		Map<String, BigDecimal> sums = new HashMap<>();
		for (ProgressReport r : mongo.find(Query.query(Criteria.where("current").is(true)), ProgressReport.class)) {
			sums.merge(r.projectCode(), r.investmentCompleted(), BigDecimal::add);
		}
		int checked = 0;
		int wrong = 0;
		for (ProjectProgress p : mongo.findAll(ProjectProgress.class)) {
			checked++;
			if (p.cumulativeInvestment().compareTo(sums.getOrDefault(p.projectCode(), BigDecimal.ZERO)) != 0) {
				wrong++;
			}
		}
		System.out.printf("Totals after the submissions: %,d projects checked, %,d differ from the sum of their "
				+ "current reports%n", checked, wrong);
	}

}
