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
import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.supervision.BulletinService;
import org.bson.Document;
import org.bson.types.Decimal128;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Supervision load: 24 half-monthly reports for every synthetic project, and the
 * exact-totals check afterwards.
 */
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
						p.category().name(), period, period.key(), amount, BigDecimal.valueOf(4L * index), List.of(),
						null, List.of(), "bench-" + code + "-" + period.key(), 0, at, "bench", true, true));
				count++;
			}
			histories.add(new ProgressImporter.History(p, reports, List.of()));
		}
		context.getBean(ProgressImporter.class).replaceAll(histories);
		System.out.printf("Loaded %,d progress reports for %,d projects in %.1f s%n", count, codes.size(),
				(System.nanoTime() - start) / 1e9);
		long warm = System.nanoTime();
		int rollups = context.getBean(ProgressReadModel.class).all().size();
		System.out.printf("Read model warmed with %,d roll-ups in %.1f s%n", rollups, (System.nanoTime() - warm) / 1e9);
		for (int i = 0; i < 3; i++) {
			long one = System.nanoTime();
			context.getBean(BulletinService.class).monthly(2012, 9);
			System.out.printf("Bulletin computed in-process in %.0f ms%n", (System.nanoTime() - one) / 1e6);
		}
	}

	// roll-ups are read a page at a time: with 24 period entries one is about 12 KB, and
	// all 10,339 in one reply
	// (123 MB) are more than the 48 MB the embedded server's driver accepts

	private static final int PAGE = 1000;

	/** Every roll-up must equal the sum of its project's current reports. */
	static void checkTotals(ConfigurableApplicationContext context) {
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		String rollupCollection = mongo.getCollectionName(ProjectProgress.class);
		String reportCollection = mongo.getCollectionName(ProgressReport.class);
		int checked = 0;
		int wrong = 0;
		String after = null;
		while (true) {
			Query page = new Query((after == null) ? new Criteria() : Criteria.where("_id").gt(after))
				.with(Sort.by("_id"))
				.limit(PAGE);
			page.fields().include("_id", "cumulativeInvestment");
			List<Document> rollups = mongo.find(page, Document.class, rollupCollection);
			if (rollups.isEmpty()) {
				break;
			}
			List<String> codes = rollups.stream().map((d) -> d.getString("_id")).toList();
			Query current = Query.query(Criteria.where("current").is(true).and("projectCode").in(codes));
			current.fields().include("projectCode", "investmentCompleted");
			Map<String, BigDecimal> sums = new HashMap<>();
			for (Document r : mongo.find(current, Document.class, reportCollection)) {
				sums.merge(r.getString("projectCode"), decimal(r.get("investmentCompleted")), BigDecimal::add);
			}
			for (Document p : rollups) {
				checked++;
				BigDecimal expected = sums.getOrDefault(p.getString("_id"), BigDecimal.ZERO);
				if (decimal(p.get("cumulativeInvestment")).compareTo(expected) != 0) {
					wrong++;
				}
			}
			after = codes.get(codes.size() - 1);
		}
		System.out.printf("Totals after the submissions: %,d projects checked, %,d differ from the sum of their "
				+ "current reports%n", checked, wrong);
	}

	private static BigDecimal decimal(Object value) {
		if (value instanceof Decimal128 d) {
			return d.bigDecimalValue();
		}
		return (value == null) ? BigDecimal.ZERO : new BigDecimal(value.toString());
	}

}
