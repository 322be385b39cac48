package gov.shaoxing.investment.notice;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.Connection;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.Paging;
import gov.shaoxing.investment.department.Department;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.live.LiveUpdates;
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
class NoticeController {

	private final NoticeService notices;

	private final ProjectService projects;

	private final DistrictService districts;

	private final DepartmentService departments;

	private final LiveUpdates live;

	NoticeController(NoticeService notices, ProjectService projects, DistrictService districts,
			DepartmentService departments, LiveUpdates live, Paging paging, BatchLoaderRegistry registry) {
		this.notices = notices;
		this.projects = projects;
		this.districts = districts;
		this.departments = departments;
		this.live = live;
		registry.<DepartmentNotices, Connection<Notice>>forName("departmentNotices")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
				Map<DepartmentNotices, Connection<Notice>> result = new HashMap<>();
				keys.stream().collect(Collectors.groupingBy(DepartmentNotices::filter)).forEach((filter, group) -> {
					Map<String, List<Notice>> found = notices
						.forDepartments(group.stream().map(DepartmentNotices::departmentCode).toList(), filter);
					for (DepartmentNotices key : group) {
						result.put(key, paging.pageById(found.getOrDefault(key.departmentCode(), List.of()),
								key.first(), key.after(), Notice::id));
					}
				});
				return result;
			}));
	}

	@QueryMapping
	Connection<Notice> notices(@Argument NoticeFilter filter, @Argument Integer first, @Argument String after) {
		return this.notices.find(filter, first, after);
	}

	@QueryMapping
	Notice notice(@Argument String id) {
		return this.notices.byId(GlobalId.keyOf(id, "Notice"));
	}

	@SchemaMapping(typeName = "Department", field = "notices")
	CompletableFuture<Connection<Notice>> departmentNotices(Department department,
			@Argument List<NoticeStatus> statuses, @Argument Boolean outstanding, @Argument Integer first,
			@Argument String after, DataLoader<DepartmentNotices, Connection<Notice>> departmentNotices) {
		NoticeFilter filter = NoticeFilter.byStatus(statuses, outstanding);
		return departmentNotices.load(new DepartmentNotices(department.code(), filter, first, after));
	}

	@MutationMapping
	NoticePayload startNotice(@Argument NoticeChangeInput input) {
		return attempt(() -> this.notices.start(input.id(), input.note(), CurrentActor.get()));
	}

	@MutationMapping
	NoticePayload resolveNotice(@Argument NoticeChangeInput input) {
		return attempt(() -> this.notices.resolve(input.id(), input.resolution(), CurrentActor.get()));
	}

	@MutationMapping
	NoticePayload reopenNotice(@Argument NoticeChangeInput input) {
		return attempt(() -> this.notices.reopen(input.id(), input.note(), input.deadline(), CurrentActor.get()));
	}

	@MutationMapping
	NoticePayload extendNoticeDeadline(@Argument NoticeChangeInput input) {
		return attempt(() -> this.notices.extend(input.id(), input.deadline(), input.note(), CurrentActor.get()));
	}

	@SubscriptionMapping
	Flux<Notice> noticeChanged(@Argument String departmentCode) {
		return this.live.of(EventType.NOTICE_CHANGED,
				(e) -> departmentCode == null || departmentCode.equals(e.departmentCode()), this.notices::byId);
	}

	@SchemaMapping
	String id(Notice notice) {
		return GlobalId.encode("Notice", notice.id());
	}

	@BatchMapping
	Map<Notice, Project> project(List<Notice> notices) {
		Map<String, Project> found = this.projects
			.byCodes(notices.stream().map(Notice::projectCode).distinct().toList());
		return notices.stream()
			.filter((n) -> found.containsKey(n.projectCode()))
			.collect(Collectors.toMap((n) -> n, (n) -> found.get(n.projectCode()), (a, b) -> a));
	}

	@BatchMapping
	Map<Notice, District> district(List<Notice> notices) {
		Map<String, District> found = this.districts
			.byCodes(notices.stream().map(Notice::districtCode).distinct().toList());
		return notices.stream()
			.filter((n) -> found.containsKey(n.districtCode()))
			.collect(Collectors.toMap((n) -> n, (n) -> found.get(n.districtCode()), (a, b) -> a));
	}

	@BatchMapping
	Map<Notice, Department> department(List<Notice> notices) {
		Map<String, Department> found = this.departments
			.byCodes(notices.stream().map(Notice::departmentCode).distinct().toList());
		return notices.stream()
			.filter((n) -> found.containsKey(n.departmentCode()))
			.collect(Collectors.toMap((n) -> n, (n) -> found.get(n.departmentCode()), (a, b) -> a));
	}

	private static NoticePayload attempt(Supplier<Notice> action) {
		try {
			return new NoticePayload(action.get(), List.of());
		}
		catch (ExpectedFailure ex) {
			return new NoticePayload(null, ex.errors());
		}
	}

	/**
	 * The inputs of the notice mutations: each uses the fields its schema input type
	 * declares.
	 */
	record NoticeChangeInput(String id, String note, String resolution, LocalDate deadline) {
	}

	/** Batch key for {@code Department.notices}. */
	record DepartmentNotices(String departmentCode, NoticeFilter filter, Integer first, String after) {
	}

}
