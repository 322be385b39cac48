package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.common.RevisionCheckedReplace;
import gov.shaoxing.investment.common.RevisionCheckedReplace.Replaced;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Changes a project's record for those the role table lets change it. A change that
 * leaves the record as it is succeeds without a write, so retries are harmless; otherwise
 * the document is replaced only if nobody changed it meanwhile (its {@code revision}),
 * and other instances hear of it through a PROJECT_CHANGED event.
 */
@Service
class ProjectUpdateService {

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final EventPublisher events;

	private final Clock clock;

	private final ProjectRules rules;

	private final RevisionCheckedReplace<Project> replace;

	ProjectUpdateService(MongoTemplate mongo, ProjectService projects, EventPublisher events, Clock clock,
			ProjectRules rules) {
		this.rules = rules;
		this.mongo = mongo;
		this.projects = projects;
		this.events = events;
		this.clock = clock;
		this.replace = new RevisionCheckedReplace<>(mongo, Project.class, "project");
	}

	/** The project as stored now. */
	public Project stored(String code) {
		return this.mongo.findById(code, Project.class);
	}

	/**
	 * Changes a project's record; who may is checked by role before the project is looked
	 * up, and for the project before its input is checked.
	 */
	public Project update(UpdateProjectInput input, Actor actor) {
		AccessPolicy.requireMayChangeProjects(actor);
		String code = GlobalId.keyOf(input.id(), "Project");
		return change(
				code, input.expectedRevision(), (current) -> AccessPolicy.requireMayChangeProject(actor,
						current.districtCode(), current.leadDepartmentCode()),
				(current) -> apply(input, current, actor), false)
			.after();
	}

	/**
	 * The one revision-checked write of a project: reads it, checks access (before any
	 * validation), computes the new record (which may throw the input's problems), and
	 * replaces the stored document unless it is the same or someone changed it meanwhile
	 * (then it tries again on the new version). {@code dryRun} stops before the write.
	 */
	Replaced<Project> change(String code, Integer expectedRevision, Consumer<Project> access,
			UnaryOperator<Project> change, boolean dryRun) {
		Replaced<Project> replaced;
		try {
			replaced = this.replace.replace(code, expectedRevision,
					() -> new ExpectedFailure(PayloadError.detailed("input.id", ErrorCode.NOT_FOUND, "project")),
					(current) -> {
						access.accept(current);
						Project changed = change.apply(current);
						return sameRecord(changed, current) ? current : changed;
					}, dryRun);
		}
		catch (DuplicateKeyException ex) {
			throw nationalCodeTaken();
		}
		if (replaced.written()) {
			Project saved = replaced.after();
			this.projects.saved(saved);
			this.events.publish(EventType.PROJECT_CHANGED, saved.districtCode(), saved.leadDepartmentCode(),
					saved.code());
			AuditContext.changed("Project", saved.code(), replaced.before(), saved);
		}
		return replaced;
	}

	/** The record with the input's changes (for a caller that checked access). */
	Project applied(UpdateProjectInput in, Project p, Actor actor) {
		return apply(in, p, actor);
	}

	/** The record with the input's changes, or every problem with the input at once. */
	private Project apply(UpdateProjectInput in, Project p, Actor actor) {
		List<PayloadError> errors = new ArrayList<>();
		String name = p.name();
		if (in.name() != null) {
			name = in.name().strip();
			if (name.isEmpty()) {
				errors.add(PayloadError.detailed("input.name", ErrorCode.REQUIRED, "projectName"));
			}
			else if (name.length() > ProjectRules.MAX_NAME) {
				errors.add(ProjectRules.tooLong("input.name", ProjectRules.MAX_NAME));
			}
		}
		String owner = p.ownerEnterprise();
		if (in.ownerEnterprise() != null) {
			owner = ProjectRules.text(in.ownerEnterprise());
			ProjectRules.checkLength(errors, "input.ownerEnterprise", owner, ProjectRules.MAX_NAME);
		}
		BigDecimal total = in.totalInvestment() != null ? in.totalInvestment() : p.totalInvestment();
		if (in.totalInvestment() != null && ProjectRules.checkAmount(errors, "input.totalInvestment", total)
				&& total.signum() == 0) {
			errors.add(new PayloadError("input.totalInvestment", ErrorCode.NOT_POSITIVE));
		}
		BigDecimal planned = in.plannedInvestment() != null ? in.plannedInvestment() : p.plannedInvestment();
		if ((in.plannedInvestment() == null || ProjectRules.checkAmount(errors, "input.plannedInvestment", planned))
				&& planned != null && total != null && planned.compareTo(total) > 0 && total.signum() > 0) {
			errors.add(new PayloadError("input.plannedInvestment", ErrorCode.EXCEEDS_TOTAL));
		}
		List<BigDecimal> monthly = monthlyPlan(in, p, planned, errors);
		LocalDate start = in.plannedStart() != null ? in.plannedStart() : p.plannedStart();
		LocalDate finish = in.plannedFinish() != null ? in.plannedFinish() : p.plannedFinish();
		if (ProjectRules.reversed(start, finish)) {
			errors.add(PayloadError.detailed(in.plannedFinish() != null ? "input.plannedFinish" : "input.plannedStart",
					ErrorCode.INVALID_RANGE, "plannedDates"));
		}
		LocalDate actualStart = in.actualStart() != null ? in.actualStart() : p.actualStart();
		LocalDate actualFinish = in.actualFinish() != null ? in.actualFinish() : p.actualFinish();
		if (ProjectRules.reversed(actualStart, actualFinish)) {
			errors.add(PayloadError.detailed(in.actualFinish() != null ? "input.actualFinish" : "input.actualStart",
					ErrorCode.INVALID_RANGE, "actualDates"));
		}
		Project.Location location = p.location();
		if (in.location() != null) {
			location = ProjectRules.location(in.location(), errors, "input.location");
		}
		String nationalCode = p.nationalCode();
		if (in.nationalCode() != null) {
			nationalCode = in.nationalCode().strip();
			if (!nationalCode.equals(p.nationalCode())) {
				this.rules.checkNationalCode(errors, "input.nationalCode", nationalCode, p.code());
			}
			else if (!NationalProjectCode.isValid(nationalCode)) {
				this.rules.checkNationalCode(errors, "input.nationalCode", nationalCode, p.code());
			}
		}
		Project.Industry industry = in.industry() == null ? p.industry()
				: this.rules.industry(in.industry(), errors, "input.industry");
		List<Project.FundingSource> funding = in.fundingSources() == null ? p.fundingSources()
				: this.rules.fundingSources(in.fundingSources(), total, errors, "input.fundingSources");
		if (in.fundingSources() == null && in.totalInvestment() != null && !funding.isEmpty() && total.signum() > 0) {
			// a lower total must still cover the stored sources
			this.rules.fundingSources(funding.stream()
				.map((f) -> new ProjectRecordInputs.FundingSourceInput(f.source(), f.amount()))
				.toList(), total, errors, "input.fundingSources");
		}
		List<Project.Approval> approvals = in.approvals() == null ? p.approvals()
				: ProjectRules.approvals(in.approvals(), errors, "input.approvals");
		String scope = in.scope() == null ? p.scope() : ProjectRules.text(in.scope());
		ProjectRules.checkLength(errors, "input.scope", scope, ProjectRules.MAX_SCOPE);
		String reason = in.reason() == null ? null : in.reason().strip();
		ProjectRules.checkLength(errors, "input.reason", reason, ProjectRules.MAX_REASON);
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		ProjectStatus status = in.status() != null ? in.status() : p.status();
		return p.toBuilder()
			.name(name)
			.ownerEnterprise(owner)
			.totalInvestment(total)
			.plannedInvestment(planned)
			.plannedMonthly(monthly)
			.strategicEmerging(in.strategicEmerging() != null ? in.strategicEmerging() : p.strategicEmerging())
			.techUpgradePlan(in.techUpgradePlan() != null ? in.techUpgradePlan() : p.techUpgradePlan())
			.status(status)
			.statusHistory(ProjectHistory.withStatus(p, status, this.clock.instant(), actor.name()))
			.plannedStart(start)
			.plannedFinish(finish)
			.location(location)
			.nationalCode(nationalCode)
			.constructionNature(in.constructionNature() != null ? in.constructionNature() : p.constructionNature())
			.industry(industry)
			.fundingSources(funding)
			.investorType(in.investorType() != null ? in.investorType() : p.investorType())
			.statisticsRegistered(
					in.statisticsRegistered() != null ? in.statisticsRegistered() : p.statisticsRegistered())
			.actualStart(actualStart)
			.actualFinish(actualFinish)
			.scope(scope)
			.approvals(approvals)
			.revision(p.revision() + 1)
			.updatedAt(this.clock.instant())
			.updatedBy(actor.name())
			.build();
	}

	/**
	 * The curve to store: a given one checked against the planned investment, or the
	 * stored one, which must still add up when only the planned investment changes (an
	 * even spread simply spreads the new figure).
	 */
	private static List<BigDecimal> monthlyPlan(UpdateProjectInput in, Project p, BigDecimal planned,
			List<PayloadError> errors) {
		if (in.plannedMonthly() != null && in.plannedMonthly().isEmpty()) {
			return null;
		}
		List<BigDecimal> monthly = in.plannedMonthly() != null ? in.plannedMonthly() : p.plannedMonthly();
		if (monthly == null) {
			return null;
		}
		List<PayloadError> problems = MonthlyPlan.check(monthly, planned, "input.plannedMonthly");
		if (!problems.isEmpty() && in.plannedMonthly() == null) {
			errors.add(PayloadError.detailed("input.plannedMonthly", ErrorCode.PLANNED_MONTHLY_SUM, "stale"));
			return null;
		}
		errors.addAll(problems);
		return MonthlyPlan.stored(monthly, planned);
	}

	private static ExpectedFailure nationalCodeTaken() {
		return new ExpectedFailure(List.of(ProjectRules.nationalCodeTaken("input.nationalCode")));
	}

	/**
	 * Equal apart from the bookkeeping of who changed it last; amounts compare by value
	 * (2.50 = 2.5).
	 */
	static boolean sameRecord(Project a, Project b) {
		return Objects.equals(a.name(), b.name()) && Objects.equals(a.ownerEnterprise(), b.ownerEnterprise())
				&& Objects.equals(a.liaison(), b.liaison()) && sameAmount(a.totalInvestment(), b.totalInvestment())
				&& sameAmount(a.plannedInvestment(), b.plannedInvestment())
				&& a.strategicEmerging() == b.strategicEmerging() && a.techUpgradePlan() == b.techUpgradePlan()
				&& a.status() == b.status() && Objects.equals(a.plannedStart(), b.plannedStart())
				&& Objects.equals(a.plannedFinish(), b.plannedFinish()) && Objects.equals(a.location(), b.location())
				&& Objects.equals(a.nationalCode(), b.nationalCode())
				&& MonthlyPlan.same(a.monthlyPlan(), b.monthlyPlan())
				&& a.constructionNature() == b.constructionNature() && Objects.equals(a.industry(), b.industry())
				&& sameFunding(a.fundingSources(), b.fundingSources()) && a.investorType() == b.investorType()
				&& Objects.equals(a.statisticsRegistered(), b.statisticsRegistered())
				&& Objects.equals(a.actualStart(), b.actualStart())
				&& Objects.equals(a.actualFinish(), b.actualFinish()) && Objects.equals(a.scope(), b.scope())
				&& Objects.equals(a.approvals(), b.approvals());
	}

	private static boolean sameFunding(List<Project.FundingSource> a, List<Project.FundingSource> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (a.get(i).source() != b.get(i).source() || !sameAmount(a.get(i).amount(), b.get(i).amount())) {
				return false;
			}
		}
		return true;
	}

	static boolean sameAmount(BigDecimal a, BigDecimal b) {
		return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
	}

}
