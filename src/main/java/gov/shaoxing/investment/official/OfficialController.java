package gov.shaoxing.investment.official;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorRenderer;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.department.Department;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class OfficialController {

	private final OfficialService officials;

	private final DepartmentService departments;

	private final OfficialWriteService writes;

	private final ErrorRenderer errors;

	OfficialController(OfficialService officials, DepartmentService departments, OfficialWriteService writes,
			ErrorRenderer errors) {
		this.writes = writes;
		this.officials = officials;
		this.departments = departments;
		this.errors = errors;
	}

	@MutationMapping
	OfficialPayload createOfficial(@Argument OfficialInput input) {
		try {
			return new OfficialPayload(this.writes.create(input, CurrentActor.get()), List.of());
		}
		catch (ExpectedFailure ex) {
			return new OfficialPayload(null, ex.errors());
		}
	}

	@MutationMapping
	OfficialPayload updateOfficial(@Argument OfficialInput input) {
		try {
			return new OfficialPayload(this.writes.update(input, CurrentActor.get()), List.of());
		}
		catch (ExpectedFailure ex) {
			return new OfficialPayload(null, ex.errors());
		}
	}

	@SchemaMapping
	String code(Official official) {
		return official.id();
	}

	@SchemaMapping
	String id(Official official) {
		return GlobalId.encode("Official", official.id());
	}

	@SchemaMapping
	Object officePhone(Official official, graphql.schema.DataFetchingEnvironment env) {
		return contact(official.officePhone(), env);
	}

	@SchemaMapping
	Object mobile(Official official, graphql.schema.DataFetchingEnvironment env) {
		return contact(official.mobile(), env);
	}

	@SchemaMapping
	Object email(Official official, graphql.schema.DataFetchingEnvironment env) {
		return contact(official.email(), env);
	}

	/**
	 * Contact details are for signed-in staff only: anonymous callers get null and an
	 * error, on every path.
	 */
	private Object contact(String value, graphql.schema.DataFetchingEnvironment env) {
		if (CurrentActor.get().signedIn()) {
			return value;
		}
		return this.errors.refusal(env, ErrorCode.CONTACT_DETAILS_REQUIRE_SIGN_IN.message());
	}

	@BatchMapping
	Map<Official, Department> department(List<Official> officials) {
		Map<String, Department> found = this.departments
			.byCodes(officials.stream().map(Official::departmentCode).distinct().toList());
		return officials.stream()
			.filter((o) -> found.containsKey(o.departmentCode()))
			.collect(Collectors.toMap((o) -> o, (o) -> found.get(o.departmentCode()), (a, b) -> a));
	}

	@BatchMapping(typeName = "Department", field = "officials")
	Map<Department, List<Official>> officialsOfDepartments(List<Department> departments) {
		Map<String, List<Official>> found = this.officials
			.byDepartments(departments.stream().map(Department::code).toList());
		return departments.stream()
			.collect(Collectors.toMap((d) -> d, (d) -> found.getOrDefault(d.code(), List.of()), (a, b) -> a));
	}

}
