package gov.shaoxing.investment.seed;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seed --scale-projects=N} adds N clones of the demo projects with a report for
 * every half-month, the same clones every time, and running it again replaces them.
 */
@SpringBootTest(properties = { "investment.store.mode=memory" })
class ScaleSeedTests {

	@Autowired
	ScaleSeed scale;

	@Autowired
	ProjectService projects;

	@Autowired
	ProgressReadModel progress;

	@Autowired
	MongoTemplate mongo;

	@Test
	void drawsTheSameNumbersAsThePeerBenchmarksLoader() {
		// node: mulberry32 with seed 42, as load-service-10k.mjs draws them
		ScaleSeed.Mulberry32 random = new ScaleSeed.Mulberry32(42);
		assertThat(List.of(random.next(), random.next(), random.next(), random.next(), random.next())).containsExactly(
				0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693, 0.17481389874592423);
	}

	@Test
	void addsClonesWithAReportForEveryHalfMonthAndReplacesThemWhenRunAgain() {
		int demo = this.projects.all().size();
		this.scale.load(30);
		this.scale.load(30);
		List<Project> all = this.projects.all();
		assertThat(all).hasSize(demo + 30);
		Project first = this.projects.byCode("PEER-00001");
		Project template = all.stream()
			.filter((p) -> !p.code().startsWith("PEER-"))
			.min(Comparator.comparing(Project::code))
			.orElseThrow();
		assertThat(first.name()).isEqualTo(template.name().replace("(演示)", "") + " #1(演示)");
		assertThat(first.districtCode()).isEqualTo(template.districtCode());
		assertThat(first.demo()).isTrue();
		// 0.75 + 0.5 × the first draw
		assertThat(first.totalInvestment()).isEqualByComparingTo(BigDecimal
			.valueOf(Math.round(template.totalInvestment().doubleValue() * (0.75 + 0.6011037519201636 * 0.5) * 100))
			.movePointLeft(2));
		Query clones = Query.query(Criteria.where("projectCode").regex("^PEER-"));
		List<ProgressReport> reports = this.mongo.find(clones, ProgressReport.class);
		assertThat(reports).hasSize(30 * 24);
		ProjectProgress rollup = this.progress.get("PEER-00007");
		BigDecimal sum = reports.stream()
			.filter((r) -> r.projectCode().equals("PEER-00007"))
			.map(ProgressReport::investmentCompleted)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(rollup.cumulativeInvestment()).isEqualByComparingTo(sum);
		assertThat(rollup.periods()).hasSize(24);
		assertThat(rollup.light()).isNotNull();
	}

}
