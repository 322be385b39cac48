package gov.shaoxing.investment.inspection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import gov.shaoxing.investment.security.CurrentActor;
import gov.shaoxing.investment.common.Connection;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.Paging;
import gov.shaoxing.investment.department.Department;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class InspectionController {

	private final InspectionService inspections;

	private final ProjectService projects;

	private final DistrictService districts;

	private final DepartmentService departments;

	InspectionController(InspectionService inspections, ProjectService projects, DistrictService districts,
			DepartmentService departments, Paging paging, BatchLoaderRegistry registry) {
		this.inspections = inspections;
		this.projects = projects;
		this.districts = districts;
		this.departments = departments;
		// Project.inspections for every project of a request in one store query, paged
		// per parent in memory.
		registry.<ProjectInspections, Connection<Inspection>>forName("projectInspections")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
				Map<String, List<Inspection>> found = inspections
					.forProjects(keys.stream().map(ProjectInspections::projectCode).distinct().toList());
				Map<ProjectInspections, Connection<Inspection>> result = new HashMap<>();
				for (ProjectInspections key : keys) {
					result.put(key, paging.pageById(found.getOrDefault(key.projectCode(), List.of()), key.first(),
							key.after(), Inspection::id));
				}
				return result;
			}));
	}

	@QueryMapping
	Connection<Inspection> inspections(@Argument InspectionFilter filter, @Argument Integer first,
			@Argument String after) {
		return this.inspections.find(filter, first, after);
	}

	@QueryMapping
	Inspection inspection(@Argument String id) {
		return this.inspections.byId(GlobalId.keyOf(id, "Inspection"));
	}

	@MutationMapping
	RecordInspectionPayload recordInspection(@Argument RecordInspectionInput input) {
		try {
			Inspection inspection = this.inspections.record(input, CurrentActor.get());
			return new RecordInspectionPayload(inspection, this.projects.byCode(inspection.projectCode()), List.of());
		}
		catch (ExpectedFailure ex) {
			return RecordInspectionPayload.refused(ex.errors());
		}
	}

	@SchemaMapping(typeName = "Project", field = "inspections")
	CompletableFuture<Connection<Inspection>> projectInspections(Project project, @Argument Integer first,
			@Argument String after, DataLoader<ProjectInspections, Connection<Inspection>> projectInspections) {
		return projectInspections.load(new ProjectInspections(project.code(), first, after));
	}

	@SchemaMapping
	String id(Inspection inspection) {
		return GlobalId.encode("Inspection", inspection.id());
	}

	@SchemaMapping(typeName = "InspectionProblem")
	String noticeId(Inspection.Problem problem) {
		return GlobalId.encode("Notice", problem.noticeId());
	}

	@BatchMapping
	Map<Inspection, Project> project(List<Inspection> inspections) {
		Map<String, Project> found = this.projects.byCodes(codes(inspections, Inspection::projectCode));
		return toMap(inspections, (i) -> found.get(i.projectCode()));
	}

	@BatchMapping
	Map<Inspection, District> district(List<Inspection> inspections) {
		Map<String, District> found = this.districts.byCodes(codes(inspections, Inspection::districtCode));
		return toMap(inspections, (i) -> found.get(i.districtCode()));
	}

	@BatchMapping(typeName = "InspectionProblem")
	Map<Inspection.Problem, Department> department(List<Inspection.Problem> problems) {
		Map<String, Department> found = this.departments.byCodes(codes(problems, Inspection.Problem::departmentCode));
		return toMap(problems, (p) -> found.get(p.departmentCode()));
	}

	private static <T> List<String> codes(List<T> parents, Function<T, String> code) {
		return parents.stream().map(code).filter((c) -> c != null).distinct().toList();
	}

	/**
	 * Parent-to-value map; parents whose value is missing are left out, which GraphQL
	 * answers with null.
	 */
	private static <P, V> Map<P, V> toMap(List<P> parents, Function<P, V> value) {
		Map<P, V> map = new HashMap<>();
		for (P parent : parents) {
			V v = value.apply(parent);
			if (v != null) {
				map.put(parent, v);
			}
		}
		return map;
	}

	/** Batch key for {@code Project.inspections}. */
	record ProjectInspections(String projectCode, Integer first, String after) {
	}

}
