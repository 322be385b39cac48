package gov.shaoxing.investment.supervision;

/** What {@code progressAggregate} groups by. */
enum ProgressGroupBy {

	DISTRICT, CATEGORY, LEAD_DEPARTMENT, CITY_LEADER, MONTH, HALF_MONTH, QUARTER;

	boolean isTime() {
		return this == MONTH || this == HALF_MONTH || this == QUARTER;
	}

}
