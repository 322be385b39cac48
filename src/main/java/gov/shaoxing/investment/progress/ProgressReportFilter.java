package gov.shaoxing.investment.progress;

import java.util.List;

/** The {@code ProgressReportFilter} input. */
record ProgressReportFilter(String projectId, List<String> districtCodes, List<String> categories, Integer year,
		Integer month, String submittedBy, Boolean includeReplaced) {
}
