package gov.shaoxing.investment.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import gov.shaoxing.investment.common.Paging;
import gov.shaoxing.investment.common.ReadModelProperties;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.store.BulkReads;
import jakarta.annotation.PostConstruct;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Finds projects. With the read model on, every search runs over the in-memory indexes of
 * {@link ProjectReadModel}; with it off, one store query (on indexed fields and a
 * bounding box) fetches the candidates and the same exact test, order and cursors page
 * them, so both paths give identical answers.
 */
@Service
public class ProjectService {

	private final ProjectRepository repository;

	private final MongoTemplate mongo;

	private final BulkReads bulk;

	private final DistrictService districts;

	private final Paging paging;

	private final boolean readModelEnabled;

	private final ProjectReadModel readModel;

	private final ChangeFeed feed;

	ProjectService(ProjectRepository repository, MongoTemplate mongo, BulkReads bulk, DistrictService districts,
			Paging paging, ReadModelProperties readModel, ProjectReadModel projects, ChangeFeed feed) {
		this.repository = repository;
		this.feed = feed;
		this.mongo = mongo;
		this.bulk = bulk;
		this.districts = districts;
		this.paging = paging;
		this.readModelEnabled = readModel.enabled();
		this.readModel = projects;
	}

	public Project byCode(String code) {
		if (code == null) {
			return null;
		}
		return this.readModelEnabled ? this.readModel.byCode(code) : this.repository.findById(code).orElse(null);
	}

	/** The projects with these codes, keyed by code; one store query when uncached. */
	public Map<String, Project> byCodes(Collection<String> codes) {
		Map<String, Project> result = new LinkedHashMap<>();
		if (codes.isEmpty()) {
			return result;
		}
		if (this.readModelEnabled) {
			ProjectIndex index = this.readModel.index();
			for (String code : codes) {
				Project p = index.byCode(code);
				if (p != null) {
					result.put(code, p);
				}
			}
		}
		else {
			for (Project p : this.repository.findAllById(codes)) {
				result.put(p.code(), p);
			}
		}
		return result;
	}

	public ProjectConnection search(ProjectFilter filter, List<ProjectOrder> order, Integer first, String after) {
		return searchAll(List.of(ProjectsKey.everywhere(filter, order, first, after))).values().iterator().next();
	}

	/**
	 * Answers several scoped searches (one per district or department parent) with a
	 * single candidate fetch per distinct set of arguments.
	 */
	Map<ProjectsKey, ProjectConnection> searchAll(Collection<ProjectsKey> keys) {
		Map<ProjectsKey, ProjectConnection> result = new LinkedHashMap<>();
		Map<ProjectsKey, List<ProjectsKey>> byArguments = keys.stream()
			.collect(Collectors.groupingBy(ProjectsKey::withoutScope, LinkedHashMap::new, Collectors.toList()));
		for (Map.Entry<ProjectsKey, List<ProjectsKey>> group : byArguments.entrySet()) {
			ProjectsKey arguments = group.getKey();
			ProjectFilter filter = ProjectFilter.validated(arguments.filter());
			Paging.PageRequest page = this.paging.request(arguments.first(), arguments.after());
			if (this.readModelEnabled) {
				ProjectIndex index = this.readModel.index();
				ProjectQuery query = new ProjectQuery(filter, arguments.orderBy(), index.districtOrder());
				for (ProjectsKey key : group.getValue()) {
					result.put(key, query.run(index, key.districtCode(), key.departmentCode(), page, this.paging));
				}
				continue;
			}
			ProjectQuery query = new ProjectQuery(filter, arguments.orderBy(), districtOrder());
			Iterable<Project> candidates = candidates(filter, group.getValue());
			for (ProjectsKey key : group.getValue()) {
				result.put(key, query.run(candidates, key.scope(), page, this.paging));
			}
		}
		return result;
	}

	/**
	 * Plan order of districts, read at most once per search and only when the order needs
	 * it.
	 */
	private ToIntFunction<String> districtOrder() {
		@SuppressWarnings("unchecked")
		ToIntFunction<String>[] order = new ToIntFunction[1];
		return (code) -> {
			if (order[0] == null) {
				order[0] = this.districts.planOrder();
			}
			return order[0].applyAsInt(code);
		};
	}

	/** Every project; an unmodifiable list that callers must not hold on to. */
	public List<Project> all() {
		return this.readModelEnabled ? this.readModel.index().all() : this.repository.findAll();
	}

	/**
	 * Every project matching a filter (checked as {@code projects} checks it), by code,
	 * as taken at one moment: the read model's current copy, or one store cursor whose
	 * documents are each read whole. Nothing is buffered beyond the matching references.
	 */
	public Stream<Project> export(ProjectFilter filter) {
		ProjectFilter f = ProjectFilter.validated(filter);
		if (this.readModelEnabled) {
			return this.readModel.index().all().stream().filter(f::test).sorted(Comparator.comparing(Project::code));
		}
		List<Criteria> all = criteria(f);
		Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
		return this.bulk.template().stream(query.with(Sort.by("_id")), Project.class).filter(f::test);
	}

	/** Saves (upserts) projects in bulk, as the seed does, and indexes them. */
	public void saveAll(Collection<Project> all) {
		this.repository.saveAll(all);
		this.readModel.saved(all);
	}

	/** A project this instance just changed in the store. */
	void saved(Project project) {
		this.readModel.saved(List.of(project));
	}

	/** Drops the in-memory copy: for changes made behind the service's back. */
	public void invalidate() {
		this.readModel.invalidate();
	}

	@PostConstruct
	void follow() {
		if (this.readModelEnabled) {
			// other instances' changes, and echoes of this one's (skipped when unchanged)
			this.feed.follow(Set.of(EventType.PROJECT_CHANGED), (event) -> this.readModel.refresh(event.subjectId(),
					(code) -> this.repository.findById(code).orElse(null)));
		}
	}

	private Iterable<Project> candidates(ProjectFilter filter, List<ProjectsKey> scopes) {
		List<Criteria> all = new ArrayList<>(criteria(filter));
		List<String> districtScopes = scopes.stream().map(ProjectsKey::districtCode).distinct().toList();
		List<String> departmentScopes = scopes.stream().map(ProjectsKey::departmentCode).distinct().toList();
		if (!districtScopes.contains(null)) {
			all.add(Criteria.where("districtCode").in(districtScopes));
		}
		if (!departmentScopes.contains(null)) {
			all.add(eitherDepartment(departmentScopes));
		}
		Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
		return this.mongo.find(query, Project.class);
	}

	/**
	 * Store-side conditions on indexed fields; the exact test runs in memory afterwards.
	 */
	private static List<Criteria> criteria(ProjectFilter f) {
		List<Criteria> c = new ArrayList<>();
		if (f.categories() != null) {
			c.add(Criteria.where("category").in(f.categories()));
		}
		if (f.districtCodes() != null) {
			c.add(Criteria.where("districtCode").in(f.districtCodes()));
		}
		if (f.departmentCodes() != null) {
			c.add(eitherDepartment(f.departmentCodes()));
		}
		if (f.leadDepartmentCodes() != null) {
			c.add(Criteria.where("leadDepartmentCode").in(f.leadDepartmentCodes()));
		}
		if (f.statuses() != null) {
			c.add(Criteria.where("status").in(f.statuses()));
		}
		if (f.minTotalInvestment() != null) {
			c.add(Criteria.where("totalInvestment").gte(f.minTotalInvestment()));
		}
		if (f.maxTotalInvestment() != null) {
			c.add(Criteria.where("totalInvestment").lte(f.maxTotalInvestment()));
		}
		if (f.strategicEmerging() != null) {
			c.add(Criteria.where("strategicEmerging").is(f.strategicEmerging()));
		}
		if (f.techUpgradePlan() != null) {
			c.add(Criteria.where("techUpgradePlan").is(f.techUpgradePlan()));
		}
		if (f.nationalCode() != null) {
			c.add(Criteria.where("nationalCode").is(f.nationalCode()));
		}
		if (f.nameContains() != null) {
			c.add(Criteria.where("name").regex(literal(f.nameContains())));
		}
		if (f.near() != null) {
			double[] box = Geo.boundingBox(f.near().latitude(), f.near().longitude(), f.near().radiusKm());
			c.add(Criteria.where("location.latitude").gte(box[0]).lte(box[1]));
			c.add(Criteria.where("location.longitude").gte(box[2]).lte(box[3]));
		}
		return c;
	}

	private static Criteria eitherDepartment(List<String> codes) {
		return new Criteria().orOperator(Criteria.where("leadDepartmentCode").in(codes),
				Criteria.where("coDepartmentCodes").in(codes));
	}

	/**
	 * A regular expression that matches the text literally, as case-sensitively as the
	 * read model's {@code contains}.
	 */
	static String literal(String text) {
		return Pattern.quote(text);
	}

	/**
	 * One search request: the root field's arguments plus an optional scope to one
	 * district or one department (lead or co-department), as used by
	 * {@code District.projects} and {@code Department.projects}.
	 */
	record ProjectsKey(String districtCode, String departmentCode, ProjectFilter filter, List<ProjectOrder> orderBy,
			Integer first, String after) {

		/** The root field's search, over every project. */
		static ProjectsKey everywhere(ProjectFilter filter, List<ProjectOrder> orderBy, Integer first, String after) {
			return new ProjectsKey(null, null, filter, orderBy, first, after);
		}

		static ProjectsKey inDistrict(String districtCode, ProjectFilter filter, List<ProjectOrder> orderBy,
				Integer first, String after) {
			return new ProjectsKey(districtCode, null, filter, orderBy, first, after);
		}

		static ProjectsKey inDepartment(String departmentCode, ProjectFilter filter, List<ProjectOrder> orderBy,
				Integer first, String after) {
			return new ProjectsKey(null, departmentCode, filter, orderBy, first, after);
		}

		ProjectsKey withoutScope() {
			return everywhere(this.filter, this.orderBy, this.first, this.after);
		}

		Predicate<Project> scope() {
			Predicate<Project> scope = (p) -> true;
			if (this.districtCode != null) {
				scope = scope.and((p) -> this.districtCode.equals(p.districtCode()));
			}
			if (this.departmentCode != null) {
				scope = scope.and((p) -> this.departmentCode.equals(p.leadDepartmentCode())
						|| p.coDepartmentCodes().contains(this.departmentCode));
			}
			return scope;
		}

	}

}
