package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Changes a project's record for those the role table lets change it. A change that
 * leaves the record as it is succeeds without a write, so retries are harmless; otherwise
 * the document is replaced only if nobody changed it meanwhile (its {@code revision}),
 * and other instances hear of it through a PROJECT_CHANGED event.
 */
@Service
public class ProjectUpdateService {

	static final int MAX_NAME = 200;

	static final int MAX_REASON = 500;

	/**
	 * 1万亿元: far beyond any single project, small enough to catch a unit mistake (万元 typed
	 * as 亿元).
	 */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000");

	private static final int MAX_SCALE = 4;

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final EventPublisher events;

	private final Clock clock;

	ProjectUpdateService(MongoTemplate mongo, ProjectService projects, EventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.projects = projects;
		this.events = events;
		this.clock = clock;
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
		for (int attempt = 0; attempt < 5; attempt++) {
			Project current = this.mongo.findById(code, Project.class);
			if (current == null) {
				throw new ExpectedFailure(PayloadError.detailed("input.id", ErrorCode.NOT_FOUND, "project"));
			}
			AccessPolicy.requireMayChangeProject(actor, current.districtCode(), current.leadDepartmentCode());
			Project changed = apply(input, current, actor);
			if (sameRecord(changed, current)) {
				return current;
			}
			if (input.expectedRevision() != null
					&& input.expectedRevision().intValue() != current.revision().intValue()) {
				throw new ExpectedFailure(PayloadError.detailed("input.expectedRevision", ErrorCode.REVISION_CONFLICT,
						"project", current.revision()));
			}
			Criteria unchanged = Criteria.where("_id")
				.is(code)
				.and("revision")
				.in(current.revision().intValue() == 0 ? new Object[] { 0, null }
						: new Object[] { current.revision() });
			Project saved;
			try {
				saved = this.mongo.findAndReplace(Query.query(unchanged), changed,
						FindAndReplaceOptions.options().returnNew());
			}
			catch (DuplicateKeyException ex) {
				throw nationalCodeTaken();
			}
			if (saved == null) {
				if (input.expectedRevision() != null) {
					throw new ExpectedFailure("input.expectedRevision", ErrorCode.REVISION_CONFLICT);
				}
				continue;
			}
			this.projects.invalidate();
			this.events.publish(EventType.PROJECT_CHANGED, saved.districtCode(), saved.leadDepartmentCode(),
					saved.code());
			AuditContext.changed("Project", saved.code(), current, saved);
			return saved;
		}
		throw ApiException.detailed(ErrorCode.INTERNAL, "busy", null);
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
			else if (name.length() > MAX_NAME) {
				errors.add(tooLong("input.name", MAX_NAME));
			}
		}
		String owner = p.ownerEnterprise();
		if (in.ownerEnterprise() != null) {
			owner = in.ownerEnterprise().isBlank() ? null : in.ownerEnterprise().strip();
			if (owner != null && owner.length() > MAX_NAME) {
				errors.add(tooLong("input.ownerEnterprise", MAX_NAME));
			}
		}
		BigDecimal total = in.totalInvestment() != null ? in.totalInvestment() : p.totalInvestment();
		if (in.totalInvestment() != null && checkAmount(errors, "input.totalInvestment", total)
				&& total.signum() == 0) {
			errors.add(new PayloadError("input.totalInvestment", ErrorCode.NOT_POSITIVE));
		}
		BigDecimal planned = in.plannedInvestment() != null ? in.plannedInvestment() : p.plannedInvestment();
		if ((in.plannedInvestment() == null || checkAmount(errors, "input.plannedInvestment", planned))
				&& planned != null && total != null && planned.compareTo(total) > 0 && total.signum() > 0) {
			errors.add(new PayloadError("input.plannedInvestment", ErrorCode.EXCEEDS_TOTAL));
		}
		List<BigDecimal> monthly = monthlyPlan(in, p, planned, errors);
		LocalDate start = in.plannedStart() != null ? in.plannedStart() : p.plannedStart();
		LocalDate finish = in.plannedFinish() != null ? in.plannedFinish() : p.plannedFinish();
		if (start != null && finish != null && finish.isBefore(start)) {
			errors.add(PayloadError.detailed(in.plannedFinish() != null ? "input.plannedFinish" : "input.plannedStart",
					ErrorCode.INVALID_RANGE, "plannedDates"));
		}
		Project.Location location = p.location();
		if (in.location() != null) {
			location = location(in.location(), errors);
		}
		String nationalCode = p.nationalCode();
		if (in.nationalCode() != null) {
			nationalCode = in.nationalCode().strip();
			if (!NationalProjectCode.isValid(nationalCode)) {
				errors.add(new PayloadError("input.nationalCode", ErrorCode.INVALID_NATIONAL_CODE));
			}
			else if (!nationalCode.equals(p.nationalCode()) && takenByAnother(nationalCode, p.code())) {
				errors.add(nationalCodeTaken().errors().get(0));
			}
		}
		String reason = in.reason() == null ? null : in.reason().strip();
		if (reason != null && reason.length() > MAX_REASON) {
			errors.add(tooLong("input.reason", MAX_REASON));
		}
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		return new Project(p.code(), p.category(), name, p.districtCode(), p.leadDepartmentCode(),
				p.coDepartmentCodes(), owner, total, planned,
				in.strategicEmerging() != null ? in.strategicEmerging() : p.strategicEmerging(),
				in.techUpgradePlan() != null ? in.techUpgradePlan() : p.techUpgradePlan(),
				in.status() != null ? in.status() : p.status(), start, finish, location, nationalCode, p.liaison(),
				p.year(), p.demo(), p.revision() + 1, this.clock.instant(), actor.name(), monthly);
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

	private static Project.Location location(UpdateProjectInput.LocationInput in, List<PayloadError> errors) {
		if (in.latitude() == null || in.longitude() == null || in.latitude() < -90 || in.latitude() > 90
				|| in.longitude() < -180 || in.longitude() > 180 || in.latitude().isNaN() || in.longitude().isNaN()) {
			errors.add(new PayloadError("input.location", ErrorCode.INVALID_LOCATION));
			return null;
		}
		String address = in.address() == null || in.address().isBlank() ? null : in.address().strip();
		if (address != null && address.length() > MAX_NAME) {
			errors.add(tooLong("input.location.address", MAX_NAME));
		}
		return new Project.Location(in.latitude(), in.longitude(), address);
	}

	/** Checks an amount in 亿元; true when it is usable. */
	private static boolean checkAmount(List<PayloadError> errors, String field, BigDecimal value) {
		if (value.signum() < 0) {
			errors.add(new PayloadError(field, ErrorCode.NEGATIVE));
		}
		else if (value.compareTo(MAX_AMOUNT) > 0) {
			errors.add(PayloadError.detailed(field, ErrorCode.OUT_OF_RANGE, "amount", MAX_AMOUNT));
		}
		else if (value.stripTrailingZeros().scale() > MAX_SCALE) {
			errors.add(PayloadError.detailed(field, ErrorCode.TOO_PRECISE, "amount", MAX_SCALE));
		}
		else {
			return true;
		}
		return false;
	}

	private boolean takenByAnother(String nationalCode, String code) {
		Project other = this.mongo.findOne(Query.query(Criteria.where("nationalCode").is(nationalCode)), Project.class);
		return other != null && !other.code().equals(code);
	}

	private static ExpectedFailure nationalCodeTaken() {
		return new ExpectedFailure("input.nationalCode", ErrorCode.NATIONAL_CODE_TAKEN);
	}

	private static PayloadError tooLong(String field, int max) {
		return new PayloadError(field, ErrorCode.TOO_LONG, max);
	}

	/**
	 * Equal apart from the bookkeeping of who changed it last; amounts compare by value
	 * (2.50 = 2.5).
	 */
	private static boolean sameRecord(Project a, Project b) {
		return Objects.equals(a.name(), b.name()) && Objects.equals(a.ownerEnterprise(), b.ownerEnterprise())
				&& sameAmount(a.totalInvestment(), b.totalInvestment())
				&& sameAmount(a.plannedInvestment(), b.plannedInvestment())
				&& a.strategicEmerging() == b.strategicEmerging() && a.techUpgradePlan() == b.techUpgradePlan()
				&& a.status() == b.status() && Objects.equals(a.plannedStart(), b.plannedStart())
				&& Objects.equals(a.plannedFinish(), b.plannedFinish()) && Objects.equals(a.location(), b.location())
				&& Objects.equals(a.nationalCode(), b.nationalCode())
				&& MonthlyPlan.same(a.monthlyPlan(), b.monthlyPlan());
	}

	private static boolean sameAmount(BigDecimal a, BigDecimal b) {
		return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
	}

}
