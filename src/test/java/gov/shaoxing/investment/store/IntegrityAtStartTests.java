package gov.shaoxing.investment.store;

import java.math.BigDecimal;

import gov.shaoxing.investment.InProcessTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.progress.ProgressService;
import gov.shaoxing.investment.progress.SubmitProgressReportInput;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up check runs after a run that did not stop cleanly, and is skipped after one
 * that did, unless it is asked for at every start.
 */
@InProcessTest
class IntegrityAtStartTests {

	static final String PROJECT = "DEMO-SVC-080";

	@Autowired
	IntegrityCheck integrity;

	@Autowired
	ObjectProvider<DerivedState> states;

	@Autowired
	StoreProperties store;

	@Autowired
	ProgressService progress;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aStartAfterACleanStopSkipsTheCheckAndAStartAfterACrashRunsIt() {
		submit("1.5");
		BigDecimal agreed = cumulative();
		try {
			this.integrity.stop();
			corruptRollup();
			this.integrity.start();
			assertThat(this.integrity.health().getDetails()).containsKey("skipped").containsKey("cleanStopAt");
			assertThat(cumulative()).as("left for a check that was not needed").isEqualByComparingTo("99");
			assertThat(lifecycle()).as("running from start to a clean stop").isEqualTo("RUNNING");

			// no stop in between: as after kill -9
			this.integrity.start();
			Health health = this.integrity.health();
			assertThat(health.getDetails()).doesNotContainKey("skipped");
			assertThat((int) health.getDetails().get("repaired")).isPositive();
			assertThat(cumulative()).isEqualByComparingTo(agreed);
		}
		finally {
			this.integrity.run();
		}
	}

	@Test
	void alwaysChecksEvenAfterACleanStop() {
		IntegrityCheck always = new IntegrityCheck(this.states, this.mongo,
				new IntegrityProperties(IntegrityProperties.AtStart.ALWAYS), this.store);
		always.start();
		always.stop();
		assertThat(lifecycle()).isEqualTo("STOPPED");
		always.start();
		assertThat(always.health().getDetails()).doesNotContainKey("skipped").containsKey("repaired");
		assertThat(lifecycle()).isEqualTo("RUNNING");
	}

	@Test
	void theEmbeddedStoreSkipsAfterACleanStopAndMongoDbAlwaysChecksUnlessTold() {
		IntegrityProperties unset = new IntegrityProperties(null);
		assertThat(unset.atStart(new StoreProperties(null, StoreProperties.Mode.FILE, "data", false)))
			.isEqualTo(IntegrityProperties.AtStart.AFTER_UNCLEAN_STOP);
		assertThat(unset.atStart(new StoreProperties("mongodb://db:27017/investment", null, null, false)))
			.isEqualTo(IntegrityProperties.AtStart.ALWAYS);
		assertThat(new IntegrityProperties(IntegrityProperties.AtStart.AFTER_UNCLEAN_STOP)
			.atStart(new StoreProperties("mongodb://db:27017/investment", null, null, false)))
			.isEqualTo(IntegrityProperties.AtStart.AFTER_UNCLEAN_STOP);
	}

	private void submit(String amount) {
		this.progress.submit(new SubmitProgressReportInput(GlobalId.encode("Project", PROJECT),
				new SubmitProgressReportInput.PeriodInput(2012, 5, 1), new BigDecimal(amount), new BigDecimal("30"),
				null, null, null, "at-start-" + amount), TestSecurity.ADMIN);
	}

	private void corruptRollup() {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(PROJECT)),
				Update.update("cumulativeInvestment", new BigDecimal("99")), "project_progress");
	}

	private BigDecimal cumulative() {
		Document rollup = this.mongo.findById(PROJECT, Document.class, "project_progress");
		return new BigDecimal(rollup.get("cumulativeInvestment").toString());
	}

	private String lifecycle() {
		return this.mongo.findById("lifecycle", Document.class, IntegrityCheck.STATE).getString("state");
	}

}
