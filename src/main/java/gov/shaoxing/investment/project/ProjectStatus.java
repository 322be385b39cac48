package gov.shaoxing.investment.project;

/** Where a project is in its life. */
public enum ProjectStatus {

	RESERVE, APPROVED, UNDER_CONSTRUCTION, COMPLETED, SUSPENDED

}
