package gov.shaoxing.investment.inspection;

/** The inspector's overall judgement of the project on the day, from best to worst. */
public enum InspectionRating {

	/** Work matches the plan. */
	ON_TRACK,
	/** Small delays or problems the project can fix itself. */
	MINOR_ISSUES,
	/** Problems that put the year's target at risk and need a department's help. */
	SERIOUS_ISSUES,
	/** No work on site. */
	STALLED

}
