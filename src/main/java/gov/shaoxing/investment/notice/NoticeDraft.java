package gov.shaoxing.investment.notice;

import java.time.LocalDate;

/** What a report or an inspection asks for when it raises a problem. */
public record NoticeDraft(String id, String projectCode, String districtCode, String departmentCode,
		NoticeSource source, String sourceId, String text, LocalDate deadline, String raisedBy, String officialId) {

	/** A draft addressed to a department only. */
	public NoticeDraft(String id, String projectCode, String districtCode, String departmentCode, NoticeSource source,
			String sourceId, String text, LocalDate deadline, String raisedBy) {
		this(id, projectCode, districtCode, departmentCode, source, sourceId, text, deadline, raisedBy, null);
	}

}
