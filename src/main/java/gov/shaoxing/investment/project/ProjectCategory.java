package gov.shaoxing.investment.project;

/** The three kinds of major project in the plan. */
public enum ProjectCategory {

	INDUSTRIAL, SERVICE, AGRICULTURAL

}
