package gov.shaoxing.investment.department;

import java.util.List;

import gov.shaoxing.investment.common.GlobalId;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class DepartmentController {

	private final DepartmentService departments;

	DepartmentController(DepartmentService departments) {
		this.departments = departments;
	}

	@QueryMapping
	List<Department> departments() {
		return this.departments.all();
	}

	@QueryMapping
	Department department(@Argument String code) {
		return this.departments.byCode(code);
	}

	@SchemaMapping
	String id(Department department) {
		return GlobalId.encode("Department", department.code());
	}

}
