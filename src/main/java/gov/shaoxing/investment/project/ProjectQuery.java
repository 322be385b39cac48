package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.Paging;
import gov.shaoxing.investment.common.Paging.PageRequest;

/**
 * Filters, sorts and pages projects in memory, with keyset cursors: a cursor holds the
 * sort-key values of the last project seen, so pages stay stable while projects are added
 * or changed. The order always ends with the code, so it is total. Over the read model's
 * {@link ProjectIndex} a page costs in proportion to the page; over the store's
 * candidates it sorts them all.
 */
final class ProjectQuery {

	static final List<ProjectOrder> DEFAULT_ORDER = List.of(
			new ProjectOrder(ProjectOrder.Field.DISTRICT, ProjectOrder.Direction.ASC),
			new ProjectOrder(ProjectOrder.Field.CODE, ProjectOrder.Direction.ASC));

	private final ProjectFilter filter;

	private final List<ProjectOrder> order;

	private final ToIntFunction<String> districtOrder;

	private final String signature;

	ProjectQuery(ProjectFilter filter, List<ProjectOrder> order, ToIntFunction<String> districtOrder) {
		this.filter = filter;
		List<ProjectOrder> effective = new ArrayList<>(order == null || order.isEmpty() ? DEFAULT_ORDER : order);
		if (effective.size() > 5) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "orderByKeys", "orderBy", 5);
		}
		for (ProjectOrder o : effective) {
			if (o == null || o.field() == null) {
				throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "orderByField", "orderBy");
			}
			if (o.field() == ProjectOrder.Field.DISTANCE && filter.near() == null) {
				throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "orderByDistance", "orderBy");
			}
		}
		if (effective.stream().noneMatch((o) -> o.field() == ProjectOrder.Field.CODE)) {
			effective.add(new ProjectOrder(ProjectOrder.Field.CODE, ProjectOrder.Direction.ASC));
		}
		this.order = List.copyOf(effective);
		this.districtOrder = districtOrder;
		StringBuilder sig = new StringBuilder();
		for (ProjectOrder o : this.order) {
			sig.append(o.field().name()).append(o.direction() == ProjectOrder.Direction.DESC ? "-" : "+");
		}
		this.signature = sig.toString();
	}

	/**
	 * The store path: every candidate the store query returned is tested, and the matches
	 * are sorted in full.
	 */
	ProjectConnection run(Iterable<Project> candidates, Predicate<Project> scope, PageRequest page, Paging paging) {
		List<Project> matches = new ArrayList<>();
		for (Project p : candidates) {
			if (scope.test(p) && this.filter.test(p)) {
				matches.add(p);
			}
		}
		Keyed[] keyed = new Keyed[matches.size()];
		for (int i = 0; i < keyed.length; i++) {
			keyed[i] = new Keyed(keysOf(matches.get(i)), matches.get(i));
		}
		Comparator<Comparable<?>[]> comparator = comparator();
		Arrays.sort(keyed, (a, b) -> comparator.compare(a.keys, b.keys));
		int start = 0;
		if (page.after() != null) {
			Comparable<?>[] after = decode(page.after());
			int lo = 0;
			int hi = keyed.length;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (comparator.compare(keyed[mid].keys, after) <= 0) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			start = lo;
		}
		int end = Math.min(keyed.length, start + page.size());
		List<Project> nodes = new ArrayList<>(end - start);
		for (int i = start; i < end; i++) {
			nodes.add(keyed[i].project);
		}
		boolean hasPrevious = start > 0;
		return new ProjectConnection(nodes, end < keyed.length, () -> hasPrevious, cursors(paging), matches::size,
				() -> matches);
	}

	/**
	 * The read-model path. Candidates come from the smallest posting (or range of a
	 * sorted order) among the filter's conditions and are tested one by one with the
	 * exact test, so a condition without an index only costs that test. When the order is
	 * one key and the code, and the candidates are many, the page is read by walking that
	 * key's sorted order from the cursor, testing rows until the page is full; otherwise
	 * the matching candidates are gathered and the page selected from them without a full
	 * sort. Count and sums come from the same candidates, only when asked for.
	 */
	ProjectConnection run(ProjectIndex index, String scopeDistrict, String scopeDepartment, PageRequest page,
			Paging paging) {
		Predicate<Project> test = (p) -> (scopeDistrict == null || scopeDistrict.equals(p.districtCode()))
				&& (scopeDepartment == null || scopeDepartment.equals(p.leadDepartmentCode())
						|| p.coDepartmentCodes().contains(scopeDepartment))
				&& this.filter.test(p);
		int[] candidates = candidates(index, scopeDistrict, scopeDepartment);
		IntPredicate rows = rowTest(index, scopeDistrict, scopeDepartment, test);
		Comparable<?>[] after = (page.after() != null) ? decode(page.after()) : null;
		int n = index.size();
		double c = (candidates != null) ? candidates.length : n;
		IntSupplier count = () -> count(index, candidates, rows);
		Supplier<List<Project>> matches = () -> matches(index, candidates, rows);
		if (walkable() && c * c > (double) n * (page.size() + 1)) {
			return walk(index, rows, after, page.size(), paging, count, matches);
		}
		List<Project> all = matches.get();
		return gather(all, after, page.size(), paging);
	}

	/** Whether the order is one key then the code, so a sorted order gives it whole. */
	private boolean walkable() {
		ProjectOrder.Field first = this.order.get(0).field();
		return first == ProjectOrder.Field.CODE || (this.order.size() == 2
				&& this.order.get(1).field() == ProjectOrder.Field.CODE && first != ProjectOrder.Field.DISTANCE);
	}

	/**
	 * The test of a row: by the postings' bit sets and the total's ranks alone when every
	 * condition has an index, so that counting thousands of matches reads no project;
	 * otherwise the filter's exact test of the project.
	 */
	private IntPredicate rowTest(ProjectIndex index, String scopeDistrict, String scopeDepartment,
			Predicate<Project> test) {
		ProjectFilter f = this.filter;
		// the canonical constructor, so that a new condition must be placed here
		ProjectFilter indexed = new ProjectFilter(f.categories(), f.districtCodes(), f.departmentCodes(),
				f.leadDepartmentCodes(), f.statuses(), f.minTotalInvestment(), f.maxTotalInvestment(),
				f.strategicEmerging(), f.techUpgradePlan(), null, null, f.nationalCode(), null, null, null, null, null,
				null, null);
		if (!indexed.equals(f)) {
			return (row) -> test.test(index.row(row));
		}
		List<long[]> sets = new ArrayList<>();
		for (Map.Entry<ProjectIndex.Attribute, Collection<?>> e : postings(scopeDistrict, scopeDepartment)) {
			sets.add(index.bits(e.getKey(), e.getValue()));
		}
		long[][] all = sets.toArray(long[][]::new);
		if (f.minTotalInvestment() == null && f.maxTotalInvestment() == null) {
			return (row) -> inAll(all, row);
		}
		Slice range = slice(index, ProjectOrder.Field.TOTAL_INVESTMENT, f.minTotalInvestment(), f.maxTotalInvestment());
		int[] rank = index.rank(ProjectOrder.Field.TOTAL_INVESTMENT);
		int from = range.from();
		int to = range.to();
		return (row) -> rank[row] >= from && rank[row] < to && inAll(all, row);
	}

	private static boolean inAll(long[][] sets, int row) {
		for (long[] set : sets) {
			if ((set[row >>> 6] & (1L << row)) == 0) {
				return false;
			}
		}
		return true;
	}

	private ProjectConnection walk(ProjectIndex index, IntPredicate test, Comparable<?>[] after, int size,
			Paging paging, IntSupplier count, Supplier<List<Project>> matches) {
		Walk walk = new Walk(index);
		Comparator<Comparable<?>[]> comparator = comparator();
		int start = 0;
		if (after != null) {
			int lo = 0;
			int hi = index.size();
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (comparator.compare(keysOf(index.row(walk.row(mid))), after) <= 0) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			start = lo;
		}
		List<Project> nodes = new ArrayList<>(size);
		boolean hasNext = false;
		for (int i = start; i < index.size(); i++) {
			int row = walk.row(i);
			if (test.test(row)) {
				if (nodes.size() == size) {
					hasNext = true;
					break;
				}
				nodes.add(index.row(row));
			}
		}
		int from = start;
		BooleanSupplier hasPrevious = () -> {
			for (int i = from - 1; i >= 0; i--) {
				if (test.test(walk.row(i))) {
					return true;
				}
			}
			return false;
		};
		return new ProjectConnection(nodes, hasNext, hasPrevious, cursors(paging), count, matches);
	}

	private ProjectConnection gather(List<Project> all, Comparable<?>[] after, int size, Paging paging) {
		Comparator<Comparable<?>[]> comparator = comparator();
		Comparator<Keyed> byKeys = (a, b) -> comparator.compare(a.keys, b.keys);
		List<Keyed> following = new ArrayList<>();
		boolean hasPrevious = false;
		for (Project p : all) {
			Keyed k = new Keyed(keysOf(p), p);
			if (after != null && comparator.compare(k.keys, after) <= 0) {
				hasPrevious = true;
			}
			else {
				following.add(k);
			}
		}
		List<Keyed> first;
		if (following.size() <= 4 * (size + 1) + 64) {
			following.sort(byKeys);
			first = following.subList(0, Math.min(following.size(), size + 1));
		}
		else {
			// top-k: keep the size + 1 smallest in a heap whose head is the largest kept
			PriorityQueue<Keyed> heap = new PriorityQueue<>(size + 2, byKeys.reversed());
			for (Keyed k : following) {
				heap.add(k);
				if (heap.size() > size + 1) {
					heap.poll();
				}
			}
			first = new ArrayList<>(heap);
			first.sort(byKeys);
		}
		List<Project> nodes = new ArrayList<>(Math.min(size, first.size()));
		for (int i = 0; i < Math.min(size, first.size()); i++) {
			nodes.add(first.get(i).project);
		}
		boolean previous = hasPrevious;
		return new ProjectConnection(nodes, first.size() > size, () -> previous, cursors(paging), all::size, () -> all);
	}

	/**
	 * The rows of the most selective indexed condition, or null when no condition has an
	 * index (every row is a candidate).
	 */
	private int[] candidates(ProjectIndex index, String scopeDistrict, String scopeDepartment) {
		Map.Entry<ProjectIndex.Attribute, Collection<?>> best = null;
		int bestSize = Integer.MAX_VALUE;
		for (Map.Entry<ProjectIndex.Attribute, Collection<?>> e : postings(scopeDistrict, scopeDepartment)) {
			int size = index.postingSize(e.getKey(), e.getValue());
			if (size < bestSize) {
				best = e;
				bestSize = size;
			}
		}
		Slice range = null;
		if (this.filter.minTotalInvestment() != null || this.filter.maxTotalInvestment() != null) {
			range = slice(index, ProjectOrder.Field.TOTAL_INVESTMENT, this.filter.minTotalInvestment(),
					this.filter.maxTotalInvestment());
		}
		if (this.filter.near() != null) {
			double[] box = Geo.boundingBox(this.filter.near().latitude(), this.filter.near().longitude(),
					this.filter.near().radiusKm());
			Slice latitudes = slice(index, ProjectIndex.LATITUDE, box[0], box[1]);
			range = (range == null || latitudes.size() < range.size()) ? latitudes : range;
		}
		if (range != null && range.size() < bestSize) {
			return Arrays.copyOfRange(index.sorted(range.key(), true), range.from(), range.to());
		}
		return (best != null) ? index.posting(best.getKey(), best.getValue()) : null;
	}

	/**
	 * The filter's and the scope's equality conditions, each with its posting's values.
	 */
	private List<Map.Entry<ProjectIndex.Attribute, Collection<?>>> postings(String scopeDistrict,
			String scopeDepartment) {
		List<Map.Entry<ProjectIndex.Attribute, Collection<?>>> postings = new ArrayList<>();
		add(postings, ProjectIndex.Attribute.CATEGORY, this.filter.categories());
		add(postings, ProjectIndex.Attribute.DISTRICT, this.filter.districtCodes());
		add(postings, ProjectIndex.Attribute.DEPARTMENT, this.filter.departmentCodes());
		add(postings, ProjectIndex.Attribute.LEAD_DEPARTMENT, this.filter.leadDepartmentCodes());
		add(postings, ProjectIndex.Attribute.STATUS, this.filter.statuses());
		add(postings, ProjectIndex.Attribute.STRATEGIC_EMERGING,
				(this.filter.strategicEmerging() != null) ? List.of(this.filter.strategicEmerging()) : null);
		add(postings, ProjectIndex.Attribute.TECH_UPGRADE_PLAN,
				(this.filter.techUpgradePlan() != null) ? List.of(this.filter.techUpgradePlan()) : null);
		add(postings, ProjectIndex.Attribute.NATIONAL_CODE,
				(this.filter.nationalCode() != null) ? List.of(this.filter.nationalCode()) : null);
		add(postings, ProjectIndex.Attribute.DISTRICT, (scopeDistrict != null) ? List.of(scopeDistrict) : null);
		add(postings, ProjectIndex.Attribute.DEPARTMENT, (scopeDepartment != null) ? List.of(scopeDepartment) : null);
		return postings;
	}

	private static void add(List<Map.Entry<ProjectIndex.Attribute, Collection<?>>> postings,
			ProjectIndex.Attribute attribute, Collection<?> values) {
		if (values != null) {
			postings.add(Map.entry(attribute, values));
		}
	}

	/**
	 * The positions in a key's ascending order of the rows whose key is within the bounds
	 * (either may be null).
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Slice slice(ProjectIndex index, Object key, Comparable min, Comparable max) {
		int[] order = index.sorted(key, true);
		int present = index.nonNull(key);
		int from = 0;
		if (min != null) {
			int lo = 0;
			int hi = present;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (((Comparable) index.key(key, order[mid])).compareTo(min) < 0) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			from = lo;
		}
		int to = present;
		if (max != null) {
			int lo = from;
			int hi = present;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (((Comparable) index.key(key, order[mid])).compareTo(max) <= 0) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			to = lo;
		}
		return new Slice(key, from, Math.max(from, to));
	}

	/** Positions {@code [from, to)} of a key's ascending order. */
	private record Slice(Object key, int from, int to) {

		int size() {
			return this.to - this.from;
		}

	}

	private static int count(ProjectIndex index, int[] candidates, IntPredicate test) {
		int count = 0;
		if (candidates == null) {
			for (int row = 0; row < index.size(); row++) {
				count += test.test(row) ? 1 : 0;
			}
		}
		else {
			for (int row : candidates) {
				count += test.test(row) ? 1 : 0;
			}
		}
		return count;
	}

	private static List<Project> matches(ProjectIndex index, int[] candidates, IntPredicate test) {
		List<Project> matches = new ArrayList<>();
		if (candidates == null) {
			for (int row = 0; row < index.size(); row++) {
				if (test.test(row)) {
					matches.add(index.row(row));
				}
			}
		}
		else {
			// in code order whatever posting or range they came from
			int[] rows = candidates.clone();
			Arrays.sort(rows);
			for (int row : rows) {
				if (test.test(row)) {
					matches.add(index.row(row));
				}
			}
		}
		return matches;
	}

	private Function<Project, String> cursors(Paging paging) {
		return (p) -> paging.cursor(encode(keysOf(p)));
	}

	/**
	 * The query's order over every row, as positions in one sorted order: forward, or
	 * backward within the non-null keys and then within the nulls, so that nulls stay
	 * last in both directions.
	 */
	private final class Walk {

		private final int[] order;

		private final boolean descending;

		private final int present;

		private final int size;

		Walk(ProjectIndex index) {
			ProjectOrder first = ProjectQuery.this.order.get(0);
			this.size = index.size();
			this.descending = first.direction() == ProjectOrder.Direction.DESC;
			if (first.field() == ProjectOrder.Field.CODE) {
				this.order = null;
				this.present = this.size;
			}
			else {
				boolean codeDescending = ProjectQuery.this.order.get(1).direction() == ProjectOrder.Direction.DESC;
				// ties run by code ascending in the first copy; walking it backwards
				// reverses them
				this.order = index.sorted(first.field(), this.descending == codeDescending);
				this.present = index.nonNull(first.field());
			}
		}

		int row(int position) {
			if (!this.descending) {
				return (this.order != null) ? this.order[position] : position;
			}
			if (this.order == null) {
				return this.size - 1 - position;
			}
			return (position < this.present) ? this.order[this.present - 1 - position]
					: this.order[this.size - 1 - (position - this.present)];
		}

	}

	private Comparable<?>[] keysOf(Project p) {
		Comparable<?>[] keys = new Comparable<?>[this.order.size()];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = switch (this.order.get(i).field()) {
				case CODE -> p.code();
				case NAME -> p.name();
				case DISTRICT -> this.districtOrder.applyAsInt(p.districtCode());
				case CATEGORY -> p.category().ordinal();
				case STATUS -> p.status() == null ? null : p.status().ordinal();
				case TOTAL_INVESTMENT -> p.totalInvestment();
				case PLANNED_INVESTMENT -> p.plannedInvestment();
				case PLANNED_START -> p.plannedStart();
				case PLANNED_FINISH -> p.plannedFinish();
				case DISTANCE -> this.filter.distanceKm(p);
			};
		}
		return keys;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Comparator<Comparable<?>[]> comparator() {
		return (a, b) -> {
			for (int i = 0; i < a.length; i++) {
				Comparable x = a[i];
				Comparable y = b[i];
				int c;
				if (x == null || y == null) {
					// nulls last whatever the direction
					c = (x == null) == (y == null) ? 0 : (x == null ? 1 : -1);
				}
				else {
					c = x.compareTo(y);
					if (this.order.get(i).direction() == ProjectOrder.Direction.DESC) {
						c = -c;
					}
				}
				if (c != 0) {
					return c;
				}
			}
			return 0;
		};
	}

	private Map<String, Object> encode(Comparable<?>[] keys) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("o", this.signature);
		for (int i = 0; i < keys.length; i++) {
			map.put("k" + i, keys[i] == null ? "" : keys[i].toString());
		}
		return map;
	}

	private Comparable<?>[] decode(Map<String, Object> map) {
		if (!this.signature.equals(map.get("o"))) {
			throw ApiException.detailed(ErrorCode.INVALID_CURSOR, "ordering", "after");
		}
		Comparable<?>[] keys = new Comparable<?>[this.order.size()];
		try {
			for (int i = 0; i < keys.length; i++) {
				Object raw = map.get("k" + i);
				if (!(raw instanceof String s)) {
					throw new IllegalArgumentException();
				}
				keys[i] = s.isEmpty() && this.order.get(i).field() != ProjectOrder.Field.NAME
						&& this.order.get(i).field() != ProjectOrder.Field.CODE ? null
								: switch (this.order.get(i).field()) {
									case CODE, NAME -> s;
									case DISTRICT, CATEGORY, STATUS -> Integer.valueOf(s);
									case TOTAL_INVESTMENT, PLANNED_INVESTMENT -> new BigDecimal(s);
									case PLANNED_START, PLANNED_FINISH -> LocalDate.parse(s);
									case DISTANCE -> Double.valueOf(s);
								};
			}
		}
		catch (RuntimeException ex) {
			throw new ApiException(ErrorCode.INVALID_CURSOR, "after");
		}
		return keys;
	}

	private record Keyed(Comparable<?>[] keys, Project project) {
	}

}
