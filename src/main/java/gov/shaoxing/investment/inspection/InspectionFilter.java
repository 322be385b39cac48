package gov.shaoxing.investment.inspection;

import java.time.LocalDate;
import java.util.List;

/** The {@code InspectionFilter} input. */
record InspectionFilter(String inspector, List<String> districtCodes, String projectId, LocalDate dateFrom,
		LocalDate dateTo, List<InspectionRating> ratings) {
}
