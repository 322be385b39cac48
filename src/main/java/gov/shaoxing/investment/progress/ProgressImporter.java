package gov.shaoxing.investment.progress;

import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.progress.ProjectProgress.PeriodEntry;
import gov.shaoxing.investment.project.Project;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Loads a history of reports in bulk (the demo set, or a migration): the reports as given
 * and each project's roll-up derived from them, replacing what was there. Not for live
 * submissions, which go through {@link ProgressService}.
 */
@Component
public class ProgressImporter {

	private final MongoTemplate mongo;

	private final ProgressService progress;

	private final ProgressReadModel readModel;

	private final ProgressCalendar calendar;

	ProgressImporter(MongoTemplate mongo, ProgressService progress, ProgressReadModel readModel,
			ProgressCalendar calendar) {
		this.mongo = mongo;
		this.progress = progress;
		this.readModel = readModel;
		this.calendar = calendar;
	}

	/** A project's history: its reports (one per period) and milestones. */
	public record History(Project project, List<ProgressReport> reports, List<Milestone> milestones) {
	}

	public void replaceAll(List<History> histories) {
		List<String> codes = histories.stream().map((h) -> h.project().code()).toList();
		this.mongo.remove(Query.query(Criteria.where("projectCode").in(codes)), ProgressReport.class);
		this.mongo.remove(Query.query(Criteria.where("_id").in(codes)), ProjectProgress.class);
		importNew(histories);
	}

	/**
	 * As {@link #replaceAll} for projects known to have no reports or roll-up yet (the
	 * caller removed them): no query over the reports per call, which on the embedded
	 * store scans them all.
	 */
	public void importNew(List<History> histories) {
		List<ProgressReport> reports = new ArrayList<>();
		List<ProjectProgress> rollups = new ArrayList<>();
		for (History h : histories) {
			Project p = h.project();
			ProjectProgress rollup = ProjectProgress.empty(p.code(), p.districtCode(), p.category().name())
				.withMilestones(h.milestones());
			for (ProgressReport r : h.reports()) {
				rollup = rollup.withPeriod(r.periodKey(), new PeriodEntry(r.id(), r.sequence(), r.investmentCompleted(),
						r.physicalProgressPercent(), r.submittedAt()));
				reports.add(r);
			}
			LightRule.Verdict verdict = this.progress.judge(rollup, p, this.calendar.asOf(p.year()));
			rollups.add(rollup.withLight(verdict.light(), verdict.reasons(), this.calendar.now()).asFirstVersion());
		}
		insert(reports, ProgressReport.class);
		insert(rollups, ProjectProgress.class);
		this.readModel.invalidate();
	}

	private <T> void insert(List<T> documents, Class<T> type) {
		for (int i = 0; i < documents.size(); i += 1000) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
			bulk.insert(documents.subList(i, Math.min(documents.size(), i + 1000)));
			bulk.execute();
		}
	}

}
