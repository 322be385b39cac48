package gov.shaoxing.investment.inspection;

import java.util.List;

import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.project.Project;

/**
 * Result of {@code recordInspection}: the inspection and its project, or the reasons
 * nothing was recorded.
 */
record RecordInspectionPayload(Inspection inspection, Project project, List<PayloadError> errors) {

	static RecordInspectionPayload refused(List<PayloadError> errors) {
		return new RecordInspectionPayload(null, null, errors);
	}

}
