package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.common.Retry;
import gov.shaoxing.investment.common.RevisionCheckedReplace.Replaced;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Creates projects ({@code createProject}) and applies imported rows as upserts by
 * natural key, through the same rules as {@code updateProject}. A project is found again
 * by its code, else by its national code, else by name in the same district and category,
 * so sending the same input twice changes nothing. Created records are never demo.
 */
@Service
public class ProjectCreateService {

	/** Counters for generated codes, one per {district}-{category} prefix. */
	static final String SEQUENCES = "project_code_sequences";

	private static final Pattern SEQUENCE = Pattern.compile(".*-(\\d+)$");

	private static final Retry INSERTS = Retry.immediately(5, DuplicateKeyException.class);

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final ProjectUpdateService updates;

	private final ProjectRules rules;

	private final ProjectInputMapper mapper;

	private final EventPublisher events;

	private final Clock clock;

	private final int planYear;

	ProjectCreateService(MongoTemplate mongo, ProjectService projects, ProjectUpdateService updates, ProjectRules rules,
			ProjectInputMapper mapper, EventPublisher events, Clock clock,
			@Value("${investment.projects.plan-year:2012}") int planYear) {
		this.mongo = mongo;
		this.projects = projects;
		this.updates = updates;
		this.rules = rules;
		this.mapper = mapper;
		this.events = events;
		this.clock = clock;
		this.planYear = planYear;
	}

	/** What an upsert did. */
	public enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	/**
	 * The project after an upsert, what happened to it, and how it was before (null when
	 * created).
	 */
	public record Result(Project project, Outcome outcome, Project before) {
	}

	/**
	 * {@code createProject}: a new project, or the existing one unchanged when the same
	 * input is sent again; an existing project with other values is refused with
	 * {@code PROJECT_EXISTS} (change it with {@code updateProject}).
	 */
	public Result create(CreateProjectInput input, Actor actor) {
		return upsert(input, actor, false, true, null);
	}

	/**
	 * One imported row: created, or applied to the existing project as
	 * {@code updateProject} would (fields left empty stay as they are). {@code dryRun}
	 * checks everything and writes nothing.
	 */
	public Result upsert(CreateProjectInput input, Actor actor, boolean dryRun, String reason) {
		return upsert(input, actor, dryRun, false, reason);
	}

	private Result upsert(CreateProjectInput in, Actor actor, boolean dryRun, boolean createOnly, String reason) {
		AccessPolicy.requireSignedIn(actor);
		String districtCode = ProjectRules.text(in.districtCode());
		Project existing = existing(in, districtCode);
		if (existing != null) {
			return applyToExisting(in, existing, actor, dryRun, createOnly, reason);
		}
		AccessPolicy.requireMayCreateProject(actor, districtCode);
		if (in.liaison() != null) {
			AccessPolicy.requireMayAssignLiaisons(actor);
		}
		Project candidate = candidate(in, districtCode, actor, dryRun);
		if (dryRun) {
			return new Result(candidate, Outcome.CREATED, null);
		}
		AtomicBoolean first = new AtomicBoolean(true);
		return INSERTS.run(() -> {
			// a retry follows only a generated code that another request took: take the
			// next
			Project toInsert = first.getAndSet(false) ? candidate
					: candidate.toBuilder().code(nextCode(candidate.districtCode(), candidate.category())).build();
			try {
				Project saved = this.mongo.insert(toInsert);
				this.projects.saved(saved);
				this.events.publish(EventType.PROJECT_CHANGED, saved.districtCode(), saved.leadDepartmentCode(),
						saved.code());
				AuditContext.changed("Project", saved.code(), null, saved);
				return new Result(saved, Outcome.CREATED, null);
			}
			catch (DuplicateKeyException ex) {
				Project again = existing(in, districtCode);
				if (again != null) {
					return applyToExisting(in, again, actor, false, createOnly, reason);
				}
				if (ProjectRules.text(in.code()) != null) {
					throw new ExpectedFailure(List.of(ProjectRules.nationalCodeTaken("input.nationalCode")));
				}
				throw ex;
			}
		}, () -> ApiException.detailed(ErrorCode.INTERNAL, "creating", null));
	}

	/**
	 * The stored project this input names: by code, else national code, else the same
	 * name in the same district and category.
	 */
	private Project existing(CreateProjectInput in, String districtCode) {
		String code = ProjectRules.text(in.code());
		if (code != null) {
			return this.rules.validCode(code) ? this.mongo.findById(code, Project.class) : null;
		}
		String nationalCode = ProjectRules.text(in.nationalCode());
		if (nationalCode != null && NationalProjectCode.isValid(nationalCode)) {
			Project found = this.mongo.findOne(Query.query(Criteria.where("nationalCode").is(nationalCode)),
					Project.class);
			if (found != null) {
				return found;
			}
		}
		String name = ProjectRules.text(in.name());
		if (name == null || districtCode == null || in.category() == null) {
			return null;
		}
		return this.mongo.findOne(Query.query(
				Criteria.where("districtCode").is(districtCode).and("category").is(in.category()).and("name").is(name)),
				Project.class);
	}

	private Result applyToExisting(CreateProjectInput in, Project existing, Actor actor, boolean dryRun,
			boolean createOnly, String reason) {
		// who may create in the district may send the same input again; changing it needs
		// the right to change the project (and, for its liaison, to assign liaisons)
		boolean mayChange = allowed(() -> AccessPolicy.requireMayChangeProject(actor, existing.districtCode(),
				existing.leadDepartmentCode()));
		if (!mayChange) {
			AccessPolicy.requireMayCreateProject(actor, existing.districtCode());
		}
		boolean mayAssign = allowed(() -> AccessPolicy.requireMayAssignLiaisons(actor));
		UpdateProjectInput update = this.mapper.toUpdate(in, GlobalId.encode("Project", existing.code()), null, reason);
		Replaced<Project> change = this.updates.change(existing.code(), null, (current) -> {
		}, (current) -> {
			List<PayloadError> errors = new ArrayList<>();
			checkFixedFields(in, current, errors);
			Project.Liaison liaison = in.liaison() == null ? current.liaison()
					: this.rules.liaison(in.liaison(), errors, "input.liaison");
			Project changed;
			try {
				changed = this.updates.applied(update, current, actor);
			}
			catch (ExpectedFailure ex) {
				errors.addAll(ex.errors());
				throw new ExpectedFailure(errors);
			}
			if (!errors.isEmpty()) {
				throw new ExpectedFailure(errors);
			}
			boolean sameLiaison = Objects.equals(liaison, current.liaison());
			if (!createOnly && (!mayChange || (!sameLiaison && !mayAssign))
					&& !ProjectUpdateService.sameRecord(changed.toBuilder().liaison(liaison).build(), current)) {
				AccessPolicy.requireMayChangeProject(actor, current.districtCode(), current.leadDepartmentCode());
				AccessPolicy.requireMayAssignLiaisons(actor);
			}
			if (sameLiaison) {
				return changed;
			}
			return changed.toBuilder()
				.liaison(liaison)
				.liaisonHistory(ProjectHistory.withLiaison(current, liaison, changed.updatedAt(), actor.name(), reason))
				.build();
		}, dryRun || createOnly);
		if (change.written() || ((dryRun || createOnly) && change.after() != change.before())) {
			if (createOnly) {
				throw new ExpectedFailure("input.code", ErrorCode.PROJECT_EXISTS, existing.code());
			}
			return new Result(change.after(), Outcome.UPDATED, change.before());
		}
		return new Result(change.after(), Outcome.UNCHANGED, change.before());
	}

	private static boolean allowed(Runnable check) {
		try {
			check.run();
			return true;
		}
		catch (ApiException ex) {
			return false;
		}
	}

	/** District, category and departments are assigned at creation and stay. */
	private static void checkFixedFields(CreateProjectInput in, Project current, List<PayloadError> errors) {
		fixed(errors, "input.category", in.category(), current.category());
		fixed(errors, "input.districtCode", ProjectRules.text(in.districtCode()), current.districtCode());
		fixed(errors, "input.leadDepartmentCode", ProjectRules.text(in.leadDepartmentCode()),
				current.leadDepartmentCode());
		if (in.coDepartmentCodes() != null && !in.coDepartmentCodes().isEmpty()
				&& !in.coDepartmentCodes().equals(current.coDepartmentCodes())) {
			errors.add(PayloadError.detailed("input.coDepartmentCodes", ErrorCode.CANNOT_CHANGE, "coDepartments"));
		}
		if (in.year() != null && in.year() != current.year()) {
			errors.add(PayloadError.detailed("input.year", ErrorCode.CANNOT_CHANGE, "year"));
		}
	}

	private static void fixed(List<PayloadError> errors, String field, Object given, Object stored) {
		if (given != null && !given.equals(stored)) {
			errors.add(new PayloadError(field, ErrorCode.CANNOT_CHANGE, field.substring(6), stored));
		}
	}

	/** A new record from the input, or every problem with it at once. */
	private Project candidate(CreateProjectInput in, String districtCode, Actor actor, boolean dryRun) {
		List<PayloadError> errors = new ArrayList<>();
		String code = ProjectRules.text(in.code());
		if (code != null && !this.rules.validCode(code)) {
			errors.add(new PayloadError("input.code", ErrorCode.INVALID_CODE));
		}
		if (in.category() == null) {
			errors.add(PayloadError.detailed("input.category", ErrorCode.REQUIRED, "category"));
		}
		String name = ProjectRules.text(in.name());
		if (name == null) {
			errors.add(PayloadError.detailed("input.name", ErrorCode.REQUIRED, "projectName"));
		}
		ProjectRules.checkLength(errors, "input.name", name, ProjectRules.MAX_NAME);
		this.rules.checkDistrict(errors, "input.districtCode", districtCode);
		String lead = ProjectRules.text(in.leadDepartmentCode());
		this.rules.checkDepartment(errors, "input.leadDepartmentCode", lead);
		List<String> co = new ArrayList<>();
		List<String> coInput = in.coDepartmentCodes() == null ? List.of() : in.coDepartmentCodes();
		for (int i = 0; i < coInput.size(); i++) {
			String c = ProjectRules.text(coInput.get(i));
			this.rules.checkDepartment(errors, "input.coDepartmentCodes[" + i + "]", c);
			if (c != null && !co.contains(c) && !c.equals(lead)) {
				co.add(c);
			}
		}
		String owner = ProjectRules.text(in.ownerEnterprise());
		ProjectRules.checkLength(errors, "input.ownerEnterprise", owner, ProjectRules.MAX_NAME);
		BigDecimal total = in.totalInvestment();
		if (total == null) {
			errors.add(PayloadError.detailed("input.totalInvestment", ErrorCode.REQUIRED, "totalInvestment"));
		}
		else if (ProjectRules.checkAmount(errors, "input.totalInvestment", total) && total.signum() == 0) {
			errors.add(new PayloadError("input.totalInvestment", ErrorCode.NOT_POSITIVE));
		}
		BigDecimal planned = in.plannedInvestment();
		if (planned == null) {
			errors.add(PayloadError.detailed("input.plannedInvestment", ErrorCode.REQUIRED, "plannedInvestment"));
		}
		else if (ProjectRules.checkAmount(errors, "input.plannedInvestment", planned) && total != null
				&& planned.compareTo(total) > 0) {
			errors.add(new PayloadError("input.plannedInvestment", ErrorCode.EXCEEDS_TOTAL));
		}
		List<BigDecimal> monthly = null;
		if (in.plannedMonthly() != null && !in.plannedMonthly().isEmpty()) {
			errors.addAll(MonthlyPlan.check(in.plannedMonthly(), planned, "input.plannedMonthly"));
			monthly = MonthlyPlan.stored(in.plannedMonthly(), planned);
		}
		if (ProjectRules.reversed(in.plannedStart(), in.plannedFinish())) {
			errors.add(PayloadError.detailed("input.plannedFinish", ErrorCode.INVALID_RANGE, "plannedDates"));
		}
		if (ProjectRules.reversed(in.actualStart(), in.actualFinish())) {
			errors.add(PayloadError.detailed("input.actualFinish", ErrorCode.INVALID_RANGE, "actualDates"));
		}
		Project.Location location = in.location() == null ? null
				: ProjectRules.location(in.location(), errors, "input.location");
		String nationalCode = ProjectRules.text(in.nationalCode());
		if (nationalCode != null) {
			this.rules.checkNationalCode(errors, "input.nationalCode", nationalCode, code);
		}
		Project.Industry industry = in.industry() == null ? null
				: this.rules.industry(in.industry(), errors, "input.industry");
		List<Project.FundingSource> funding = in.fundingSources() == null ? List.of()
				: this.rules.fundingSources(in.fundingSources(), total, errors, "input.fundingSources");
		List<Project.Approval> approvals = in.approvals() == null ? List.of()
				: ProjectRules.approvals(in.approvals(), errors, "input.approvals");
		String scope = ProjectRules.text(in.scope());
		ProjectRules.checkLength(errors, "input.scope", scope, ProjectRules.MAX_SCOPE);
		int year = in.year() == null ? this.planYear : in.year();
		if (year < 2000 || year > 2100) {
			errors.add(PayloadError.detailed("input.year", ErrorCode.OUT_OF_RANGE, "planYear", 2000, 2100));
		}
		Project.Liaison liaison = in.liaison() == null ? null
				: this.rules.liaison(in.liaison(), errors, "input.liaison");
		String reason = ProjectRules.text(in.reason());
		ProjectRules.checkLength(errors, "input.reason", reason, ProjectRules.MAX_REASON);
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		Instant now = this.clock.instant();
		ProjectStatus status = in.status() == null ? ProjectStatus.RESERVE : in.status();
		return Project.builder()
			.code(code != null ? code
					: dryRun ? districtCode + "-" + abbreviation(in.category()) + "-NEW"
							: nextCode(districtCode, in.category()))
			.category(in.category())
			.name(name)
			.districtCode(districtCode)
			.leadDepartmentCode(lead)
			.coDepartmentCodes(co)
			.ownerEnterprise(owner)
			.totalInvestment(total)
			.plannedInvestment(planned)
			.plannedMonthly(monthly)
			.strategicEmerging(Boolean.TRUE.equals(in.strategicEmerging()))
			.techUpgradePlan(Boolean.TRUE.equals(in.techUpgradePlan()))
			.status(status)
			.statusHistory(ProjectHistory.withStatus(null, status, now, actor.name()))
			.plannedStart(in.plannedStart())
			.plannedFinish(in.plannedFinish())
			.location(location)
			.nationalCode(nationalCode)
			.liaison(liaison)
			.liaisonHistory(
					liaison == null ? List.of() : ProjectHistory.withLiaison(null, liaison, now, actor.name(), reason))
			.year(year)
			.demo(false)
			.revision(0)
			.updatedAt(now)
			.updatedBy(actor.name())
			.constructionNature(in.constructionNature())
			.industry(industry)
			.fundingSources(funding)
			.investorType(in.investorType())
			.statisticsRegistered(in.statisticsRegistered())
			.actualStart(in.actualStart())
			.actualFinish(in.actualFinish())
			.scope(scope)
			.approvals(approvals)
			.build();
	}

	/**
	 * {@code {district}-{category}-{sequence}}, at least three digits (ZHUJI-IND-001):
	 * from a counter per prefix, which starts after the highest code already stored.
	 */
	String nextCode(String districtCode, ProjectCategory category) {
		String prefix = districtCode + "-" + abbreviation(category) + "-";
		Query counter = Query.query(Criteria.where("_id").is(prefix));
		Document next = this.mongo.findAndModify(counter, new Update().inc("sequence", 1),
				FindAndModifyOptions.options().returnNew(true).upsert(true), Document.class, SEQUENCES);
		int sequence = next.get("sequence", Number.class).intValue();
		if (sequence == 1) {
			int highest = 0;
			for (Document p : this.mongo.find(
					Query.query(Criteria.where("_id").regex("^" + Pattern.quote(prefix) + "\\d+$")), Document.class,
					"projects")) {
				var m = SEQUENCE.matcher(p.getString("_id"));
				if (m.matches()) {
					highest = Math.max(highest, Integer.parseInt(m.group(1)));
				}
			}
			if (highest > 0) {
				next = this.mongo.findAndModify(counter, new Update().max("sequence", highest + 1),
						FindAndModifyOptions.options().returnNew(true), Document.class, SEQUENCES);
				sequence = next.get("sequence", Number.class).intValue();
			}
		}
		return prefix + String.format("%03d", sequence);
	}

	static String abbreviation(ProjectCategory category) {
		return switch (category) {
			case INDUSTRIAL -> "IND";
			case SERVICE -> "SVC";
			case AGRICULTURAL -> "AGR";
		};
	}

}
