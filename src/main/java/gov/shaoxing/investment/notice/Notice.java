package gov.shaoxing.investment.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A problem notice (督办): a problem raised in a progress report or an inspection,
 * addressed to the department asked to solve it, with a deadline; an escalation (约谈) is
 * also addressed to a city leader ({@code officialId}). Its id is derived from its
 * source, so raising it twice keeps one notice.
 */
@Document("notices")
@CompoundIndex(name = "department_status", def = "{'departmentCode': 1, 'status': 1}")
@CompoundIndex(name = "status_deadline", def = "{'status': 1, 'deadline': 1}")
public record Notice(@Id String id, @Indexed String projectCode, @Indexed String districtCode, String departmentCode,
		NoticeSource source, String sourceId, String text, LocalDate deadline, NoticeStatus status, Instant createdAt,
		Instant updatedAt, Instant resolvedAt, String resolution, List<Transition> history, @Version Long version,
		String officialId) {

	/** A notice addressed to a department only (every source but escalation). */
	public Notice(String id, String projectCode, String districtCode, String departmentCode, NoticeSource source,
			String sourceId, String text, LocalDate deadline, NoticeStatus status, Instant createdAt, Instant updatedAt,
			Instant resolvedAt, String resolution, List<Transition> history, Long version) {
		this(id, projectCode, districtCode, departmentCode, source, sourceId, text, deadline, status, createdAt,
				updatedAt, resolvedAt, resolution, history, version, null);
	}

	/** One change of status, who made it and why. */
	public record Transition(Instant at, NoticeStatus from, NoticeStatus to, String by, String note) {
	}

	/** Whether the department still owes it. */
	public boolean outstanding() {
		return this.status != NoticeStatus.RESOLVED;
	}

}
