package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.Edge;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.PageInfo;
import gov.shaoxing.investment.common.Paging;
import gov.shaoxing.investment.common.Paging.PageRequest;

/**
 * Filters, sorts and pages projects in memory, with keyset cursors: a cursor holds the
 * sort-key values of the last project seen, so pages stay stable while projects are added
 * or changed. The order always ends with the code, so it is total.
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
		List<Edge<Project>> edges = new ArrayList<>(end - start);
		for (int i = start; i < end; i++) {
			edges.add(new Edge<>(paging.cursor(encode(keyed[i].keys)), keyed[i].project));
		}
		PageInfo info = new PageInfo(end < keyed.length, start > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new ProjectConnection(edges, info, matches.size(), new ProjectAggregate(matches));
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
