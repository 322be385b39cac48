package gov.shaoxing.investment.fieldsync;

import java.time.OffsetDateTime;
import java.util.List;

import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.inspection.Inspection;
import gov.shaoxing.investment.progress.ProgressReport;

/** The outcome of one item of a batch, at the item's position. */
record FieldRecordResult(int index, OffsetDateTime capturedAt, Status status, ProgressReport progressReport,
		Inspection inspection, List<PayloadError> errors) {

	/** Whether the item is recorded (now, or by an earlier send of it). */
	enum Status {

		APPLIED, REJECTED

	}

	static FieldRecordResult rejected(int index, OffsetDateTime capturedAt, List<PayloadError> errors) {
		return new FieldRecordResult(index, capturedAt, Status.REJECTED, null, null, errors);
	}

}
