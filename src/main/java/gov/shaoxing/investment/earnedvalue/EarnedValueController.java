package gov.shaoxing.investment.earnedvalue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import gov.shaoxing.investment.department.Department;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class EarnedValueController {

	private final EarnedValueService earnedValue;

	EarnedValueController(EarnedValueService earnedValue, ProjectService projects, BatchLoaderRegistry registry) {
		this.earnedValue = earnedValue;
		// every Project.earnedValue of a request in one pass
		registry.<ProjectKey, EarnedValue>forName("projectEarnedValue")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
				Map<ProjectKey, EarnedValue> result = new HashMap<>();
				keys.stream().collect(Collectors.groupingBy(ProjectKey::asOf)).forEach((asOf, group) -> {
					Map<String, Project> found = projects
						.byCodes(group.stream().map(ProjectKey::projectCode).distinct().toList());
					Map<String, EarnedValue> values = earnedValue.ofProjects(found.values(), asOf);
					group.forEach((k) -> {
						if (values.containsKey(k.projectCode())) {
							result.put(k, values.get(k.projectCode()));
						}
					});
				});
				return result;
			}));
		// every district's, department's and official's roll-up of a request in one pass
		// per plan year and day
		registry.<ScopeKey, EarnedValue>forName("scopeEarnedValue")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
				Map<ScopeKey, EarnedValue> result = new HashMap<>();
				keys.stream()
					.collect(Collectors.groupingBy((k) -> k.year() + "@" + k.asOf()))
					.forEach((when, group) -> {
						Map<ScopeKey, Predicate<Project>> scopes = new HashMap<>();
						group.forEach((k) -> scopes.put(k, k.matcher()));
						result.putAll(earnedValue.rollUps(group.get(0).year(), group.get(0).asOf(), scopes));
					});
				return result;
			}));
	}

	@SchemaMapping(typeName = "Project", field = "earnedValue")
	CompletableFuture<EarnedValue> projectEarnedValue(Project project, @Argument LocalDate asOf,
			DataLoader<ProjectKey, EarnedValue> projectEarnedValue) {
		return projectEarnedValue.load(new ProjectKey(project.code(), this.earnedValue.dayFor(project.year(), asOf)));
	}

	@SchemaMapping(typeName = "District", field = "earnedValue")
	CompletableFuture<EarnedValue> districtEarnedValue(District district, @Argument int year, @Argument LocalDate asOf,
			DataLoader<ScopeKey, EarnedValue> scopeEarnedValue) {
		return scopeEarnedValue
			.load(new ScopeKey(Scope.DISTRICT, district.code(), year, this.earnedValue.dayFor(year, asOf)));
	}

	@SchemaMapping(typeName = "Department", field = "earnedValue")
	CompletableFuture<EarnedValue> departmentEarnedValue(Department department, @Argument int year,
			@Argument LocalDate asOf, DataLoader<ScopeKey, EarnedValue> scopeEarnedValue) {
		return scopeEarnedValue
			.load(new ScopeKey(Scope.LEAD_DEPARTMENT, department.code(), year, this.earnedValue.dayFor(year, asOf)));
	}

	@SchemaMapping(typeName = "Official", field = "earnedValue")
	CompletableFuture<EarnedValue> officialEarnedValue(Official official, @Argument int year, @Argument LocalDate asOf,
			DataLoader<ScopeKey, EarnedValue> scopeEarnedValue) {
		return scopeEarnedValue
			.load(new ScopeKey(Scope.LIAISON, official.id(), year, this.earnedValue.dayFor(year, asOf)));
	}

	@SchemaMapping(typeName = "EarnedValue")
	List<EarnedValue.Flag> flags(EarnedValue value) {
		return value.flags();
	}

	/** What a roll-up covers. */
	enum Scope {

		DISTRICT, LEAD_DEPARTMENT, LIAISON

	}

	/** Batch key for {@code Project.earnedValue}. */
	record ProjectKey(String projectCode, LocalDate asOf) {
	}

	/** Batch key for the roll-ups. */
	record ScopeKey(Scope scope, String code, int year, LocalDate asOf) {

		Predicate<Project> matcher() {
			return switch (this.scope) {
				case DISTRICT -> (p) -> this.code.equals(p.districtCode());
				case LEAD_DEPARTMENT -> (p) -> this.code.equals(p.leadDepartmentCode());
				case LIAISON -> (p) -> p.liaison() != null
						&& (this.code.equals(p.liaison().cityLeaderId()) || this.code.equals(p.liaison().cadreId()));
			};
		}

	}

}
