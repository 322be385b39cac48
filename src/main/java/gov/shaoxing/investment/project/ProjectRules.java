package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.official.OfficialService;
import gov.shaoxing.investment.project.ProjectRecordInputs.ApprovalInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.FundingSourceInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.IndustryInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.LiaisonInput;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The one set of rules for a project's record, used by {@code createProject},
 * {@code updateProject}, {@code assignLiaison} and every imported row: each check adds a
 * payload error naming the input field, so all problems come back at once.
 */
@Component
class ProjectRules {

	static final int MAX_NAME = 200;

	static final int MAX_REASON = 500;

	static final int MAX_SCOPE = 2000;

	static final int MAX_CODE = 40;

	/**
	 * 1万亿元: far beyond any single project, small enough to catch a unit mistake (万元 typed
	 * as 亿元).
	 */
	static final BigDecimal MAX_AMOUNT = new BigDecimal("10000");

	static final int MAX_SCALE = 4;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_CODE + "}");

	private final MongoTemplate mongo;

	private final DistrictService districts;

	private final DepartmentService departments;

	private final OfficialService officials;

	private final IndustryCatalog industries;

	ProjectRules(MongoTemplate mongo, DistrictService districts, DepartmentService departments,
			OfficialService officials, IndustryCatalog industries) {
		this.mongo = mongo;
		this.districts = districts;
		this.departments = departments;
		this.officials = officials;
		this.industries = industries;
	}

	/** A trimmed string, or null when blank. */
	static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	boolean validCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	/** Checks an amount in 亿元; true when it is usable. */
	static boolean checkAmount(List<PayloadError> errors, String field, BigDecimal value) {
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

	static PayloadError tooLong(String field, int max) {
		return new PayloadError(field, ErrorCode.TOO_LONG, max);
	}

	static void checkLength(List<PayloadError> errors, String field, String value, int max) {
		if (value != null && value.length() > max) {
			errors.add(tooLong(field, max));
		}
	}

	void checkDistrict(List<PayloadError> errors, String field, String code) {
		if (code == null) {
			errors.add(PayloadError.detailed(field, ErrorCode.REQUIRED, "district"));
		}
		else if (this.districts.byCode(code) == null) {
			errors.add(new PayloadError(field, ErrorCode.UNKNOWN_DISTRICT, code));
		}
	}

	void checkDepartment(List<PayloadError> errors, String field, String code) {
		if (code == null) {
			errors.add(PayloadError.detailed(field, ErrorCode.REQUIRED, "department"));
		}
		else if (this.departments.byCode(code) == null) {
			errors.add(new PayloadError(field, ErrorCode.UNKNOWN_DEPARTMENT, code));
		}
	}

	/** The location, or null with an error when it is not a WGS-84 point. */
	static Project.Location location(UpdateProjectInput.LocationInput in, List<PayloadError> errors, String field) {
		if (in.latitude() == null || in.longitude() == null || in.latitude() < -90 || in.latitude() > 90
				|| in.longitude() < -180 || in.longitude() > 180 || in.latitude().isNaN() || in.longitude().isNaN()) {
			errors.add(new PayloadError(field, ErrorCode.INVALID_LOCATION));
			return null;
		}
		String address = text(in.address());
		checkLength(errors, field + ".address", address, MAX_NAME);
		return new Project.Location(in.latitude(), in.longitude(), address);
	}

	/** A valid national code not taken by another project, or an error. */
	void checkNationalCode(List<PayloadError> errors, String field, String nationalCode, String ownCode) {
		if (!NationalProjectCode.isValid(nationalCode)) {
			errors.add(new PayloadError(field, ErrorCode.INVALID_NATIONAL_CODE));
			return;
		}
		Project other = this.mongo.findOne(Query.query(Criteria.where("nationalCode").is(nationalCode)), Project.class);
		if (other != null && !other.code().equals(ownCode)) {
			errors.add(nationalCodeTaken(field));
		}
	}

	static PayloadError nationalCodeTaken(String field) {
		return new PayloadError(field, ErrorCode.NATIONAL_CODE_TAKEN);
	}

	/** The industry, checked against the GB/T 4754-2017 table. */
	Project.Industry industry(IndustryInput in, List<PayloadError> errors, String field) {
		String section = text(in.section());
		String division = text(in.division());
		if (section == null && division != null) {
			section = this.industries.sectionOf(division);
		}
		if (section == null) {
			errors.add(PayloadError.detailed(field + ".section", ErrorCode.REQUIRED, "industrySection"));
			return null;
		}
		section = section.toUpperCase(Locale.ROOT);
		if (!this.industries.isSection(section)) {
			errors.add(new PayloadError(field + ".section", ErrorCode.UNKNOWN_INDUSTRY, section));
			return null;
		}
		if (division != null && !this.industries.isDivisionOf(division, section)) {
			errors.add(PayloadError.detailed(field + ".division", ErrorCode.UNKNOWN_INDUSTRY, "division", division,
					section));
			return null;
		}
		return new Project.Industry(section, division);
	}

	/** Funding sources, each once, together not above the total investment. */
	List<Project.FundingSource> fundingSources(List<FundingSourceInput> in, BigDecimal total, List<PayloadError> errors,
			String field) {
		List<Project.FundingSource> sources = new ArrayList<>();
		Set<FundingSourceKind> seen = EnumSet.noneOf(FundingSourceKind.class);
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < in.size(); i++) {
			FundingSourceInput s = in.get(i);
			String at = field + "[" + i + "]";
			if (s == null || s.source() == null || s.amount() == null) {
				errors.add(PayloadError.detailed(at, ErrorCode.REQUIRED, "fundingSource"));
				continue;
			}
			if (!seen.add(s.source())) {
				errors.add(new PayloadError(at + ".source", ErrorCode.DUPLICATE_FUNDING_SOURCE, s.source()));
			}
			if (checkAmount(errors, at + ".amount", s.amount())) {
				sum = sum.add(s.amount());
			}
			sources.add(new Project.FundingSource(s.source(), s.amount()));
		}
		if (total != null && total.signum() > 0 && sum.compareTo(total) > 0) {
			errors.add(new PayloadError(field, ErrorCode.FUNDING_EXCEEDS_TOTAL, sum.stripTrailingZeros(),
					total.stripTrailingZeros()));
		}
		return sources;
	}

	static List<Project.Approval> approvals(List<ApprovalInput> in, List<PayloadError> errors, String field) {
		List<Project.Approval> approvals = new ArrayList<>();
		for (int i = 0; i < in.size(); i++) {
			ApprovalInput a = in.get(i);
			String at = field + "[" + i + "]";
			String kind = a == null ? null : text(a.kind());
			String number = a == null ? null : text(a.documentNumber());
			if (kind == null) {
				errors.add(PayloadError.detailed(at + ".kind", ErrorCode.REQUIRED, "approvalKind"));
			}
			if (number == null) {
				errors.add(PayloadError.detailed(at + ".documentNumber", ErrorCode.REQUIRED, "approvalNumber"));
			}
			String authority = a == null ? null : text(a.authority());
			checkLength(errors, at + ".kind", kind, MAX_NAME);
			checkLength(errors, at + ".documentNumber", number, MAX_NAME);
			checkLength(errors, at + ".authority", authority, MAX_NAME);
			approvals.add(new Project.Approval(kind, number, authority, a == null ? null : a.date()));
		}
		return approvals;
	}

	/** Whether a finish comes before its start. */
	static boolean reversed(LocalDate from, LocalDate to) {
		return from != null && to != null && to.isBefore(from);
	}

	/**
	 * The liaison by global IDs: the leader must be a city leader and the cadre must
	 * belong to the department.
	 */
	Project.Liaison liaison(LiaisonInput in, List<PayloadError> errors, String field) {
		String department = text(in.departmentCode());
		checkDepartment(errors, field + ".departmentCode", department);
		Official leader = official(in.cityLeaderId(), errors, field + ".cityLeaderId");
		Official cadre = official(in.cadreId(), errors, field + ".cadreId");
		if (leader != null && !leader.cityLeader()) {
			errors.add(new PayloadError(field + ".cityLeaderId", ErrorCode.NOT_A_CITY_LEADER, leader.name()));
		}
		if (cadre != null && department != null && !department.equals(cadre.departmentCode())) {
			errors
				.add(new PayloadError(field + ".cadreId", ErrorCode.CADRE_NOT_IN_DEPARTMENT, cadre.name(), department));
		}
		return new Project.Liaison(leader == null ? null : leader.id(), department, cadre == null ? null : cadre.id());
	}

	private Official official(String id, List<PayloadError> errors, String field) {
		if (text(id) == null) {
			errors.add(PayloadError.detailed(field, ErrorCode.REQUIRED, "official"));
			return null;
		}
		String key;
		try {
			key = GlobalId.keyOf(id.strip(), "Official");
		}
		catch (ApiException ex) {
			errors.add(PayloadError.detailed(field, ErrorCode.INVALID_ID, "official"));
			return null;
		}
		Official found = this.officials.byId(key);
		if (found == null) {
			errors.add(new PayloadError(field, ErrorCode.UNKNOWN_OFFICIAL));
		}
		return found;
	}

}
