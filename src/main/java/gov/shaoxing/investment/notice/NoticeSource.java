package gov.shaoxing.investment.notice;

/** Where a problem was raised. */
public enum NoticeSource {

	PROGRESS_REPORT, INSPECTION

}
