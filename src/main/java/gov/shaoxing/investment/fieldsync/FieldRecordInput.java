package gov.shaoxing.investment.fieldsync;

import java.time.OffsetDateTime;

import gov.shaoxing.investment.inspection.RecordInspectionInput;
import gov.shaoxing.investment.progress.SubmitProgressReportInput;

/** The {@code FieldRecordInput} input: exactly one of the two records. */
record FieldRecordInput(OffsetDateTime capturedAt, SubmitProgressReportInput progressReport,
		RecordInspectionInput inspection) {

	/** The item's idempotency key, qualified by its kind; null when it has none. */
	String key() {
		if (this.progressReport != null && this.progressReport.idempotencyKey() != null) {
			return "progress:" + this.progressReport.idempotencyKey();
		}
		if (this.inspection != null && this.inspection.idempotencyKey() != null) {
			return "inspection:" + this.inspection.idempotencyKey();
		}
		return null;
	}

}
