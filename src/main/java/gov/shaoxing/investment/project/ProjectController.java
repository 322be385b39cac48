package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import gov.shaoxing.investment.common.Edge;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.department.Department;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.live.LiveUpdates;
import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.official.OfficialService;
import gov.shaoxing.investment.project.ProjectAggregate.ProjectGroup;
import gov.shaoxing.investment.project.ProjectService.ProjectsKey;
import gov.shaoxing.investment.security.CurrentActor;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class ProjectController {

	private final ProjectService projects;

	private final DistrictService districts;

	private final DepartmentService departments;

	private final OfficialService officials;

	private final ProjectUpdateService updates;

	private final LiveUpdates live;

	private final ProjectCreateService creates;

	private final LiaisonAssignments liaisons;

	private final IndustryCatalog industries;

	ProjectController(ProjectService projects, DistrictService districts, DepartmentService departments,
			OfficialService officials, ProjectUpdateService updates, LiveUpdates live, BatchLoaderRegistry registry,
			ProjectCreateService creates, LiaisonAssignments liaisons, IndustryCatalog industries) {
		this.creates = creates;
		this.liaisons = liaisons;
		this.industries = industries;
		this.projects = projects;
		this.updates = updates;
		this.live = live;
		this.districts = districts;
		this.departments = departments;
		this.officials = officials;
		registry.<ProjectsKey, ProjectConnection>forName("scopedProjects")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> projects.searchAll(keys)));
	}

	@QueryMapping
	ProjectConnection projects(@Argument ProjectFilter filter, @Argument List<ProjectOrder> orderBy,
			@Argument Integer first, @Argument String after) {
		return this.projects.search(filter, orderBy, first, after);
	}

	@QueryMapping
	Project project(@Argument String id) {
		return this.projects.byCode(GlobalId.keyOf(id, "Project"));
	}

	@QueryMapping
	Project projectByCode(@Argument String code) {
		return this.projects.byCode(code);
	}

	@QueryMapping
	Project projectByNationalCode(@Argument String nationalCode) {
		String code = NationalProjectCode.require(nationalCode, "nationalCode");
		ProjectConnection found = this.projects.search(ProjectFilter.byNationalCode(code), null, 1, null);
		return found.edges().isEmpty() ? null : found.edges().get(0).node();
	}

	@MutationMapping
	ProjectPayload updateProject(@Argument UpdateProjectInput input) {
		try {
			return new ProjectPayload(this.updates.update(input, CurrentActor.get()), List.of());
		}
		catch (ExpectedFailure ex) {
			return new ProjectPayload(null, ex.errors());
		}
	}

	@MutationMapping
	CreateProjectPayload createProject(@Argument CreateProjectInput input) {
		try {
			ProjectCreateService.Result result = this.creates.create(input, CurrentActor.get());
			return new CreateProjectPayload(result.project(), result.outcome() == ProjectCreateService.Outcome.CREATED,
					List.of());
		}
		catch (ExpectedFailure ex) {
			return new CreateProjectPayload(null, false, ex.errors());
		}
	}

	@MutationMapping
	ProjectPayload assignLiaison(@Argument AssignLiaisonInput input) {
		try {
			return new ProjectPayload(this.liaisons.assign(input, CurrentActor.get()), List.of());
		}
		catch (ExpectedFailure ex) {
			return new ProjectPayload(null, ex.errors());
		}
	}

	@SchemaMapping
	List<Project.LiaisonAssignment> liaisonHistory(Project project) {
		return project.liaisonTimeline();
	}

	@SchemaMapping
	List<Project.StatusChange> statusHistory(Project project) {
		return project.statusTimeline();
	}

	@SchemaMapping
	IndustryView industry(Project project) {
		Project.Industry i = project.industry();
		return i == null ? null : new IndustryView(i.section(), this.industries.sectionName(i.section()), i.division(),
				i.division() == null ? null : this.industries.divisionName(i.division()));
	}

	/** {@code Industry}: the codes with their names from the GB/T 4754-2017 table. */
	record IndustryView(String section, String sectionName, String division, String divisionName) {
	}

	/** Result of {@code createProject}. */
	record CreateProjectPayload(Project project, boolean created, List<PayloadError> errors) {
	}

	/**
	 * Read from the store, not the read model: this instance's copy may not have heard of
	 * the change yet.
	 */
	@SubscriptionMapping
	Flux<Project> projectChanged(@Argument String districtCode) {
		return this.live.of(EventType.PROJECT_CHANGED,
				(e) -> districtCode == null || districtCode.equals(e.districtCode()), this.updates::stored);
	}

	@SchemaMapping(typeName = "District", field = "projects")
	CompletableFuture<ProjectConnection> districtProjects(District district, @Argument ProjectFilter filter,
			@Argument List<ProjectOrder> orderBy, @Argument Integer first, @Argument String after,
			DataLoader<ProjectsKey, ProjectConnection> scopedProjects) {
		return scopedProjects.load(ProjectsKey.inDistrict(district.code(), filter, orderBy, first, after));
	}

	@SchemaMapping(typeName = "Department", field = "projects")
	CompletableFuture<ProjectConnection> departmentProjects(Department department, @Argument ProjectFilter filter,
			@Argument List<ProjectOrder> orderBy, @Argument Integer first, @Argument String after,
			DataLoader<ProjectsKey, ProjectConnection> scopedProjects) {
		return scopedProjects.load(ProjectsKey.inDepartment(department.code(), filter, orderBy, first, after));
	}

	@SchemaMapping
	String id(Project project) {
		return GlobalId.encode("Project", project.code());
	}

	@SchemaMapping
	List<BigDecimal> plannedMonthly(Project project) {
		return project.monthlyPlan();
	}

	@SchemaMapping
	boolean plannedMonthlyEven(Project project) {
		return project.plannedMonthly() == null;
	}

	@SchemaMapping
	List<ScaleBand> scaleBands(Project project) {
		return ScaleBand.cumulative(project.totalInvestment());
	}

	@SchemaMapping(typeName = "ProjectAggregate")
	List<ProjectGroup> groups(ProjectAggregate aggregate, @Argument ProjectGroupBy by) {
		return aggregate.groups(switch (by) {
			case DISTRICT -> Project::districtCode;
			case CATEGORY -> (p) -> p.category().name();
			case STATUS -> (p) -> p.status().name();
			case SCALE_BAND -> (p) -> p.scaleBand().name();
			case LEAD_DEPARTMENT -> Project::leadDepartmentCode;
		});
	}

	@BatchMapping
	Map<Project, District> district(List<Project> projects) {
		Map<String, District> found = this.districts.byCodes(codes(projects, Project::districtCode));
		return toMap(projects, (p) -> found.get(p.districtCode()));
	}

	@BatchMapping
	Map<Project, Department> leadDepartment(List<Project> projects) {
		Map<String, Department> found = this.departments.byCodes(codes(projects, Project::leadDepartmentCode));
		return toMap(projects, (p) -> found.get(p.leadDepartmentCode()));
	}

	@BatchMapping
	Map<Project, List<Department>> coDepartments(List<Project> projects) {
		Map<String, Department> found = this.departments
			.byCodes(projects.stream().flatMap((p) -> p.coDepartmentCodes().stream()).distinct().toList());
		return toMap(projects, (p) -> p.coDepartmentCodes().stream().map(found::get).filter((d) -> d != null).toList());
	}

	@BatchMapping(typeName = "Liaison")
	Map<Project.Liaison, Official> cityLeader(List<Project.Liaison> liaisons) {
		Map<String, Official> found = this.officials.byIds(codes(liaisons, Project.Liaison::cityLeaderId));
		return toMap(liaisons, (l) -> found.get(l.cityLeaderId()));
	}

	@BatchMapping(typeName = "Liaison")
	Map<Project.Liaison, Official> cadre(List<Project.Liaison> liaisons) {
		Map<String, Official> found = this.officials.byIds(codes(liaisons, Project.Liaison::cadreId));
		return toMap(liaisons, (l) -> found.get(l.cadreId()));
	}

	@BatchMapping(typeName = "Liaison")
	Map<Project.Liaison, Department> department(List<Project.Liaison> liaisons) {
		Map<String, Department> found = this.departments.byCodes(codes(liaisons, Project.Liaison::departmentCode));
		return toMap(liaisons, (l) -> found.get(l.departmentCode()));
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

	/**
	 * {@code ProjectEdge.distanceKm}: how far the project is from the {@code near} point
	 * of the connection's filter, in km (to the metre); null without {@code near}.
	 */
	@SchemaMapping(typeName = "ProjectEdge", field = "distanceKm")
	Double distanceKm(Edge<Project> edge, graphql.schema.DataFetchingEnvironment env) {
		for (graphql.execution.ExecutionStepInfo step = env.getExecutionStepInfo(); step != null; step = step
			.getParent()) {
			if (step.getArguments().get("filter") instanceof Map<?, ?> filter
					&& filter.get("near") instanceof Map<?, ?> near && edge.node().location() != null) {
				double km = Geo.distanceKm(((Number) near.get("latitude")).doubleValue(),
						((Number) near.get("longitude")).doubleValue(), edge.node().location().latitude(),
						edge.node().location().longitude());
				return Math.round(km * 1000) / 1000.0;
			}
		}
		return null;
	}

}
