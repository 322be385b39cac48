package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

import gov.shaoxing.investment.common.Paging;
import gov.shaoxing.investment.common.Paging.PageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The read model's indexed search gives exactly what sorting every match gives (the store
 * path), page after page, for random projects, filters and orders; and an index changed
 * project by project equals one built from scratch.
 */
class ProjectIndexTests {

	private static final String[] DISTRICTS = { "ZHUJI", "SHANGYU", "YUECHENG", "BINHAI" };

	private static final String[] DEPARTMENTS = { "JXW", "FGW", "GTJ", "SWJ", "NYJ" };

	private static final ToIntFunction<String> DISTRICT_ORDER = (code) -> List.of(DISTRICTS).indexOf(code);

	/** Cursors as the keys they stand for, so a test can page on with them. */
	private final Map<String, Map<String, Object>> cursors = new HashMap<>();

	private final Paging paging = paging();

	@Test
	void indexedPagesEqualFullySortedPagesForRandomFiltersAndOrders() {
		SplittableRandom random = new SplittableRandom(12);
		List<Project> projects = projects(random, 400, 0);
		ProjectIndex index = ProjectIndex.of(projects, DISTRICT_ORDER);
		for (int round = 0; round < 150; round++) {
			ProjectFilter filter = ProjectFilter.validated(filter(random));
			List<ProjectOrder> order = order(random, filter);
			String scopeDistrict = random.nextInt(5) == 0 ? pick(random, DISTRICTS) : null;
			String scopeDepartment = random.nextInt(6) == 0 ? pick(random, DEPARTMENTS) : null;
			int size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 8 : 60);
			assertSamePages(index, projects, filter, order, scopeDistrict, scopeDepartment, size);
		}
	}

	@Test
	void theTopOfALargeSetIsSelectedWithoutLosingTies() {
		SplittableRandom random = new SplittableRandom(7);
		List<Project> projects = projects(random, 1000, 0);
		ProjectIndex index = ProjectIndex.of(projects, DISTRICT_ORDER);
		// few distinct amounts, so ties on the first key run long; NAME and DISTANCE-like
		// multi-key orders take the gathering path
		for (List<ProjectOrder> order : List.of(
				List.of(new ProjectOrder(ProjectOrder.Field.TOTAL_INVESTMENT, ProjectOrder.Direction.DESC)),
				List.of(new ProjectOrder(ProjectOrder.Field.STATUS, ProjectOrder.Direction.DESC),
						new ProjectOrder(ProjectOrder.Field.CODE, ProjectOrder.Direction.DESC)),
				List.of(new ProjectOrder(ProjectOrder.Field.CATEGORY, ProjectOrder.Direction.ASC),
						new ProjectOrder(ProjectOrder.Field.PLANNED_START, ProjectOrder.Direction.DESC)))) {
			assertSamePages(index, projects, ProjectFilter.NONE, order, null, null, 50);
			assertSamePages(
					index, projects, ProjectFilter.validated(new ProjectFilter(List.of(ProjectCategory.SERVICE), null,
							null, null, null, new BigDecimal("2"), null, null, null, null, null, null)),
					order, null, null, 50);
		}
	}

	@Test
	void anIndexChangedProjectByProjectEqualsOneBuiltFromScratch() {
		SplittableRandom random = new SplittableRandom(99);
		List<Project> projects = projects(random, 500, 0);
		ProjectIndex index = ProjectIndex.of(projects, DISTRICT_ORDER);
		Map<String, Project> expected = new HashMap<>();
		projects.forEach((p) -> expected.put(p.code(), p));
		// all() keeps the store's order: changed projects in place, new ones last
		List<String> storeOrder = new ArrayList<>(codes(projects));
		for (int step = 0; step < 60; step++) {
			List<Project> changed = new ArrayList<>();
			List<String> removed = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(4); i++) {
				int which = random.nextInt(3);
				if (which == 0) {
					// a new code, between or after the others
					changed.add(projects(random, 1, 1000 + step * 10 + i).get(0));
				}
				else if (which == 1) {
					Project old = pickFrom(random, expected);
					changed.add(project(random, old.code()));
				}
				else {
					removed.add(pickFrom(random, expected).code());
				}
			}
			removed.removeIf((code) -> changed.stream().anyMatch((p) -> p.code().equals(code)));
			index = index.with(changed, removed);
			removed.forEach(expected::remove);
			storeOrder.removeAll(removed);
			changed.stream()
				.map(Project::code)
				.filter((code) -> !storeOrder.contains(code))
				.sorted()
				.distinct()
				.forEach(storeOrder::add);
			changed.forEach((p) -> expected.put(p.code(), p));
			assertThat(codes(index.all())).isEqualTo(storeOrder);
			assertSameIndex(index, ProjectIndex.of(expected.values(), DISTRICT_ORDER));
		}
		for (int round = 0; round < 100; round++) {
			ProjectFilter filter = ProjectFilter.validated(filter(random));
			assertSamePages(index, new ArrayList<>(expected.values()), filter, order(random, filter), null, null,
					1 + random.nextInt(30));
		}
	}

	private void assertSamePages(ProjectIndex index, List<Project> projects, ProjectFilter filter,
			List<ProjectOrder> order, String scopeDistrict, String scopeDepartment, int size) {
		ProjectQuery query = new ProjectQuery(filter, order, DISTRICT_ORDER);
		ProjectService.ProjectsKey scope = new ProjectService.ProjectsKey(scopeDistrict, scopeDepartment, null, null,
				null, null);
		Map<String, Object> after = null;
		for (int pageNumber = 0; pageNumber < 8; pageNumber++) {
			PageRequest page = new PageRequest(size, after);
			ProjectConnection indexed = query.run(index, scopeDistrict, scopeDepartment, page, this.paging);
			ProjectConnection sorted = query.run(projects, scope.scope(), page, this.paging);
			String what = filter + " " + order + " scope " + scopeDistrict + "/" + scopeDepartment + " size " + size
					+ " page " + pageNumber;
			assertThat(codes(indexed.nodes())).as(what).isEqualTo(codes(sorted.nodes()));
			assertThat(indexed.totalCount()).as(what).isEqualTo(sorted.totalCount());
			assertThat(indexed.pageInfo()).as(what).isEqualTo(sorted.pageInfo());
			assertThat(indexed.edges()).as(what).isEqualTo(sorted.edges());
			assertThat(indexed.aggregate().totalInvestment()).as(what)
				.isEqualByComparingTo(sorted.aggregate().totalInvestment());
			assertThat(indexed.aggregate().count()).as(what).isEqualTo(sorted.aggregate().count());
			if (!sorted.pageInfo().hasNextPage() || size == 0) {
				return;
			}
			after = this.cursors.get(sorted.pageInfo().endCursor());
		}
	}

	private static void assertSameIndex(ProjectIndex changed, ProjectIndex built) {
		assertThat(changed.size()).isEqualTo(built.size());
		for (int row = 0; row < built.size(); row++) {
			assertThat(changed.row(row)).isEqualTo(built.row(row));
		}
		assertThat(changed.all()).containsExactlyInAnyOrderElementsOf(built.all());
		for (ProjectIndex.Attribute attribute : ProjectIndex.Attribute.values()) {
			for (Project p : built.all()) {
				for (Object value : valuesOf(attribute, p)) {
					assertThat(changed.posting(attribute, List.of(value))).as(attribute + " " + value)
						.isEqualTo(built.posting(attribute, List.of(value)));
				}
			}
		}
		for (ProjectOrder.Field field : ProjectOrder.Field.values()) {
			if (field != ProjectOrder.Field.CODE && field != ProjectOrder.Field.DISTANCE) {
				assertThat(changed.sorted(field, true)).as(field + " ties ascending")
					.isEqualTo(built.sorted(field, true));
				assertThat(changed.sorted(field, false)).as(field + " ties descending")
					.isEqualTo(built.sorted(field, false));
				assertThat(changed.nonNull(field)).isEqualTo(built.nonNull(field));
			}
		}
	}

	private static List<Object> valuesOf(ProjectIndex.Attribute attribute, Project p) {
		List<Object> values = new ArrayList<>();
		switch (attribute) {
			case CATEGORY -> values.add(p.category());
			case DISTRICT -> values.add(p.districtCode());
			case LEAD_DEPARTMENT -> values.add(p.leadDepartmentCode());
			case DEPARTMENT -> {
				values.add(p.leadDepartmentCode());
				values.addAll(p.coDepartmentCodes());
			}
			case STATUS -> values.add(p.status());
			case STRATEGIC_EMERGING -> values.add(p.strategicEmerging());
			case TECH_UPGRADE_PLAN -> values.add(p.techUpgradePlan());
			case NATIONAL_CODE -> values.add(p.nationalCode());
		}
		values.removeIf((v) -> v == null);
		return values;
	}

	private static List<String> codes(List<Project> projects) {
		return projects.stream().map(Project::code).toList();
	}

	private static List<Project> projects(SplittableRandom random, int count, int from) {
		List<Project> list = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// codes out of order, so rows are not numbered as they came
			list.add(project(random, String.format("P-%05d", (from + i) * 7919 % 100_003)));
		}
		return list;
	}

	private static Project project(SplittableRandom random, String code) {
		List<String> co = new ArrayList<>();
		for (String d : DEPARTMENTS) {
			if (random.nextInt(4) == 0) {
				co.add(d);
			}
		}
		boolean located = random.nextInt(5) != 0;
		return new Project(code, ProjectCategory.values()[random.nextInt(3)], "项目" + random.nextInt(40),
				pick(random, DISTRICTS), pick(random, DEPARTMENTS), co, "企业",
				new BigDecimal(random.nextInt(30)).movePointLeft(random.nextInt(2)), new BigDecimal(random.nextInt(10)),
				random.nextBoolean(), random.nextBoolean(),
				random.nextInt(6) == 0 ? null : ProjectStatus.values()[random.nextInt(ProjectStatus.values().length)],
				random.nextInt(4) == 0 ? null : LocalDate.of(2012, 1 + random.nextInt(12), 1),
				random.nextInt(4) == 0 ? null : LocalDate.of(2014, 1 + random.nextInt(12), 1),
				located ? new Project.Location(29.5 + random.nextDouble(), 120 + random.nextDouble(), "地址") : null,
				random.nextInt(10) == 0 ? "2012-330681-26-03-" + String.format("%06d", random.nextInt(30)) : null, null,
				2012, true);
	}

	private static ProjectFilter filter(SplittableRandom random) {
		// lists as GraphQL binds them (they may be asked whether they hold a null)
		BigDecimal min = random.nextInt(3) == 0 ? new BigDecimal(random.nextInt(20)) : null;
		return new ProjectFilter(
				random.nextInt(3) == 0 ? Arrays.asList(ProjectCategory.values()[random.nextInt(3)]) : null,
				random.nextInt(4) == 0 ? Arrays.asList(pick(random, DISTRICTS), pick(random, DISTRICTS)) : null,
				random.nextInt(5) == 0 ? Arrays.asList(pick(random, DEPARTMENTS)) : null,
				random.nextInt(6) == 0 ? Arrays.asList(pick(random, DEPARTMENTS), pick(random, DEPARTMENTS)) : null,
				random.nextInt(5) == 0 ? Arrays.asList(ProjectStatus.values()[random.nextInt(5)]) : null, min,
				random.nextInt(5) == 0
						? new BigDecimal(10 + random.nextInt(20)).max(min != null ? min : BigDecimal.ZERO) : null,
				random.nextInt(6) == 0 ? random.nextBoolean() : null,
				random.nextInt(6) == 0 ? random.nextBoolean() : null, random.nextInt(8) == 0 ? "项目1" : null,
				random.nextInt(6) == 0 ? new ProjectFilter.Near(30, 120.5, 5 + random.nextInt(60)) : null, null);
	}

	private static List<ProjectOrder> order(SplittableRandom random, ProjectFilter filter) {
		List<ProjectOrder> order = new ArrayList<>();
		int keys = random.nextInt(3);
		for (int i = 0; i < keys; i++) {
			ProjectOrder.Field field = ProjectOrder.Field.values()[random.nextInt(ProjectOrder.Field.values().length)];
			if (field == ProjectOrder.Field.DISTANCE && filter.near() == null) {
				field = ProjectOrder.Field.NAME;
			}
			order.add(new ProjectOrder(field,
					random.nextBoolean() ? ProjectOrder.Direction.ASC : ProjectOrder.Direction.DESC));
		}
		return order;
	}

	private static String pick(SplittableRandom random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static Project pickFrom(SplittableRandom random, Map<String, Project> projects) {
		List<String> codes = projects.keySet().stream().sorted().toList();
		return projects.get(codes.get(random.nextInt(codes.size())));
	}

	private Paging paging() {
		Paging paging = mock(Paging.class);
		when(paging.cursor(any())).thenAnswer((call) -> {
			Map<String, Object> keys = new LinkedHashMap<>(call.getArgument(0));
			String cursor = "c" + keys;
			this.cursors.put(cursor, keys);
			return cursor;
		});
		return paging;
	}

}
