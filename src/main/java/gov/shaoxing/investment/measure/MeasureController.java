package gov.shaoxing.investment.measure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.EnglishLabels;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.department.Department;
import gov.shaoxing.investment.department.DepartmentService;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class MeasureController {

	private final MeasureService measures;

	private final DepartmentService departments;

	private final EnglishLabels english;

	MeasureController(MeasureService measures, DepartmentService departments, EnglishLabels english) {
		this.measures = measures;
		this.departments = departments;
		this.english = english;
	}

	@SchemaMapping(typeName = "WorkMeasure")
	String englishTitle(WorkMeasure measure) {
		return this.english.of("measure", measure.code());
	}

	@QueryMapping
	List<WorkMeasure> measures(@Argument int year) {
		return this.measures.forYear(year);
	}

	@SchemaMapping(typeName = "WorkMeasure")
	String id(WorkMeasure measure) {
		return GlobalId.encode("WorkMeasure", measure.id());
	}

	@BatchMapping(typeName = "WorkMeasure")
	Map<WorkMeasure, List<Department>> leadDepartments(List<WorkMeasure> measures) {
		return departmentsOf(measures, true);
	}

	@BatchMapping(typeName = "WorkMeasure")
	Map<WorkMeasure, List<Department>> coDepartments(List<WorkMeasure> measures) {
		return departmentsOf(measures, false);
	}

	@BatchMapping(typeName = "Department")
	Map<Department, List<WorkMeasure>> ledMeasures(List<Department> departments) {
		return measuresOf(departments, true);
	}

	@BatchMapping(typeName = "Department")
	Map<Department, List<WorkMeasure>> coMeasures(List<Department> departments) {
		return measuresOf(departments, false);
	}

	private Map<Department, List<WorkMeasure>> measuresOf(List<Department> departments, boolean lead) {
		Map<String, List<WorkMeasure>> found = this.measures
			.byDepartments(departments.stream().map(Department::code).toList(), lead);
		return departments.stream()
			.collect(Collectors.toMap((d) -> d, (d) -> found.getOrDefault(d.code(), List.of()), (a, b) -> a));
	}

	private Map<WorkMeasure, List<Department>> departmentsOf(List<WorkMeasure> measures, boolean lead) {
		Map<String, Department> found = this.departments.byCodes(measures.stream()
			.flatMap((m) -> (lead ? m.leadDepartmentCodes() : m.coDepartmentCodes()).stream())
			.distinct()
			.toList());
		return measures.stream()
			.collect(Collectors.toMap((m) -> m,
					(m) -> (lead ? m.leadDepartmentCodes() : m.coDepartmentCodes()).stream()
						.map(found::get)
						.filter((d) -> d != null)
						.toList(),
					(a, b) -> a));
	}

}
