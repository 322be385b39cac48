package gov.shaoxing.investment.notice;

/** Where a problem was raised. */
public enum NoticeSource {

	PROGRESS_REPORT, INSPECTION,
	/**
	 * A project red for too many half-months in a row, escalated to its city leader (约谈).
	 */
	ESCALATION

}
