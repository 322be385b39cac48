package gov.shaoxing.investment.notice;

import java.time.LocalDate;
import java.util.List;

/** The {@code NoticeFilter} input. */
record NoticeFilter(List<String> departmentCodes, List<String> districtCodes, List<NoticeStatus> statuses,
		String projectId, LocalDate deadlineFrom, LocalDate deadlineTo, Boolean outstanding) {

	/** The notices with these statuses (all when null), or only outstanding ones. */
	static NoticeFilter byStatus(List<NoticeStatus> statuses, Boolean outstanding) {
		return new NoticeFilter(null, null, statuses, null, null, null, outstanding);
	}

}
