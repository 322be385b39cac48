package gov.shaoxing.investment.progress;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.Connection;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.live.LiveUpdates;
import gov.shaoxing.investment.progress.ProgressReports.ProjectReports;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
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
class ProgressController {

	private final ProgressService progress;

	private final ProgressReadModel readModel;

	private final ProjectService projects;

	private final ProgressCalendar calendar;

	private final ProgressReports reports;

	private final LiveUpdates live;

	ProgressController(ProgressService progress, ProgressReadModel readModel, ProjectService projects,
			ProgressCalendar calendar, ProgressReports reports, LiveUpdates live, BatchLoaderRegistry registry) {
		this.progress = progress;
		this.readModel = readModel;
		this.projects = projects;
		this.calendar = calendar;
		this.reports = reports;
		this.live = live;
		registry.<ProjectReports, Connection<ProgressReport>>forName("projectReports")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> reports.forProjects(keys)));
	}

	@MutationMapping
	SubmitProgressReportPayload submitProgressReport(@Argument SubmitProgressReportInput input) {
		try {
			ProgressService.Submitted submitted = this.progress.submit(input, CurrentActor.get());
			return new SubmitProgressReportPayload(submitted.report(), submitted.project(), List.of());
		}
		catch (ExpectedFailure ex) {
			return SubmitProgressReportPayload.refused(ex.errors());
		}
	}

	@QueryMapping
	Connection<ProgressReport> progressReports(@Argument ProgressReportFilter filter, @Argument Integer first,
			@Argument String after) {
		return this.reports.find(filter, first, after);
	}

	@SchemaMapping(typeName = "Project", field = "reports")
	CompletableFuture<Connection<ProgressReport>> projectReports(Project project, @Argument Integer first,
			@Argument String after, @Argument Boolean includeReplaced,
			DataLoader<ProjectReports, Connection<ProgressReport>> projectReports) {
		return projectReports
			.load(new ProjectReports(project.code(), Boolean.TRUE.equals(includeReplaced), first, after));
	}

	@BatchMapping(typeName = "Project", field = "progress")
	Map<Project, ProgressView> projectProgress(List<Project> projects) {
		Map<String, ProjectProgress> found = this.readModel.get(projects.stream().map(Project::code).toList());
		Map<Project, ProgressView> result = new HashMap<>();
		for (Project project : projects) {
			ProjectProgress p = found.get(project.code());
			LocalDate asOf = this.calendar.asOf(project.year());
			result.put(project,
					new ProgressView(p, project.year(), project.plannedInvestment(),
							project.plannedThroughHalfMonths(ReportPeriod.endedBy(project.year(), asOf)),
							this.progress.judge(p, project, asOf), asOf));
		}
		return result;
	}

	@BatchMapping(typeName = "Project", field = "milestones")
	Map<Project, List<Milestone>> projectMilestones(List<Project> projects) {
		Map<String, ProjectProgress> found = this.readModel.get(projects.stream().map(Project::code).toList());
		Map<Project, List<Milestone>> result = new HashMap<>();
		for (Project project : projects) {
			ProjectProgress p = found.get(project.code());
			result.put(project, p == null ? List.of() : p.milestones());
		}
		return result;
	}

	@BatchMapping(typeName = "ProgressReport", field = "project")
	Map<ProgressReport, Project> reportProject(List<ProgressReport> reports) {
		Map<String, Project> found = this.projects
			.byCodes(reports.stream().map(ProgressReport::projectCode).distinct().toList());
		return reports.stream()
			.filter((r) -> found.containsKey(r.projectCode()))
			.collect(Collectors.toMap((r) -> r, (r) -> found.get(r.projectCode()), (a, b) -> a));
	}

	@SchemaMapping(typeName = "ProgressReport")
	String id(ProgressReport report) {
		return GlobalId.encode("ProgressReport", report.id());
	}

	@SchemaMapping(typeName = "Milestone")
	String id(Milestone milestone) {
		return GlobalId.encode("Milestone", milestone.id());
	}

	@SubscriptionMapping
	Flux<ProgressReport> progressReported(@Argument String districtCode) {
		return this.live.of(EventType.PROGRESS_REPORTED,
				(e) -> districtCode == null || districtCode.equals(e.districtCode()), this.reports::byId);
	}

	@SubscriptionMapping
	Flux<Project> projectLightChanged(@Argument String districtCode) {
		return this.live.of(EventType.PROJECT_LIGHT_CHANGED,
				(e) -> districtCode == null || districtCode.equals(e.districtCode()), this.projects::byCode);
	}

	/** Result of {@code submitProgressReport}. */
	record SubmitProgressReportPayload(ProgressReport report, Project project, List<PayloadError> errors) {

		static SubmitProgressReportPayload refused(List<PayloadError> errors) {
			return new SubmitProgressReportPayload(null, null, errors);
		}

	}

}
