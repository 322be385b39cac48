package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.progress.ProjectProgress.PeriodEntry;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.store.BulkReads;
import gov.shaoxing.investment.store.DerivedState;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Recomputes what progress reports determine and repairs what a crash left behind them:
 * each roll-up's period entries and totals (the latest report of each period, by
 * sequence), its light, each report's {@code current} flag, and the outbox events of live
 * submissions still within the events' retention. Reads every report once (the fields
 * that matter, in pages by id) and every roll-up once; writes only what differs, through
 * the same versioned save as submissions.
 */
@Component
@Order(1)
class ProgressRepair implements DerivedState {

	private static final String REPORTS = "progress_reports";

	/** The fields of a report the derived state depends on ({@link Row}). */
	private static final String[] ROW_FIELDS = { "projectCode", "periodKey", "sequence", "current",
			"investmentCompleted", "physicalProgressPercent", "submittedAt", "idempotencyKey", "demo" };

	/**
	 * Reports per read ({@link BulkReads#inPages}): one query for 2.4 million reports ran
	 * a 2 GB heap out.
	 */
	static final int PAGE = 10_000;

	private final MongoTemplate mongo;

	private final BulkReads bulk;

	private final ProjectService projects;

	private final ProgressService progress;

	private final ProgressReadModel readModel;

	private final EventPublisher events;

	private final Duration retention;

	private volatile int pageSize = PAGE;

	ProgressRepair(MongoTemplate mongo, BulkReads bulk, ProjectService projects, ProgressService progress,
			ProgressReadModel readModel, EventPublisher events,
			@Value("${investment.events.retention:P1D}") Duration retention) {
		this.mongo = mongo;
		this.bulk = bulk;
		this.projects = projects;
		this.progress = progress;
		this.readModel = readModel;
		this.events = events;
		this.retention = retention;
	}

	/** The fields of a report that the derived state depends on. */
	record Row(@Id String id, String projectCode, String periodKey, long sequence, boolean current,
			BigDecimal investmentCompleted, BigDecimal physicalProgressPercent, Instant submittedAt,
			String idempotencyKey, boolean demo) {

		PeriodEntry entry() {
			return new PeriodEntry(this.id, this.sequence, this.investmentCompleted, this.physicalProgressPercent,
					this.submittedAt);
		}

	}

	/**
	 * One project's period: its latest report, kept small (at 2.4 million reports every
	 * byte counts), and the other reports still flagged current.
	 */
	private static final class Slot {

		Row winner;

		/** Empty for nearly every period, so not allocated until needed. */
		List<String> flaggedOthers = List.of();

		void offer(Row row, String firstRecentId) {
			if (this.winner == null
					|| ProgressService.later(row.sequence(), row.id(), this.winner.sequence(), this.winner.id())) {
				if (this.winner != null && this.winner.current()) {
					flagOther(this.winner.id());
				}
				this.winner = slim(row, row.id().compareTo(firstRecentId) >= 0);
			}
			else if (row.current()) {
				flagOther(row.id());
			}
		}

		private void flagOther(String reportId) {
			if (this.flaggedOthers.isEmpty()) {
				this.flaggedOthers = new ArrayList<>(1);
			}
			this.flaggedOthers.add(reportId);
		}

		/**
		 * What the repair needs of a winner: the project's code and the idempotency key
		 * only for recent reports (the outbox repair's). Amounts arrive compact
		 * (store/CompactDecimals).
		 */
		private static Row slim(Row row, boolean recent) {
			return new Row(row.id(), recent ? row.projectCode() : null, null, row.sequence(), row.current(),
					row.investmentCompleted(), row.physicalProgressPercent(), row.submittedAt(),
					recent ? row.idempotencyKey() : null, row.demo());
		}

	}

	/**
	 * Tests read in small pages (of reports, and a fifth as many roll-ups) to cross page
	 * boundaries.
	 */
	void pageSize(int size) {
		this.pageSize = size;
	}

	@Override
	public String name() {
		return "progress reports";
	}

	@Override
	public Checked checkAndRepair() {
		Map<String, Map<String, Slot>> byProject = new HashMap<>();
		Instant since = Instant.now().minus(this.retention);
		String firstRecentId = firstIdSince(since);
		Map<String, String> periodKeys = new HashMap<>();
		long reports = this.bulk.inPages(Row.class, REPORTS, ROW_FIELDS, this.pageSize, Row::id, (rows) -> {
			for (Row row : rows) {
				// one key object per period, not per report
				String period = periodKeys.computeIfAbsent(row.periodKey(), (k) -> k);
				byProject.computeIfAbsent(row.projectCode(), (k) -> new HashMap<>())
					.computeIfAbsent(period, (k) -> new Slot())
					.offer(row, firstRecentId);
			}
		});
		List<String> repairs = new ArrayList<>();
		repairFlags(byProject, repairs);
		// the roll-ups in pages too (a fifth as many: each holds a project's periods)
		Set<String> announced = new HashSet<>();
		Set<String> withRollup = new HashSet<>();
		this.bulk.inPages(ProjectProgress.class, Math.max(1, this.pageSize / 5), ProjectProgress::projectCode,
				(page) -> {
					Map<String, ProjectProgress> rollups = new HashMap<>();
					page.forEach((r) -> rollups.put(r.projectCode(), r));
					withRollup.addAll(rollups.keySet());
					announced.addAll(repairRollups(rollups.keySet(), rollups, byProject, repairs));
				});
		Set<String> withoutRollup = new HashSet<>(byProject.keySet());
		withoutRollup.removeAll(withRollup);
		announced.addAll(repairRollups(withoutRollup, Map.of(), byProject, repairs));
		repairOutbox(byProject, announced, since, firstRecentId, repairs);
		return new Checked(reports + withRollup.size(), repairs);
	}

	/** The lowest id a report submitted at {@code since} or later can have. */
	private static String firstIdSince(Instant since) {
		String id = Ids.next("R", since);
		return id.substring(0, id.lastIndexOf('-'));
	}

	private void repairFlags(Map<String, Map<String, Slot>> byProject, List<String> repairs) {
		List<String> replaced = new ArrayList<>();
		List<String> current = new ArrayList<>();
		byProject.forEach((code, periods) -> periods.forEach((period, slot) -> {
			for (String id : slot.flaggedOthers) {
				if (!id.equals(slot.winner.id())) {
					replaced.add(id);
					repairs.add("report " + id + " marked replaced: " + slot.winner.id() + " is the current report of "
							+ code + " " + period);
				}
			}
			if (!slot.winner.current()) {
				current.add(slot.winner.id());
				repairs.add("report " + slot.winner.id() + " marked current: it is the latest report of " + code + " "
						+ period);
			}
		}));
		if (!replaced.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(replaced)), Update.update("current", false),
					REPORTS);
		}
		if (!current.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(current)), Update.update("current", true),
					REPORTS);
		}
	}

	/** Returns the reports whose submission never published its event and now has. */
	private Set<String> repairRollups(Set<String> codes, Map<String, ProjectProgress> rollups,
			Map<String, Map<String, Slot>> byProject, List<String> repairs) {
		Set<String> announced = new HashSet<>();
		for (String code : new TreeSet<>(codes)) {
			Project project = this.projects.byCode(code);
			Map<String, PeriodEntry> expected = new TreeMap<>();
			byProject.getOrDefault(code, Map.of()).forEach((period, slot) -> expected.put(period, slot.winner.entry()));
			ProjectProgress stored = rollups.get(code);
			if (stored == null && expected.isEmpty()) {
				continue;
			}
			if (stored == null && project == null) {
				repairs.add("reports of unknown project " + code + " left without a roll-up");
				continue;
			}
			ProjectProgress base = stored != null ? stored
					: ProjectProgress.empty(code, project.districtCode(), project.category().name());
			List<String> applied = newlyApplied(base, expected);
			ProjectProgress next = base.withPeriods(expected);
			if (!applied.isEmpty()) {
				next = next.withMilestones(milestonesWith(base.milestones(), applied));
			}
			if (project != null) {
				next = this.progress.judged(next, project);
			}
			if (stored != null && sameDerivedState(stored, next)) {
				continue;
			}
			ProjectProgress saved;
			try {
				saved = this.mongo.save(next);
			}
			catch (OptimisticLockingFailureException ex) {
				repairs.add("roll-up of " + code + " changed while being repaired; left as it is now");
				continue;
			}
			this.readModel.apply(saved);
			repairs.add(describe(code, stored, saved, applied));
			if (project != null) {
				this.events.publish(EventType.PROGRESS_CHANGED, project.districtCode(), null,
						ProgressReadModel.subject(saved));
				if (stored == null || stored.light() != saved.light()) {
					this.events.publish(EventType.PROJECT_LIGHT_CHANGED, project.districtCode(), null, code);
				}
				for (String reportId : applied) {
					this.events.publish(EventType.PROGRESS_REPORTED, project.districtCode(),
							project.leadDepartmentCode(), reportId);
					announced.add(reportId);
				}
			}
		}
		return announced;
	}

	/** Reports that hold a period now but not in the stored roll-up, oldest first. */
	private static List<String> newlyApplied(ProjectProgress stored, Map<String, PeriodEntry> expected) {
		return expected.entrySet().stream().filter((e) -> {
			PeriodEntry had = stored.periods().get(e.getKey());
			return had == null || !had.reportId().equals(e.getValue().reportId());
		})
			.map(Map.Entry::getValue)
			.sorted(Comparator.comparingLong(PeriodEntry::sequence))
			.map(PeriodEntry::reportId)
			.toList();
	}

	/** The milestones after the updates of the reports a submission never applied. */
	private List<Milestone> milestonesWith(List<Milestone> milestones, List<String> reportIds) {
		Map<String, ProgressReport> reports = new HashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(reportIds)), ProgressReport.class)
			.forEach((r) -> reports.put(r.id(), r));
		List<Milestone> next = milestones;
		for (String id : reportIds) {
			ProgressReport report = reports.get(id);
			if (report != null) {
				next = ProgressService.applyMilestones(next, report.milestones(), report.period());
			}
		}
		return next;
	}

	private static boolean sameDerivedState(ProjectProgress a, ProjectProgress b) {
		if (!a.periods().keySet().equals(b.periods().keySet())) {
			return false;
		}
		for (Map.Entry<String, PeriodEntry> e : a.periods().entrySet()) {
			PeriodEntry other = b.periods().get(e.getKey());
			if (!e.getValue().reportId().equals(other.reportId()) || e.getValue().sequence() != other.sequence()
					|| !same(e.getValue().investment(), other.investment())) {
				return false;
			}
		}
		if (!a.yearInvestment().keySet().equals(b.yearInvestment().keySet())) {
			return false;
		}
		for (Map.Entry<String, BigDecimal> e : a.yearInvestment().entrySet()) {
			if (!same(e.getValue(), b.yearInvestment().get(e.getKey()))) {
				return false;
			}
		}
		return same(a.cumulativeInvestment(), b.cumulativeInvestment())
				&& same(a.physicalProgressPercent(), b.physicalProgressPercent())
				&& Objects.equals(a.lastPeriodKey(), b.lastPeriodKey())
				&& Objects.equals(a.lastReportedAt(), b.lastReportedAt()) && a.light() == b.light()
				&& a.milestones().equals(b.milestones());
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static String describe(String code, ProjectProgress stored, ProjectProgress saved, List<String> applied) {
		if (stored == null) {
			return "roll-up of " + code + " created from its " + saved.periods().size()
					+ " current reports: cumulative " + saved.cumulativeInvestment().toPlainString() + ", light "
					+ saved.light();
		}
		return "roll-up of " + code + " rebuilt from its current reports: cumulative "
				+ stored.cumulativeInvestment().toPlainString() + " -> " + saved.cumulativeInvestment().toPlainString()
				+ ", periods " + stored.periods().size() + " -> " + saved.periods().size() + ", light " + stored.light()
				+ " -> " + saved.light() + (applied.isEmpty() ? "" : ", now applied: " + String.join(" ", applied));
	}

	/**
	 * Live submissions still within the events' retention whose PROGRESS_REPORTED event
	 * is missing (the crash came between the roll-up and the event) get it now, with a
	 * PROGRESS_CHANGED so that other instances reload the roll-up.
	 */
	private void repairOutbox(Map<String, Map<String, Slot>> byProject, Set<String> announced, Instant since,
			String firstId, List<String> repairs) {
		List<Row> recent = new ArrayList<>();
		for (Map<String, Slot> periods : byProject.values()) {
			for (Slot slot : periods.values()) {
				Row winner = slot.winner;
				if (!winner.demo() && winner.idempotencyKey() != null && winner.id().compareTo(firstId) >= 0
						&& !announced.contains(winner.id())) {
					recent.add(winner);
				}
			}
		}
		if (recent.isEmpty()) {
			return;
		}
		Query published = Query
			.query(Criteria.where("type").is(EventType.PROGRESS_REPORTED.name()).and("at").gte(since));
		published.fields().include("subjectId");
		Set<String> subjects = new HashSet<>();
		this.bulk.template()
			.find(published, Document.class, "events")
			.forEach((e) -> subjects.add(e.getString("subjectId")));
		Set<String> reloaded = new HashSet<>();
		for (Row report : recent) {
			if (subjects.contains(report.id())) {
				continue;
			}
			Project project = this.projects.byCode(report.projectCode());
			if (project == null) {
				continue;
			}
			this.events.publish(EventType.PROGRESS_REPORTED, project.districtCode(), project.leadDepartmentCode(),
					report.id());
			if (reloaded.add(project.code())) {
				ProjectProgress rollup = this.mongo.findById(project.code(), ProjectProgress.class);
				if (rollup != null) {
					this.events.publish(EventType.PROGRESS_CHANGED, project.districtCode(), null,
							ProgressReadModel.subject(rollup));
				}
			}
			repairs
				.add("report " + report.id() + " of " + project.code() + " had no PROGRESS_REPORTED event; published");
		}
	}

}
