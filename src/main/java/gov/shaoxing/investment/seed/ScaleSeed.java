package gov.shaoxing.investment.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import gov.shaoxing.investment.progress.ProgressImporter;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@code seed --scale-projects=N}: N synthetic projects cloned from the demo set, for
 * measuring at scale, with a half-monthly report for every period of the demo year
 * through {@code investment.seed.demo-through}. Deterministic: the clones are those the
 * peer benchmark's loader writes ({@code PEER-00001}…: round-robin over the demo projects
 * in code order, amounts scaled by 0.75–1.25 to 2 decimals, the location moved by up to
 * ±0.01°, a fresh serial in the national code, the name marked {@code #i(演示)}), so both
 * loaders give the same data. Running it again replaces the clones and their reports.
 */
@Component
class ScaleSeed {

	private static final Logger log = LoggerFactory.getLogger(ScaleSeed.class);

	static final String PREFIX = "PEER-";

	private static final int BATCH = 1000;

	private static final ZoneId SHAOXING = ZoneId.of("Asia/Shanghai");

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final ProgressImporter progress;

	private final SeedProperties properties;

	ScaleSeed(MongoTemplate mongo, ProjectService projects, ProgressImporter progress, SeedProperties properties) {
		this.mongo = mongo;
		this.projects = projects;
		this.progress = progress;
		this.properties = properties;
	}

	void load(int count) {
		long start = System.nanoTime();
		List<Project> templates = this.projects.all()
			.stream()
			.filter((p) -> !p.code().startsWith(PREFIX))
			.sorted(Comparator.comparing(Project::code))
			.toList();
		if (templates.isEmpty()) {
			throw new IllegalStateException("No demo projects to clone: the seed did not load.");
		}
		// one pass over each collection, instead of a removal per batch
		Criteria clones = Criteria.where("_id").regex("^" + PREFIX);
		this.mongo.remove(Query.query(Criteria.where("projectCode").regex("^" + PREFIX)), ProgressReport.class);
		this.mongo.remove(Query.query(clones), ProjectProgress.class);
		this.mongo.remove(Query.query(clones), Project.class);
		List<Project> clonesMade = clones(templates, count);
		YearMonth through = this.properties.demoThrough();
		int reports = 0;
		for (int from = 0; from < clonesMade.size(); from += BATCH) {
			List<Project> batch = clonesMade.subList(from, Math.min(clonesMade.size(), from + BATCH));
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Project.class);
			bulk.insert(batch);
			bulk.execute();
			List<ProgressImporter.History> histories = new ArrayList<>(batch.size());
			for (Project p : batch) {
				List<ProgressReport> history = reports(p, through);
				reports += history.size();
				histories.add(new ProgressImporter.History(p, history, List.of()));
			}
			this.progress.importNew(histories);
			if ((from / BATCH) % 10 == 9) {
				log.info("Scale seed: {} of {} projects, {} reports, {} s", from + batch.size(), count, reports,
						(System.nanoTime() - start) / 1_000_000_000);
			}
		}
		this.projects.invalidate();
		log.info("Scale seed: {} synthetic projects cloned from {} demo projects, {} progress reports, in {} s", count,
				templates.size(), reports, (System.nanoTime() - start) / 1_000_000_000);
	}

	/** The clones, exactly as the peer benchmark's loader makes them. */
	static List<Project> clones(List<Project> templates, int count) {
		Mulberry32 random = new Mulberry32(42);
		Set<String> taken = new HashSet<>();
		templates.forEach((t) -> {
			if (t.nationalCode() != null) {
				taken.add(t.nationalCode());
			}
		});
		List<Project> list = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			Project t = templates.get((i - 1) % templates.size());
			double f = 0.75 + random.next() * 0.5;
			Project.Location location = t.location();
			if (location != null) {
				double latitude = location.latitude() + (random.next() - 0.5) * 0.02;
				double longitude = location.longitude() + (random.next() - 0.5) * 0.02;
				location = new Project.Location(latitude, longitude, location.address());
			}
			String nationalCode = null;
			if (t.nationalCode() != null) {
				int serial = 900000 + i;
				do {
					nationalCode = t.nationalCode().substring(0, 18) + String.format("%06d", serial++ % 1000000);
				}
				while (taken.contains(nationalCode));
				taken.add(nationalCode);
			}
			list.add(new Project(code(i), t.category(), t.name().replace("(演示)", "") + " #" + i + "(演示)",
					t.districtCode(), t.leadDepartmentCode(), t.coDepartmentCodes(), t.ownerEnterprise(),
					scaled(t.totalInvestment(), f), scaled(t.plannedInvestment(), f), t.strategicEmerging(),
					t.techUpgradePlan(), t.status(), t.plannedStart(), t.plannedFinish(), location, nationalCode,
					t.liaison(), t.year(), true));
		}
		return list;
	}

	static String code(int i) {
		return PREFIX + String.format("%05d", i);
	}

	/**
	 * One report per half-month of the year through {@code through}, 2–8 % of the planned
	 * investment each; random per project code, so any batch gives the same reports.
	 */
	static List<ProgressReport> reports(Project p, YearMonth through) {
		SplittableRandom random = new SplittableRandom(p.code().hashCode());
		List<ProgressReport> list = new ArrayList<>();
		for (int index = 1; index <= through.getMonthValue() * 2; index++) {
			ReportPeriod period = new ReportPeriod(through.getYear(), (index + 1) / 2, index % 2 == 1 ? 1 : 2);
			BigDecimal amount = p.plannedInvestment()
				.multiply(BigDecimal.valueOf(0.02 + random.nextDouble() * 0.06))
				.setScale(4, RoundingMode.HALF_UP);
			Instant at = period.end().plusDays(2).atTime(10, 0).atZone(SHAOXING).toInstant();
			list.add(new ProgressReport(DemoActivity.demoId("R", at, p.code() + "-" + period.key()), p.code(),
					p.districtCode(), p.category().name(), period, period.key(), amount,
					BigDecimal.valueOf(Math.min(100, 4L * index)), List.of(), null, List.of(),
					"scale-" + p.code() + "-" + period.key(), 0, at, "demo", true, true));
		}
		return list;
	}

	/**
	 * Amount times the factor, rounded half up to 2 decimals from its double value, as
	 * the peer loader rounds.
	 */
	private static BigDecimal scaled(BigDecimal amount, double factor) {
		if (amount == null) {
			return null;
		}
		return BigDecimal.valueOf(Math.round(amount.doubleValue() * factor * 100)).movePointLeft(2).setScale(2);
	}

	/**
	 * The peer loader's random source (mulberry32, 32-bit arithmetic), so both loaders
	 * draw the same numbers.
	 */
	static final class Mulberry32 {

		private int state;

		Mulberry32(int seed) {
			this.state = seed;
		}

		double next() {
			this.state += 0x6D2B79F5;
			int t = this.state;
			t = (t ^ (t >>> 15)) * (t | 1);
			t ^= t + (t ^ (t >>> 7)) * (t | 61);
			return ((t ^ (t >>> 14)) & 0xFFFFFFFFL) / 4294967296.0;
		}

	}

}
