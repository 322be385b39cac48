package gov.shaoxing.investment.progress;

import java.util.List;

/** The {@code ProgressReportFilter} input. */
record ProgressReportFilter(String projectId, List<String> districtCodes, List<String> categories, Integer year,
		Integer month, String submittedBy, Boolean includeReplaced) {

	/** No filter: every current report. */
	static final ProgressReportFilter ALL = new ProgressReportFilter(null, null, null, null, null, null, null);

}
