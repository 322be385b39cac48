package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.InProcessTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.Idempotency;
import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.store.IntegrityCheck;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash between a submission's steps leaves behind is found and repaired from the
 * reports themselves; a second run finds nothing.
 */
@InProcessTest
class IntegrityRepairTests {

	@Autowired
	IntegrityCheck integrity;

	@Autowired
	ProgressService progress;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProgressRepair repair;

	@Test
	void leftoversOfInterruptedSubmissionsAreRepairedAndReportedInHealth() {
		String a = "DEMO-SVC-020";
		// not DEMO-SVC-021: ProgressReportTests reports on it in the same application
		String b = "DEMO-SVC-031";
		String replaced = submit(a, 3, "1.0", "repair-a-1");
		submit(a, 4, "2.0", "repair-a-2");
		submit(b, 3, "4.5", "repair-b-1");
		ProjectProgress before = rollup(a);
		// a later report for March that crashed after its insert: the roll-up never took
		// it in, the March report it replaces is still current, its claim is pending and
		// its problem never became a notice
		String crashed = "R20120401000000000-00000A0000";
		this.mongo.insert(new ProgressReport(crashed, a, before.districtCode(), before.category(),
				new ReportPeriod(2012, 3, 1), "2012-03-1", new BigDecimal("5.0"), new BigDecimal("40"), List.of(), null,
				List.of(new ProgressReport.Problem("用地未落实", "GTJ", LocalDate.of(2012, 5, 1), crashed + "-P1")),
				"repair-a-3", Long.MAX_VALUE / 2, Instant.parse("2012-04-01T00:00:00Z"), "admin", true, false));
		this.mongo.insert(new Idempotency.Record("progress:repair-a-3", "f", crashed, Long.MAX_VALUE / 2,
				Idempotency.State.PENDING, Instant.parse("2012-04-01T00:00:00Z")));
		// a claim whose request died before writing its report
		this.mongo.insert(new Idempotency.Record("progress:repair-a-4", "f", "R20120401000000001-00000B0000", 7,
				Idempotency.State.PENDING, Instant.parse("2012-04-01T00:00:00Z")));
		// a roll-up whose total disagrees with its reports
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(b)),
				Update.update("cumulativeInvestment", new BigDecimal("99")), ProjectProgress.class);

		// pages of 7 reports, so that the read crosses many page boundaries
		this.repair.pageSize(7);
		Health health;
		try {
			health = this.integrity.run();
		}
		finally {
			this.repair.pageSize(ProgressRepair.PAGE);
		}

		assertThat(health.getDetails().get("checked")).as("every report and roll-up read once, none twice")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("progress reports", this.mongo.count(new Query(), "progress_reports")
					+ this.mongo.count(new Query(), "project_progress"));
		assertThat(rollup(a).cumulativeInvestment()).isEqualByComparingTo("7.0");
		assertThat(rollup(a).periods().get("2012-03-1").reportId()).isEqualTo(crashed);
		assertThat(rollup(b).cumulativeInvestment()).isEqualByComparingTo("4.5");
		assertThat(this.mongo.findById(replaced, ProgressReport.class).current()).isFalse();
		assertThat(this.mongo.findById("progress:repair-a-3", Idempotency.Record.class).state())
			.isEqualTo(Idempotency.State.DONE);
		assertThat(this.mongo.findById("progress:repair-a-4", Idempotency.Record.class)).isNull();
		assertThat(this.mongo.findById(crashed + "-P1", Notice.class)).isNotNull();
		assertThat(this.mongo
			.count(Query.query(Criteria.where("type").is("PROGRESS_REPORTED").and("subjectId").is(crashed)), "events"))
			.isEqualTo(1);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("repairs");
		@SuppressWarnings("unchecked")
		List<String> repairs = (List<String>) health.getDetails().get("repairs");
		assertThat(repairs).anySatisfy((line) -> assertThat(line).contains("roll-up of " + a).contains("7.0"))
			.anySatisfy((line) -> assertThat(line).contains("roll-up of " + b).contains("99 -> 4.5"))
			.anySatisfy((line) -> assertThat(line).contains(replaced).contains("replaced"))
			.anySatisfy((line) -> assertThat(line).contains("progress:repair-a-3").contains("completed"))
			.anySatisfy((line) -> assertThat(line).contains("progress:repair-a-4").contains("released"));

		Health again = this.integrity.run();
		assertThat(again.getDetails()).containsEntry("repaired", 0);
	}

	private String submit(String project, int month, String amount, String key) {
		return this.progress
			.submit(new SubmitProgressReportInput(GlobalId.encode("Project", project),
					new SubmitProgressReportInput.PeriodInput(2012, month, 1), new BigDecimal(amount),
					new BigDecimal("30"), null, null, null, key), TestSecurity.ADMIN)
			.report()
			.id();
	}

	private ProjectProgress rollup(String code) {
		return this.mongo.findById(code, ProjectProgress.class);
	}

}
