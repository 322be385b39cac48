package gov.shaoxing.investment.notice;

/**
 * Where a notice stands. OVERDUE is set by the service when the deadline passes
 * unresolved.
 */
public enum NoticeStatus {

	OPEN, IN_PROGRESS, RESOLVED, OVERDUE

}
