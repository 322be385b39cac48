package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A half-monthly progress report from the field. Its id is time-ordered and fixed when
 * its idempotency key is first claimed. {@code current} is false once a later report for
 * the same project and period replaced it.
 */
@Document("progress_reports")
@CompoundIndex(name = "project_period", def = "{'projectCode': 1, 'periodKey': 1}")
@CompoundIndex(name = "district_period", def = "{'districtCode': 1, 'periodKey': 1}")
public record ProgressReport(@Id String id, String projectCode, String districtCode, String category,
		ReportPeriod period, @Indexed String periodKey, BigDecimal investmentCompleted,
		BigDecimal physicalProgressPercent, List<MilestoneUpdate> milestones, String note, List<Problem> problems,
		String idempotencyKey, long sequence, Instant submittedAt, @Indexed String submittedBy, boolean current,
		boolean demo) {

	/** A change to a milestone reported with the report. */
	public record MilestoneUpdate(String milestoneId, MilestoneStatus status, LocalDate dateMet) {
	}

	/** A problem raised in the report, and the notice it became. */
	public record Problem(String text, String departmentCode, LocalDate deadline, String noticeId) {
	}

}
