package gov.shaoxing.investment.progress;

/** Open Contracting milestone status. */
public enum MilestoneStatus {

	SCHEDULED, MET, NOT_MET, PARTIALLY_MET

}
