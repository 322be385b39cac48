package gov.shaoxing.investment.event;

import java.time.LocalDate;

import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.notice.NoticeDraft;
import gov.shaoxing.investment.notice.NoticeSource;

/**
 * Notices to raise in live-update tests: each call is a new notice for the given
 * department.
 */
final class NoticeDrafts {

	private NoticeDrafts() {
	}

	static NoticeDraft inspectionNotice(String departmentCode, String text) {
		return new NoticeDraft(Ids.next("N"), "ZJ-2012-001", "ZHUJI", departmentCode, NoticeSource.INSPECTION,
				Ids.next("I"), text, LocalDate.now().plusDays(14), "inspector");
	}

}
