package gov.shaoxing.investment.progress;

import java.math.BigDecimal;

import gov.shaoxing.investment.CommandCounter;
import gov.shaoxing.investment.InProcessTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each step of a submission sends the fewest store commands it can: nothing is read that
 * the caches or the idempotency claim already tell, and each document is written once.
 */
@InProcessTest
class SubmissionCommandsTests {

	@Autowired
	ProgressService progress;

	@Autowired
	CommandCounter commands;

	private ProgressService.Submitted submit(int month, String amount, String key) {
		return this.progress.submit(new SubmitProgressReportInput(GlobalId.encode("Project", "DEMO-SVC-050"),
				new SubmitProgressReportInput.PeriodInput(2012, month, 1), new BigDecimal(amount), new BigDecimal("30"),
				null, null, null, key), TestSecurity.ADMIN);
	}

	@Test
	void aNewReportReadsNothingAndWritesEachDocumentOnce() {
		submit(1, "1.0", "commands-0");
		this.commands.reset();
		submit(2, "1.0", "commands-1");
		// the sequence, the claim, the report, the roll-up, the events (two or three, in
		// one insert), the claim done
		assertThat(this.commands.commands()).containsExactly("findAndModify counters", "insert idempotency_keys",
				"insert progress_reports", "update project_progress", "insert events", "update idempotency_keys");
	}

	@Test
	void aReplacementAlsoMarksTheReportItReplacesByItsId() {
		submit(3, "1.0", "commands-2");
		this.commands.reset();
		submit(3, "2.0", "commands-3");
		assertThat(this.commands.commands()).containsExactly("findAndModify counters", "insert idempotency_keys",
				"insert progress_reports", "update project_progress", "update progress_reports", "insert events",
				"update idempotency_keys");
	}

	@Test
	void aRetryReadsTheOriginalAndWritesNothing() {
		submit(4, "1.0", "commands-4");
		this.commands.reset();
		submit(4, "1.0", "commands-4");
		// the counter's bump is the price of claiming a key in one insert
		assertThat(this.commands.commands()).containsExactly("findAndModify counters", "insert idempotency_keys",
				"find idempotency_keys", "find progress_reports");
	}

}
