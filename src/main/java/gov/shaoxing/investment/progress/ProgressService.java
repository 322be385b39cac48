package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.Idempotency;
import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.common.Retry;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.event.DomainEvent;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.notice.NoticeDraft;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.notice.NoticeSource;
import gov.shaoxing.investment.progress.ProjectProgress.PeriodEntry;
import gov.shaoxing.investment.progress.SubmitProgressReportInput.MilestoneUpdateInput;
import gov.shaoxing.investment.progress.SubmitProgressReportInput.ProblemInput;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.project.ProjectStatus;
import gov.shaoxing.investment.rules.RulesService;
import gov.shaoxing.investment.rules.SupervisionRules;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Takes progress reports. Without transactions, correctness rests on three
 * single-document steps: claiming the idempotency key (which fixes the report's id and a
 * store-wide sequence), writing the report under that id, and replacing the project's
 * roll-up under its version, where a period's entry only ever moves to a later sequence.
 * So a retry writes nothing new, a late retry of a replaced report cannot bring its
 * figures back, and totals are always derived from the current entries in the same write.
 */
@Service
public class ProgressService {

	private static final Logger log = LoggerFactory.getLogger(ProgressService.class);

	static final int MAX_NOTE = 2000;

	static final int MAX_PROBLEMS = 20;

	static final BigDecimal MAX_PERIOD_INVESTMENT = new BigDecimal("10000");

	/**
	 * Versioned saves of one roll-up that lost a race, tried again with a growing pause
	 * so that many instances' writers of one project spread out.
	 */
	private static final Retry ROLLUP_WRITES = Retry.pausing(200, Duration.ofMillis(20),
			OptimisticLockingFailureException.class, DuplicateKeyException.class);

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final DepartmentService departments;

	private final NoticeService notices;

	private final Idempotency idempotency;

	private final ProgressReadModel readModel;

	private final EventPublisher events;

	private final ProgressCalendar calendar;

	private final ProgressProperties supervision;

	private final RulesService rules;

	ProgressService(MongoTemplate mongo, ProjectService projects, DepartmentService departments, NoticeService notices,
			Idempotency idempotency, ProgressReadModel readModel, EventPublisher events, ProgressCalendar calendar,
			ProgressProperties supervision, RulesService rules) {
		this.mongo = mongo;
		this.projects = projects;
		this.departments = departments;
		this.notices = notices;
		this.idempotency = idempotency;
		this.readModel = readModel;
		this.events = events;
		this.calendar = calendar;
		this.supervision = supervision;
		this.rules = rules;
	}

	/** What a submission gives back. */
	public record Submitted(ProgressReport report, Project project) {
	}

	/**
	 * Checks a report as {@link #submit} would, writing nothing (dry-run imports): who
	 * may report first, then the input.
	 */
	public void check(SubmitProgressReportInput input, Actor actor) {
		AccessPolicy.requireMayReportProgress(actor);
		Project project = projectOf(input.projectId());
		if (project != null) {
			AccessPolicy.requireMayReport(actor, project.districtCode());
		}
		validate(input, project);
	}

	/**
	 * Takes a report: who may report is checked first, then the one idempotent-write flow
	 * claims the key, validates, writes and completes.
	 */
	public Submitted submit(SubmitProgressReportInput input, Actor actor) {
		AccessPolicy.requireMayReportProgress(actor);
		Project project = projectOf(input.projectId());
		if (project != null) {
			AccessPolicy.requireMayReport(actor, project.districtCode());
		}
		return this.idempotency.write(new Idempotency.Write<>("progress", actor.name(), input.idempotencyKey(),
				input.canonical(), () -> Ids.next("R"), () -> validate(input, project),
				(claim, valid) -> record(claim, input, valid, actor.name()), (claim) -> {
					ProgressReport original = this.mongo.findById(claim.resultId(), ProgressReport.class);
					return original == null ? null : new Submitted(original, project);
				}));
	}

	/** The project an input names, or null for an id that names none. */
	private Project projectOf(String projectId) {
		try {
			return this.projects.byCode(GlobalId.keyOf(projectId, "Project"));
		}
		catch (ApiException ex) {
			// reported by the validation as an unknown project
			return null;
		}
	}

	/**
	 * Writes the report under the claimed id, puts it into the roll-up, marks what it
	 * replaced and raises its notices; every step is idempotent, so a resumed request
	 * repeats them harmlessly.
	 */
	private Submitted record(Idempotency.Claim claim, SubmitProgressReportInput input, Project project,
			String submittedBy) {
		ProgressReport report = insertReport(claim, input, project, submittedBy);
		Applied applied = apply(project, report);
		markReplaced(project, report, applied);
		if (!applied.won()) {
			report = this.mongo.findById(report.id(), ProgressReport.class);
		}
		for (ProgressReport.Problem problem : report.problems()) {
			this.notices.raise(new NoticeDraft(problem.noticeId(), project.code(), project.districtCode(),
					problem.departmentCode(), NoticeSource.PROGRESS_REPORT, report.id(), problem.text(),
					problem.deadline(), submittedBy));
		}
		List<EventPublisher.Draft> published = new ArrayList<>(applied.events());
		if (applied.won()) {
			published.add(new EventPublisher.Draft(EventType.PROGRESS_REPORTED, project.districtCode(),
					project.leadDepartmentCode(), report.id()));
		}
		// one insert for the roll-up's events and the report's, last, as the report's was
		this.events.publishAll(published);
		return new Submitted(report, project);
	}

	/**
	 * The report under the claim's id: stored now, or as an earlier attempt stored it.
	 */
	private ProgressReport insertReport(Idempotency.Claim claim, SubmitProgressReportInput input, Project project,
			String submittedBy) {
		// a first claim has no report yet (a racing retry that writes it makes the insert
		// below fail, and the stored one is read then)
		ProgressReport report = (claim.outcome() == Idempotency.Outcome.FIRST) ? null
				: this.mongo.findById(claim.resultId(), ProgressReport.class);
		if (report == null) {
			ReportPeriod period = new ReportPeriod(input.period().year(), input.period().month(),
					input.period().half());
			report = new ProgressReport(claim.resultId(), project.code(), project.districtCode(),
					project.category().name(), period, period.key(), input.investmentCompleted(),
					input.physicalProgressPercent(), milestoneUpdates(input), blankToNull(input.note()),
					problems(input, claim.resultId(), project, period), input.idempotencyKey(), claim.sequence(),
					this.calendar.now(), submittedBy, true, false);
			try {
				this.mongo.insert(report);
			}
			catch (DuplicateKeyException ex) {
				report = this.mongo.findById(claim.resultId(), ProgressReport.class);
			}
		}
		claim.wrote();
		return report;
	}

	/** Marks the reports that are no longer their period's current one. */
	private void markReplaced(Project project, ProgressReport report, Applied applied) {
		if (applied.displaced() != null) {
			// This report just took the period's entry from the one the roll-up named:
			// mark that one by its id, a lookup on every store (the embedded one ignores
			// the project_period index and would scan all reports). Every report that
			// ever held the entry is displaced by exactly one later save, which marks it
			// here.
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(applied.displaced())),
					Update.update("current", false), ProgressReport.class);
		}
		else if (!applied.won()) {
			// Lost to a later report: this one is not current, whoever else has seen it.
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(report.id())), Update.update("current", false),
					ProgressReport.class);
		}
		else if (!applied.saved()) {
			// A resumed request whose first attempt may have stopped before marking what
			// it replaced: the rare path keeps the sweep, which marks every report older
			// than this one in the period.
			this.mongo.updateMulti(Query.query(Criteria.where("projectCode")
				.is(project.code())
				.and("periodKey")
				.is(report.periodKey())
				.and("sequence")
				.lt(applied.winningSequence())
				.and("current")
				.is(true)), Update.update("current", false), ProgressReport.class);
		}
	}

	/**
	 * How a report went into the roll-up: whether it holds the period now, the period's
	 * winning sequence, whether this call wrote the roll-up, the report it displaced
	 * there (null if none, or if this call wrote nothing), and the events the write
	 * raised, for the caller to publish with its own.
	 */
	private record Applied(boolean won, long winningSequence, boolean saved, String displaced,
			List<EventPublisher.Draft> events) {

		static Applied unchanged(boolean won, long winningSequence) {
			return new Applied(won, winningSequence, false, null, List.of());
		}

	}

	/**
	 * Roll-up writes of one project on this instance take turns. Other instances are kept
	 * apart by the versioned save; within one, taking turns also avoids the embedded
	 * store's lost updates between concurrent versioned replaces of one document, which
	 * ProgressReportTests' concurrency test exposed as reports left current.
	 */
	private final Object[] rollupLocks = IntStream.range(0, 256).mapToObj((i) -> new Object()).toArray();

	/** Puts the report into the project's roll-up, retrying on concurrent changes. */
	private Applied apply(Project project, ProgressReport report) {
		synchronized (this.rollupLocks[Math.floorMod(project.code().hashCode(), this.rollupLocks.length)]) {
			return applyInTurn(project, report);
		}
	}

	private Applied applyInTurn(Project project, ProgressReport report) {
		AtomicBoolean first = new AtomicBoolean(true);
		return ROLLUP_WRITES.run(() -> applyOnce(project, report, first.getAndSet(false)),
				() -> ApiException.detailed(ErrorCode.INTERNAL, "busy", null));
	}

	/**
	 * One attempt at the roll-up write, the first from the read model, which this
	 * instance's saves keep current: a stale copy only costs a failed versioned save and
	 * a read from the store.
	 */
	private Applied applyOnce(Project project, ProgressReport report, boolean fromCopy) {
		ProjectProgress current = fromCopy ? this.readModel.get(project.code())
				: this.mongo.findById(project.code(), ProjectProgress.class);
		if (current == null) {
			current = ProjectProgress.empty(project.code(), project.districtCode(), project.category().name());
		}
		PeriodEntry existing = current.periods().get(report.periodKey());
		if (existing != null && !later(report.sequence(), report.id(), existing.sequence(), existing.reportId())) {
			if (fromCopy) {
				// decided on the stored roll-up only, never on a copy
				return applyOnce(project, report, false);
			}
			// already applied, or a later report for this period won
			return Applied.unchanged(existing.reportId().equals(report.id()), existing.sequence());
		}
		ProjectProgress next = current
			.withPeriod(report.periodKey(),
					new PeriodEntry(report.id(), report.sequence(), report.investmentCompleted(),
							report.physicalProgressPercent(), report.submittedAt()))
			.withMilestones(applyMilestones(current.milestones(), report.milestones(), report.period()));
		ProjectProgress saved = this.mongo.save(judged(next, project));
		this.readModel.apply(saved);
		AuditContext.changed("ProjectProgress", saved.projectCode(), current.version() == null ? null : current, saved);
		List<EventPublisher.Draft> raised = new ArrayList<>(2);
		raised.add(new EventPublisher.Draft(EventType.PROGRESS_CHANGED, project.districtCode(), null,
				ProgressReadModel.subject(saved)));
		if (saved.light() != current.light()) {
			raised.add(new EventPublisher.Draft(EventType.PROJECT_LIGHT_CHANGED, project.districtCode(), null,
					project.code()));
		}
		return new Applied(true, report.sequence(), true, (existing != null) ? existing.reportId() : null, raised);
	}

	/**
	 * Whether report a comes after report b for the same period: the higher sequence, and
	 * between equal sequences (which a store without an atomic counter may hand out) the
	 * larger id, so every pair has exactly one winner.
	 */
	static boolean later(long sequenceA, String idA, long sequenceB, String idB) {
		return sequenceA > sequenceB || (sequenceA == sequenceB && idA.compareTo(idB) > 0);
	}

	ProjectProgress judged(ProjectProgress progress, Project project) {
		LightRule.Verdict verdict = judge(progress, project, this.calendar.asOf(project.year()));
		Instant changedAt = verdict.light() == progress.light() ? progress.lightChangedAt() : this.calendar.now();
		return progress.withLight(verdict.light(), verdict.reasons(), changedAt);
	}

	/** The light of a project on a day, under the rules in force on that day. */
	public LightRule.Verdict judge(ProjectProgress progress, Project project, LocalDate day) {
		return judge(progress, project, day, this.rules.at(day));
	}

	/** The light of a project on a day under a given version of the rules. */
	public static LightRule.Verdict judge(ProjectProgress progress, Project project, LocalDate day,
			SupervisionRules rules) {
		return new LightRule(rules).judge(project.code(), progress, project.monthlyPlan(),
				project.status() == ProjectStatus.COMPLETED, project.year(), day);
	}

	/**
	 * Re-judges stored lights as days pass without reports; publishes a change for each
	 * light that moves.
	 */
	@Scheduled(fixedDelayString = "${investment.supervision.light-sweep-interval:PT1H}",
			initialDelayString = "${investment.supervision.light-sweep-initial-delay:PT1M}")
	public int sweepLights() {
		int changed = 0;
		try {
			for (Project project : this.projects.all()) {
				if (rejudge(project)) {
					changed++;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Light sweep failed: {}", ex.toString());
		}
		return changed;
	}

	/**
	 * A project's planned investment or status changed: its light may move at once, not
	 * at the next sweep.
	 */
	@EventListener
	void onProjectChanged(DomainEvent event) {
		// a project without reports has no light to move; skipping it spares a reload of
		// the project read model per created project (an import creates thousands)
		if (event.type() == EventType.PROJECT_CHANGED && this.readModel.get(event.subjectId()) != null) {
			Project project = this.projects.byCode(event.subjectId());
			if (project != null) {
				rejudge(project);
			}
		}
	}

	/**
	 * Stores and announces a project's light when it differs from the stored one; true
	 * when it did.
	 */
	private boolean rejudge(Project project) {
		ProjectProgress progress = this.readModel.get(project.code());
		if (progress == null) {
			return false;
		}
		LightRule.Verdict verdict = judge(progress, project, this.calendar.asOf(project.year()));
		if (verdict.light() == progress.light()) {
			return false;
		}
		try {
			ProjectProgress saved = this.mongo
				.save(progress.withLight(verdict.light(), verdict.reasons(), this.calendar.now()));
			this.readModel.apply(saved);
			this.events.publish(EventType.PROJECT_LIGHT_CHANGED, project.districtCode(), null, project.code());
			return true;
		}
		catch (OptimisticLockingFailureException ex) {
			// a report just re-judged it
			return false;
		}
	}

	static List<Milestone> applyMilestones(List<Milestone> milestones, List<ProgressReport.MilestoneUpdate> updates,
			ReportPeriod period) {
		if (updates == null || updates.isEmpty()) {
			return milestones;
		}
		Map<String, ProgressReport.MilestoneUpdate> byId = new HashMap<>();
		updates.forEach((u) -> byId.put(u.milestoneId(), u));
		List<Milestone> next = new ArrayList<>();
		for (Milestone m : milestones) {
			ProgressReport.MilestoneUpdate u = byId.get(m.id());
			if (u == null) {
				next.add(m);
			}
			else {
				LocalDate met = u.status() == MilestoneStatus.MET || u.status() == MilestoneStatus.PARTIALLY_MET
						? (u.dateMet() != null ? u.dateMet() : period.end()) : null;
				next.add(new Milestone(m.id(), m.title(), m.dueDate(), met, u.status()));
			}
		}
		return next;
	}

	/**
	 * Checks everything before anything is written; all problems are reported at once.
	 */
	private Project validate(SubmitProgressReportInput input, Project project) {
		List<PayloadError> errors = new ArrayList<>();
		if (project == null) {
			errors.add(new PayloadError("input.projectId", ErrorCode.UNKNOWN_PROJECT));
		}
		PeriodInputCheck.check(input.period(), project == null ? null : project.year(), this.calendar.today(), errors);
		if (input.investmentCompleted() == null || input.investmentCompleted().signum() < 0) {
			errors.add(new PayloadError("input.investmentCompleted", ErrorCode.NEGATIVE_INVESTMENT));
		}
		else if (input.investmentCompleted().compareTo(MAX_PERIOD_INVESTMENT) > 0) {
			errors.add(new PayloadError("input.investmentCompleted", ErrorCode.INVESTMENT_TOO_LARGE,
					input.investmentCompleted()));
		}
		BigDecimal percent = input.physicalProgressPercent();
		if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
			errors.add(new PayloadError("input.physicalProgressPercent", ErrorCode.PERCENT_OUT_OF_RANGE));
		}
		if (input.note() != null && input.note().length() > MAX_NOTE) {
			errors.add(new PayloadError("input.note", ErrorCode.TOO_LONG, MAX_NOTE));
		}
		if (input.milestones() != null && project != null) {
			ProjectProgress progress = this.readModel.get(project.code());
			List<Milestone> known = progress == null ? List.of() : progress.milestones();
			for (int i = 0; i < input.milestones().size(); i++) {
				MilestoneUpdateInput m = input.milestones().get(i);
				String id = m.milestoneId() == null ? null : milestoneKey(m.milestoneId());
				if (id == null || known.stream().noneMatch((k) -> k.id().equals(id))) {
					errors
						.add(new PayloadError("input.milestones[" + i + "].milestoneId", ErrorCode.UNKNOWN_MILESTONE));
				}
				if (m.status() == null) {
					errors
						.add(PayloadError.detailed("input.milestones[" + i + "].status", ErrorCode.REQUIRED, "status"));
				}
			}
		}
		if (input.problems() != null) {
			if (input.problems().size() > MAX_PROBLEMS) {
				errors.add(PayloadError.detailed("input.problems", ErrorCode.TOO_MANY, "problems", MAX_PROBLEMS));
			}
			for (int i = 0; i < input.problems().size(); i++) {
				ProblemInput p = input.problems().get(i);
				if (p.text() == null || p.text().isBlank() || p.text().length() > 1000) {
					errors.add(
							PayloadError.detailed("input.problems[" + i + "].text", ErrorCode.INVALID_TEXT, "problem"));
				}
				if (p.departmentCode() == null || this.departments.byCode(p.departmentCode()) == null) {
					errors.add(new PayloadError("input.problems[" + i + "].departmentCode",
							ErrorCode.UNKNOWN_DEPARTMENT, p.departmentCode()));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		return project;
	}

	static String milestoneKey(String id) {
		try {
			return GlobalId.keyOf(id, "Milestone");
		}
		catch (ApiException ex) {
			return id;
		}
	}

	private static List<ProgressReport.MilestoneUpdate> milestoneUpdates(SubmitProgressReportInput input) {
		if (input.milestones() == null) {
			return List.of();
		}
		return input.milestones()
			.stream()
			.map((m) -> new ProgressReport.MilestoneUpdate(milestoneKey(m.milestoneId()), m.status(), m.dateMet()))
			.toList();
	}

	private List<ProgressReport.Problem> problems(SubmitProgressReportInput input, String reportId, Project project,
			ReportPeriod period) {
		if (input.problems() == null) {
			return List.of();
		}
		List<ProgressReport.Problem> list = new ArrayList<>();
		for (int i = 0; i < input.problems().size(); i++) {
			ProblemInput p = input.problems().get(i);
			LocalDate deadline = p.deadline() != null ? p.deadline()
					: this.calendar.today().plusDays(this.supervision.noticeDays());
			list.add(new ProgressReport.Problem(p.text().strip(), p.departmentCode(), deadline,
					reportId + "-P" + (i + 1)));
		}
		return list;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
