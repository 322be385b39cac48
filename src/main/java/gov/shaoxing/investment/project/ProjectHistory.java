package gov.shaoxing.investment.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a project's histories: a status change or a new liaison appends an entry, so the
 * record says who was responsible, and in what state the project was, when.
 */
final class ProjectHistory {

	private ProjectHistory() {
	}

	/**
	 * The status history after moving to {@code status} (unchanged if it is the same).
	 */
	static List<Project.StatusChange> withStatus(Project p, ProjectStatus status, Instant at, String by) {
		if (p == null) {
			return List.of(new Project.StatusChange(status, at, by));
		}
		if (p.status() == status) {
			return p.statusHistory();
		}
		List<Project.StatusChange> history = new ArrayList<>(p.statusTimeline());
		history.add(new Project.StatusChange(status, at, by));
		return history;
	}

	/**
	 * The liaison history after assigning {@code liaison}: the current entry is closed.
	 */
	static List<Project.LiaisonAssignment> withLiaison(Project p, Project.Liaison liaison, Instant at, String by,
			String reason) {
		List<Project.LiaisonAssignment> history = new ArrayList<>();
		for (Project.LiaisonAssignment a : p == null ? List.<Project.LiaisonAssignment>of() : p.liaisonTimeline()) {
			history.add(a.until() == null
					? new Project.LiaisonAssignment(a.liaison(), a.from(), at, a.assignedBy(), a.reason()) : a);
		}
		history.add(new Project.LiaisonAssignment(liaison, at, null, by, reason));
		return history;
	}

}
