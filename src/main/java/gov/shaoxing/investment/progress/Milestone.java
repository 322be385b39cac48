package gov.shaoxing.investment.progress;

import java.time.LocalDate;

/**
 * A milestone of a project, in the style of Open Contracting: due on a date, met (or not)
 * on another.
 */
public record Milestone(String id, String title, LocalDate dueDate, LocalDate dateMet, MilestoneStatus status) {

	/**
	 * Due before {@code day} and not met by then (a milestone met after {@code day} was
	 * overdue on it, which matters when past half-months are judged again).
	 */
	public boolean overdueOn(LocalDate day) {
		return this.dueDate != null && this.dueDate.isBefore(day)
				&& !(this.status == MilestoneStatus.MET && (this.dateMet == null || !this.dateMet.isAfter(day)));
	}

}
