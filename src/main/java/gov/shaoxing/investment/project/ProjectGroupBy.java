package gov.shaoxing.investment.project;

/** How to group an aggregate. */
enum ProjectGroupBy {

	DISTRICT, CATEGORY, STATUS, SCALE_BAND, LEAD_DEPARTMENT

}
