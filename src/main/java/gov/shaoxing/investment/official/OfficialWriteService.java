package gov.shaoxing.investment.official;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.common.Retry;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Adds and changes the officials who serve as liaisons ({@code createOfficial},
 * {@code updateOfficial}), for admins and the city supervisor. Phone numbers and e-mail
 * are checked; created officials are never demo, and a demo official stays demo. The same
 * input again changes nothing.
 */
@Service
class OfficialWriteService {

	static final int MAX_NAME = 50;

	static final int MAX_TITLE = 100;

	/** A mainland landline with its area code, optionally an extension: 0575-87066667. */
	static final Pattern OFFICE_PHONE = Pattern.compile("0\\d{2,3}-\\d{7,8}(-\\d{1,6})?");

	/** A mainland mobile number: 11 digits starting 13–19. */
	static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

	private static final Retry INSERTS = Retry.immediately(5, DuplicateKeyException.class);

	private final MongoTemplate mongo;

	private final OfficialService officials;

	private final DepartmentService departments;

	private final EventPublisher events;

	OfficialWriteService(MongoTemplate mongo, OfficialService officials, DepartmentService departments,
			EventPublisher events) {
		this.mongo = mongo;
		this.officials = officials;
		this.departments = departments;
		this.events = events;
	}

	public Official create(OfficialInput in, Actor actor) {
		AccessPolicy.requireMayAssignLiaisons(actor);
		List<PayloadError> errors = new ArrayList<>();
		String code = text(in.code());
		if (code != null && !CODE.matcher(code).matches()) {
			errors.add(new PayloadError("input.code", ErrorCode.INVALID_CODE));
		}
		String name = text(in.name());
		String title = text(in.title());
		String department = text(in.departmentCode());
		if (name == null) {
			errors.add(PayloadError.detailed("input.name", ErrorCode.REQUIRED, "officialName"));
		}
		if (title == null) {
			errors.add(PayloadError.detailed("input.title", ErrorCode.REQUIRED, "officialTitle"));
		}
		if (department == null) {
			errors.add(PayloadError.detailed("input.departmentCode", ErrorCode.REQUIRED, "department"));
		}
		Official candidate = checked(new Official(code, name, title, department, text(in.officePhone()),
				text(in.mobile()), text(in.email()), Boolean.TRUE.equals(in.cityLeader()), false), errors);
		Official existing = code != null ? this.officials.byId(code) : sameContact(candidate);
		if (existing != null) {
			Official again = new Official(existing.id(), candidate.name(), candidate.title(),
					candidate.departmentCode(), candidate.officePhone(), candidate.mobile(), candidate.email(),
					candidate.cityLeader(), existing.demo());
			if (again.equals(existing)) {
				return existing;
			}
			throw new ExpectedFailure("input.code", ErrorCode.OFFICIAL_EXISTS, existing.id());
		}
		return INSERTS.run(() -> {
			Official toInsert = new Official(code != null ? code : nextCode(department), candidate.name(),
					candidate.title(), candidate.departmentCode(), candidate.officePhone(), candidate.mobile(),
					candidate.email(), candidate.cityLeader(), false);
			try {
				Official saved = this.mongo.insert(toInsert);
				written(null, saved);
				return saved;
			}
			catch (DuplicateKeyException ex) {
				if (code != null) {
					throw new ExpectedFailure(PayloadError.detailed("input.code", ErrorCode.OFFICIAL_EXISTS, "code"));
				}
				// another request took the generated code: take the next
				throw ex;
			}
		}, () -> new ExpectedFailure(PayloadError.detailed("input.code", ErrorCode.OFFICIAL_EXISTS, "noCode")));
	}

	public Official update(OfficialInput in, Actor actor) {
		AccessPolicy.requireMayAssignLiaisons(actor);
		String id = GlobalId.keyOf(in.id(), "Official");
		Official current = this.mongo.findById(id, Official.class);
		if (current == null) {
			throw new ExpectedFailure(PayloadError.detailed("input.id", ErrorCode.NOT_FOUND, "official"));
		}
		List<PayloadError> errors = new ArrayList<>();
		if (in.name() != null && text(in.name()) == null) {
			errors.add(PayloadError.detailed("input.name", ErrorCode.REQUIRED, "officialName"));
		}
		if (in.title() != null && text(in.title()) == null) {
			errors.add(PayloadError.detailed("input.title", ErrorCode.REQUIRED, "officialTitle"));
		}
		Official changed = checked(new Official(current.id(), or(in.name(), current.name()),
				or(in.title(), current.title()), or(in.departmentCode(), current.departmentCode()),
				in.officePhone() != null ? text(in.officePhone()) : current.officePhone(),
				in.mobile() != null ? text(in.mobile()) : current.mobile(),
				in.email() != null ? text(in.email()) : current.email(),
				in.cityLeader() != null ? in.cityLeader() : current.cityLeader(), current.demo()), errors);
		if (changed.equals(current)) {
			return current;
		}
		Official saved = this.mongo.save(changed);
		written(current, saved);
		return saved;
	}

	/** The official, or every problem with it at once. */
	private Official checked(Official o, List<PayloadError> errors) {
		if (o.name() != null && o.name().length() > MAX_NAME) {
			errors.add(new PayloadError("input.name", ErrorCode.TOO_LONG, MAX_NAME));
		}
		if (o.title() != null && o.title().length() > MAX_TITLE) {
			errors.add(new PayloadError("input.title", ErrorCode.TOO_LONG, MAX_TITLE));
		}
		if (o.departmentCode() != null && this.departments.byCode(o.departmentCode()) == null) {
			errors.add(new PayloadError("input.departmentCode", ErrorCode.UNKNOWN_DEPARTMENT, o.departmentCode()));
		}
		if (o.officePhone() != null && !OFFICE_PHONE.matcher(o.officePhone()).matches()) {
			errors.add(new PayloadError("input.officePhone", ErrorCode.INVALID_PHONE));
		}
		if (o.mobile() != null && !MOBILE.matcher(o.mobile()).matches()) {
			errors.add(new PayloadError("input.mobile", ErrorCode.INVALID_MOBILE));
		}
		if (o.email() != null && (o.email().length() > 254 || !EMAIL.matcher(o.email()).matches())) {
			errors.add(new PayloadError("input.email", ErrorCode.INVALID_EMAIL));
		}
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		return o;
	}

	/** An official of the same department with the same name and mobile or e-mail. */
	private Official sameContact(Official o) {
		return this.officials.byDepartments(List.of(o.departmentCode()))
			.getOrDefault(o.departmentCode(), List.of())
			.stream()
			.filter((x) -> x.name().equals(o.name())
					&& (Objects.equals(x.mobile(), o.mobile()) && Objects.equals(x.email(), o.email())))
			.findFirst()
			.orElse(null);
	}

	/** {@code OFF-{department}-{sequence}}, from a counter per department. */
	private String nextCode(String department) {
		Document next = this.mongo.findAndModify(Query.query(Criteria.where("_id").is("OFF-" + department)),
				new Update().inc("sequence", 1), FindAndModifyOptions.options().returnNew(true).upsert(true),
				Document.class, "official_code_sequences");
		int sequence = next.get("sequence", Number.class).intValue();
		// the seed numbers its officials from 01: start after them
		while (this.officials.byId(String.format("OFF-%s-%02d", department, sequence)) != null) {
			sequence = this.mongo
				.findAndModify(Query.query(Criteria.where("_id").is("OFF-" + department)),
						new Update().inc("sequence", 1), FindAndModifyOptions.options().returnNew(true), Document.class,
						"official_code_sequences")
				.get("sequence", Number.class)
				.intValue();
		}
		return String.format("OFF-%s-%02d", department, sequence);
	}

	private void written(Official before, Official after) {
		this.officials.invalidate();
		this.events.publish(EventType.OFFICIAL_CHANGED, null, after.departmentCode(), after.id());
		AuditContext.changed("Official", after.id(), before, after);
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String or(String given, String current) {
		return given == null ? current : given.strip();
	}

}
