package gov.shaoxing.investment.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.Connection;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.FeedPaging;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.Idempotency;
import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.inspection.RecordInspectionInput.PositionInput;
import gov.shaoxing.investment.inspection.RecordInspectionInput.ProblemInput;
import gov.shaoxing.investment.notice.NoticeDraft;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.notice.NoticeSource;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.Role;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Records inspections and finds them. Recording validates everything before it writes
 * anything, then claims the client's idempotency key: the first request (or a retry of
 * one that did not finish) writes the inspection under the id the claim fixed and raises
 * one notice per problem under ids derived from it, so doing it twice changes nothing; a
 * retry of a finished request reads the stored inspection back.
 */
@Service
public class InspectionService {

	static final String IDEMPOTENCY_SCOPE = "inspection";

	static final int MAX_FINDINGS = 4000;

	static final int MAX_PROBLEM_TEXT = 2000;

	static final int MAX_INSPECTOR = 100;

	static final int MAX_PHOTOS = 20;

	static final int MAX_PROBLEMS = 50;

	static final int DEFAULT_DEADLINE_DAYS = 15;

	private final MongoTemplate mongo;

	private final FeedPaging feeds;

	private final Idempotency idempotency;

	private final ProjectService projects;

	private final DepartmentService departments;

	private final NoticeService notices;

	private final PhotoStore photos;

	private final Clock clock;

	InspectionService(MongoTemplate mongo, FeedPaging feeds, Idempotency idempotency, ProjectService projects,
			DepartmentService departments, NoticeService notices, PhotoStore photos, Clock clock) {
		this.mongo = mongo;
		this.feeds = feeds;
		this.idempotency = idempotency;
		this.projects = projects;
		this.departments = departments;
		this.notices = notices;
		this.photos = photos;
		this.clock = clock;
	}

	public Inspection byId(String id) {
		return this.mongo.findById(id, Inspection.class);
	}

	Connection<Inspection> find(InspectionFilter filter, Integer first, String after) {
		return this.feeds.page(criteria(filter), Inspection.class, first, after, Inspection::id);
	}

	/** Inspections of each project, newest first, in one query. */
	Map<String, List<Inspection>> forProjects(Collection<String> projectCodes) {
		return this.mongo.find(Query.query(Criteria.where("projectCode").in(projectCodes)), Inspection.class)
			.stream()
			.sorted(Comparator.comparing(Inspection::id).reversed())
			.collect(Collectors.groupingBy(Inspection::projectCode));
	}

	/**
	 * Records an inspection, or fails with {@link ExpectedFailure} having written
	 * nothing. Who may inspect is checked first; then the one idempotent-write flow
	 * claims the key, validates, writes and completes. The inspector is the signed-in
	 * user: only an admin may record an inspection under another name.
	 */
	public Inspection record(RecordInspectionInput input, Actor actor) {
		AccessPolicy.requireMayInspect(actor);
		Project project = projectOf(input.projectId());
		if (project != null) {
			AccessPolicy.requireMayInspect(actor, project.districtCode());
		}
		boolean namedOther = input.inspector() != null && !input.inspector().isBlank()
				&& !input.inspector().strip().equals(actor.name()) && !actor.is(Role.ADMIN);
		RecordInspectionInput signed = input.inspector() == null || input.inspector().isBlank()
				? input.withInspector(actor.name()) : input;
		return this.idempotency.write(new Idempotency.Write<>(IDEMPOTENCY_SCOPE, actor.name(), input.idempotencyKey(),
				canonical(signed), () -> Ids.next("I"), () -> validate(signed, project, namedOther), (claim, valid) -> {
					Inspection inspection = write(claim, signed, valid);
					AuditContext.changed("Inspection", inspection.id(), null, inspection);
					return inspection;
				}, (claim) -> byId(claim.resultId())));
	}

	/** The project an input names, or null for an id that names none. */
	private Project projectOf(String projectId) {
		try {
			return this.projects.byCode(GlobalId.keyOf(projectId, "Project"));
		}
		catch (ApiException ex) {
			// a malformed id names no project, which the validation reports
			return null;
		}
	}

	/**
	 * Inserts the inspection (keeping the stored one if a racing or earlier attempt got
	 * there first) and raises its notices.
	 */
	private Inspection write(Idempotency.Claim claim, RecordInspectionInput input, Validated valid) {
		String id = claim.resultId();
		Project project = valid.project();
		LocalDate date = input.date();
		List<Inspection.Problem> problems = new ArrayList<>();
		for (int i = 0; i < input.problems().size(); i++) {
			ProblemInput p = input.problems().get(i);
			LocalDate deadline = p.deadline() != null ? p.deadline() : date.plusDays(DEFAULT_DEADLINE_DAYS);
			problems.add(new Inspection.Problem(p.text().strip(), p.departmentCode(), deadline, id + "-P" + i));
		}
		PositionInput at = input.position();
		Inspection.Position position = new Inspection.Position(at.latitude(), at.longitude(), at.accuracyMeters());
		Double distance = project.location() == null ? null : Math.round(
				distanceKm(at.latitude(), at.longitude(), project.location().latitude(), project.location().longitude())
						* 1000)
				/ 1000.0;
		List<Photo> photos = withEvidence(input.photoIds().stream().map(valid.photos()::get).toList(), project, date);
		Inspection inspection = new Inspection(id, project.code(), project.districtCode(), date, position, distance,
				input.findings().strip(), input.rating(), photos, problems, blankToNull(input.inspector()),
				this.clock.instant());
		try {
			inspection = this.mongo.insert(inspection);
		}
		catch (DuplicateKeyException ex) {
			inspection = byId(id);
		}
		claim.wrote();
		for (Inspection.Problem problem : inspection.problems()) {
			this.notices.raise(new NoticeDraft(problem.noticeId(), inspection.projectCode(), inspection.districtCode(),
					problem.departmentCode(), NoticeSource.INSPECTION, inspection.id(), problem.text(),
					problem.deadline(), inspection.inspector()));
		}
		return inspection;
	}

	private record Validated(Project project, Map<String, Photo> photos) {
	}

	/**
	 * The photos with their evidence: distance from the site, capture day and the first
	 * upload of the same bytes (one query for all the inspection's photos).
	 */
	private List<Photo> withEvidence(List<Photo> photos, Project project, LocalDate date) {
		Map<String, String> first = this.photos
			.firstWithHashes(photos.stream().map(Photo::sha256).filter(Objects::nonNull).distinct().toList());
		return photos.stream().map((p) -> {
			String original = p.sha256() == null ? null : first.get(p.sha256());
			return p.withEvidence(PhotoEvidence.judge(p, project, date, this.clock.getZone(),
					original == null || original.equals(p.id()) ? null : original));
		}).toList();
	}

	/** Checks the whole input, reporting every mistake at once; reads only. */
	private Validated validate(RecordInspectionInput input, Project project, boolean namedOther) {
		List<PayloadError> errors = new ArrayList<>();
		if (project == null) {
			errors.add(new PayloadError("input.projectId", ErrorCode.UNKNOWN_PROJECT));
		}
		if (namedOther) {
			errors.add(new PayloadError("input.inspector", ErrorCode.INSPECTOR_MISMATCH));
		}
		LocalDate today = LocalDate.now(this.clock);
		if (input.date() == null) {
			errors.add(PayloadError.detailed("input.date", ErrorCode.REQUIRED, "inspectionDate"));
		}
		else if (input.date().isAfter(today)) {
			errors.add(new PayloadError("input.date", ErrorCode.DATE_IN_FUTURE, input.date(), today));
		}
		validatePosition(input.position(), errors);
		if (input.findings() == null || input.findings().isBlank()) {
			errors.add(PayloadError.detailed("input.findings", ErrorCode.REQUIRED, "findings"));
		}
		else if (input.findings().length() > MAX_FINDINGS) {
			errors.add(new PayloadError("input.findings", ErrorCode.TOO_LONG, MAX_FINDINGS));
		}
		if (input.rating() == null) {
			errors.add(PayloadError.detailed("input.rating", ErrorCode.REQUIRED, "rating"));
		}
		if (input.inspector() != null && input.inspector().length() > MAX_INSPECTOR) {
			errors.add(new PayloadError("input.inspector", ErrorCode.TOO_LONG, MAX_INSPECTOR));
		}
		Map<String, Photo> photos = Map.of();
		if (input.photoIds().size() > MAX_PHOTOS) {
			errors.add(PayloadError.detailed("input.photoIds", ErrorCode.TOO_LONG, "photos", MAX_PHOTOS));
		}
		else {
			photos = this.photos.byIds(input.photoIds());
			for (int i = 0; i < input.photoIds().size(); i++) {
				if (!photos.containsKey(input.photoIds().get(i))) {
					errors.add(new PayloadError("input.photoIds[" + i + "]", ErrorCode.UNKNOWN_PHOTO));
				}
			}
		}
		validateProblems(input, errors);
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		return new Validated(project, photos);
	}

	private static void validatePosition(PositionInput position, List<PayloadError> errors) {
		if (position == null) {
			errors.add(PayloadError.detailed("input.position", ErrorCode.REQUIRED, "position"));
			return;
		}
		if (position.latitude() == null || !(position.latitude() >= -90 && position.latitude() <= 90)) {
			errors.add(PayloadError.detailed("input.position.latitude", ErrorCode.INVALID_POSITION, "latitude"));
		}
		if (position.longitude() == null || !(position.longitude() >= -180 && position.longitude() <= 180)) {
			errors.add(PayloadError.detailed("input.position.longitude", ErrorCode.INVALID_POSITION, "longitude"));
		}
		if (position.accuracyMeters() != null
				&& !(position.accuracyMeters() >= 0 && Double.isFinite(position.accuracyMeters()))) {
			errors.add(PayloadError.detailed("input.position.accuracyMeters", ErrorCode.INVALID_POSITION, "accuracy"));
		}
	}

	private void validateProblems(RecordInspectionInput input, List<PayloadError> errors) {
		if (input.problems().size() > MAX_PROBLEMS) {
			errors.add(PayloadError.detailed("input.problems", ErrorCode.TOO_LONG, "problems", MAX_PROBLEMS));
			return;
		}
		Map<String, ?> known = this.departments.byCodes(input.problems()
			.stream()
			.map(ProblemInput::departmentCode)
			.filter((c) -> c != null)
			.distinct()
			.toList());
		for (int i = 0; i < input.problems().size(); i++) {
			ProblemInput p = input.problems().get(i);
			String at = "input.problems[" + i + "]";
			if (p.text() == null || p.text().isBlank()) {
				errors.add(PayloadError.detailed(at + ".text", ErrorCode.REQUIRED, "problem"));
			}
			else if (p.text().length() > MAX_PROBLEM_TEXT) {
				errors.add(new PayloadError(at + ".text", ErrorCode.TOO_LONG, MAX_PROBLEM_TEXT));
			}
			if (p.departmentCode() == null || !known.containsKey(p.departmentCode())) {
				errors.add(new PayloadError(at + ".departmentCode", ErrorCode.UNKNOWN_DEPARTMENT, p.departmentCode()));
			}
			if (p.deadline() != null && input.date() != null && p.deadline().isBefore(input.date())) {
				errors.add(new PayloadError(at + ".deadline", ErrorCode.DEADLINE_BEFORE_DATE));
			}
		}
	}

	private static Criteria criteria(InspectionFilter f) {
		List<Criteria> all = new ArrayList<>();
		if (f != null) {
			if (f.inspector() != null) {
				all.add(Criteria.where("inspector").is(f.inspector()));
			}
			if (f.districtCodes() != null) {
				all.add(Criteria.where("districtCode").in(f.districtCodes()));
			}
			if (f.projectId() != null) {
				all.add(Criteria.where("projectCode").is(GlobalId.keyOf(f.projectId(), "Project")));
			}
			if (f.dateFrom() != null && f.dateTo() != null && f.dateFrom().isAfter(f.dateTo())) {
				throw ApiException.detailed(ErrorCode.INVALID_RANGE, "dates", "filter.dateFrom");
			}
			if (f.dateFrom() != null) {
				all.add(Criteria.where("date").gte(f.dateFrom()));
			}
			if (f.dateTo() != null) {
				all.add(Criteria.where("date").lte(f.dateTo()));
			}
			if (f.ratings() != null) {
				all.add(Criteria.where("rating").in(f.ratings()));
			}
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
	}

	/**
	 * The input as one unambiguous string (every value length-prefixed), for the
	 * idempotency fingerprint. The key itself is left out: it is what the fingerprint is
	 * stored under.
	 */
	static String canonical(RecordInspectionInput input) {
		StringBuilder sb = new StringBuilder();
		append(sb, input.projectId());
		append(sb, input.date());
		PositionInput p = input.position();
		append(sb, p == null ? null : p.latitude());
		append(sb, p == null ? null : p.longitude());
		append(sb, p == null ? null : p.accuracyMeters());
		append(sb, input.findings());
		append(sb, input.rating());
		append(sb, input.photoIds().size());
		input.photoIds().forEach((id) -> append(sb, id));
		append(sb, input.problems().size());
		for (ProblemInput problem : input.problems()) {
			append(sb, problem.text());
			append(sb, problem.departmentCode());
			append(sb, problem.deadline());
		}
		append(sb, input.inspector());
		return sb.toString();
	}

	private static void append(StringBuilder sb, Object value) {
		if (value == null) {
			sb.append("-;");
		}
		else {
			String text = value.toString();
			sb.append(text.length()).append(':').append(text).append(';');
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * Great-circle distance on a spherical Earth (the same model the project search
	 * uses).
	 */
	static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
