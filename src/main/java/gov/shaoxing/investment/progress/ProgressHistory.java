package gov.shaoxing.investment.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.progress.ProjectProgress.PeriodEntry;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Progress as it was known at a moment, rebuilt from the reports themselves (each keeps
 * when it was recorded, {@code submittedAt}): for every period, the latest report
 * recorded by then. One query, whatever the number of projects.
 */
@Component
public class ProgressHistory {

	private final MongoTemplate mongo;

	private final ProgressReadModel readModel;

	ProgressHistory(MongoTemplate mongo, ProgressReadModel readModel) {
		this.mongo = mongo;
		this.readModel = readModel;
	}

	/**
	 * Every project's roll-up of the reports of {@code year} recorded at or before
	 * {@code knownAt}. Milestones: as they are now, except that a change made by a report
	 * recorded later is taken back (to the last change known then, or SCHEDULED).
	 */
	public Map<String, ProjectProgress> asKnownAt(int year, Instant knownAt) {
		String prefix = year + "-";
		Map<String, List<ProgressReport>> byProject = new HashMap<>();
		Map<String, List<ProgressReport>> laterByProject = new HashMap<>();
		for (ProgressReport r : this.mongo.find(Query.query(Criteria.where("periodKey").gte(prefix).lt(prefix + "~")),
				ProgressReport.class)) {
			if (!r.submittedAt().isAfter(knownAt)) {
				byProject.computeIfAbsent(r.projectCode(), (k) -> new ArrayList<>()).add(r);
			}
			else if (r.milestones() != null && !r.milestones().isEmpty()) {
				laterByProject.computeIfAbsent(r.projectCode(), (k) -> new ArrayList<>()).add(r);
			}
		}
		Map<String, ProjectProgress> result = new HashMap<>();
		for (ProjectProgress now : this.readModel.all()) {
			List<ProgressReport> known = byProject.getOrDefault(now.projectCode(), List.of());
			known.sort(Comparator.comparingLong(ProgressReport::sequence).thenComparing(ProgressReport::id));
			ProjectProgress rebuilt = ProjectProgress.empty(now.projectCode(), now.districtCode(), now.category());
			for (ProgressReport r : known) {
				rebuilt = rebuilt.withPeriod(r.periodKey(), new PeriodEntry(r.id(), r.sequence(),
						r.investmentCompleted(), r.physicalProgressPercent(), r.submittedAt()));
			}
			result.put(now.projectCode(), rebuilt.withMilestones(
					milestones(now.milestones(), known, laterByProject.getOrDefault(now.projectCode(), List.of()))));
		}
		return result;
	}

	private static List<Milestone> milestones(List<Milestone> now, List<ProgressReport> known,
			List<ProgressReport> later) {
		if (later.isEmpty()) {
			return now;
		}
		Map<String, ProgressReport.MilestoneUpdate> lastKnown = new HashMap<>();
		Map<String, ReportPeriod> lastKnownPeriod = new HashMap<>();
		for (ProgressReport r : known) {
			for (ProgressReport.MilestoneUpdate u : r.milestones() == null ? List.<ProgressReport.MilestoneUpdate>of()
					: r.milestones()) {
				lastKnown.put(u.milestoneId(), u);
				lastKnownPeriod.put(u.milestoneId(), r.period());
			}
		}
		List<String> changedLater = later.stream()
			.flatMap((r) -> r.milestones().stream())
			.map(ProgressReport.MilestoneUpdate::milestoneId)
			.toList();
		List<Milestone> result = new ArrayList<>();
		for (Milestone m : now) {
			if (!changedLater.contains(m.id())) {
				result.add(m);
				continue;
			}
			ProgressReport.MilestoneUpdate u = lastKnown.get(m.id());
			if (u == null) {
				result.add(new Milestone(m.id(), m.title(), m.dueDate(), null, MilestoneStatus.SCHEDULED));
			}
			else {
				boolean met = u.status() == MilestoneStatus.MET || u.status() == MilestoneStatus.PARTIALLY_MET;
				result.add(new Milestone(m.id(), m.title(), m.dueDate(),
						met ? (u.dateMet() != null ? u.dateMet() : lastKnownPeriod.get(m.id()).end()) : null,
						u.status()));
			}
		}
		return result;
	}

}
