package gov.shaoxing.investment.progress;

import java.time.LocalDate;

/**
 * A milestone of a project, in the style of Open Contracting: due on a date, met (or not)
 * on another.
 */
public record Milestone(String id, String title, LocalDate dueDate, LocalDate dateMet, MilestoneStatus status) {

	/** Due before {@code day} and not met. */
	public boolean overdueOn(LocalDate day) {
		return this.dueDate != null && this.dueDate.isBefore(day) && this.status != MilestoneStatus.MET;
	}

}
