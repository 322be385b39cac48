package gov.shaoxing.investment.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One immutable snapshot of every project with in-memory indexes, so that a page costs in
 * proportion to the page rather than to the collection. Rows are numbered in code order.
 * A <em>posting</em> lists the rows (ascending) that have one value of an equality
 * attribute; a <em>sorted order</em> lists every row by one sort key (nulls last), ties
 * by code ascending, and a second copy ties by code descending, so that any direction of
 * the key with either direction of the code is a plain forward or backward scan. Changes
 * make a new snapshot from the old one in time linear in the collection, without sorting
 * again.
 */
final class ProjectIndex {

	/** Equality attributes with postings. A project may have several values of one. */
	enum Attribute {

		CATEGORY((p) -> Collections.singletonList(p.category())),
		DISTRICT((p) -> Collections.singletonList(p.districtCode())),
		LEAD_DEPARTMENT((p) -> Collections.singletonList(p.leadDepartmentCode())),
		DEPARTMENT(ProjectIndex::departments), STATUS((p) -> Collections.singletonList(p.status())),
		STRATEGIC_EMERGING((p) -> Collections.singletonList(p.strategicEmerging())),
		TECH_UPGRADE_PLAN((p) -> Collections.singletonList(p.techUpgradePlan())),
		NATIONAL_CODE((p) -> Collections.singletonList(p.nationalCode()));

		private final Function<Project, List<?>> values;

		Attribute(Function<Project, List<?>> values) {
			this.values = values;
		}

		/** Whether no project has two values, so that postings of values are disjoint. */
		boolean singleValued() {
			return this != DEPARTMENT;
		}

	}

	/**
	 * Internal sort key for the {@code near} bounding box; not a {@code ProjectOrder}.
	 */
	static final String LATITUDE = "LATITUDE";

	private static final int[] NONE = new int[0];

	/** Distinct postings whose bit sets a snapshot keeps. */
	static final int CACHED_BITS = 256;

	private final Project[] rows;

	/** The projects in the store's order, as loaded, changed in place, new ones last. */
	private final Project[] natural;

	private final Map<String, Integer> rowOf;

	private final EnumMap<Attribute, Map<Object, int[]>> postings;

	/** Per key: rows by (key, code ascending) and by (key, code descending). */
	private final Map<Object, int[][]> sorted;

	/** Per key: how many rows have a non-null key (they come first in both orders). */
	private final Map<Object, Integer> nonNull;

	private final ToIntFunction<String> districtOrder;

	/**
	 * Bit sets of postings asked for ({@link #bits}); derived, so kept with the snapshot.
	 */
	private final Map<Object, long[]> bits = new ConcurrentHashMap<>();

	/** Per key: each row's position in its ascending order ({@link #rank}). */
	private final Map<Object, int[]> ranks = new ConcurrentHashMap<>();

	private ProjectIndex(Project[] rows, Project[] natural, EnumMap<Attribute, Map<Object, int[]>> postings,
			Map<Object, int[][]> sorted, Map<Object, Integer> nonNull, ToIntFunction<String> districtOrder) {
		this.rows = rows;
		this.natural = natural;
		this.postings = postings;
		this.sorted = sorted;
		this.nonNull = nonNull;
		this.districtOrder = districtOrder;
		this.rowOf = new HashMap<>(rows.length * 2);
		for (int i = 0; i < rows.length; i++) {
			this.rowOf.put(rows[i].code(), i);
		}
	}

	/** Builds the indexes from scratch: sorts once per key. */
	static ProjectIndex of(Collection<Project> projects, ToIntFunction<String> districtOrder) {
		Project[] natural = projects.toArray(Project[]::new);
		Project[] rows = natural.clone();
		Arrays.sort(rows, Comparator.comparing(Project::code));
		EnumMap<Attribute, Map<Object, int[]>> postings = new EnumMap<>(Attribute.class);
		for (Attribute attribute : Attribute.values()) {
			Map<Object, IntList> lists = new HashMap<>();
			for (int row = 0; row < rows.length; row++) {
				for (Object value : attribute.values.apply(rows[row])) {
					if (value != null) {
						lists.computeIfAbsent(value, (v) -> new IntList()).add(row);
					}
				}
			}
			Map<Object, int[]> map = new HashMap<>();
			lists.forEach((value, list) -> map.put(value, list.toArray()));
			postings.put(attribute, map);
		}
		Map<Object, int[][]> sorted = new HashMap<>();
		Map<Object, Integer> nonNull = new HashMap<>();
		for (Object key : sortKeys()) {
			Comparable<?>[] keys = new Comparable<?>[rows.length];
			int present = 0;
			for (int row = 0; row < rows.length; row++) {
				keys[row] = keyOf(key, rows[row], districtOrder);
				present += (keys[row] != null) ? 1 : 0;
			}
			Integer[] ascending = new Integer[rows.length];
			for (int row = 0; row < rows.length; row++) {
				ascending[row] = row;
			}
			// a stable sort of rows already in code order breaks ties by code
			Arrays.sort(ascending, (a, b) -> compareNullsLast(keys[a], keys[b]));
			int[] byCodeAscending = new int[rows.length];
			for (int i = 0; i < rows.length; i++) {
				byCodeAscending[i] = ascending[i];
			}
			sorted.put(key, new int[][] { byCodeAscending, tiesReversed(byCodeAscending, keys) });
			nonNull.put(key, present);
		}
		return new ProjectIndex(rows, natural, postings, sorted, nonNull, districtOrder);
	}

	/**
	 * A new snapshot with these projects added or replaced and these codes removed. The
	 * old rows keep their relative order, so postings and sorted orders are renumbered
	 * and the changed rows merged in, without sorting again; a large change builds from
	 * scratch.
	 */
	ProjectIndex with(Collection<Project> changed, Collection<String> removed) {
		Map<String, Project> replacing = new HashMap<>();
		for (Project p : changed) {
			replacing.put(p.code(), p);
		}
		Set<String> gone = Set.copyOf(removed);
		List<Project> natural = new ArrayList<>(this.natural.length + replacing.size());
		Set<String> placed = new HashSet<>();
		for (Project p : this.natural) {
			if (!gone.contains(p.code())) {
				natural.add(replacing.getOrDefault(p.code(), p));
				placed.add(p.code());
			}
		}
		replacing.values()
			.stream()
			.filter((p) -> !placed.contains(p.code()))
			.sorted(Comparator.comparing(Project::code))
			.forEach(natural::add);
		if ((replacing.size() + gone.size()) * 16L > this.rows.length) {
			return of(natural, this.districtOrder);
		}
		// merge the kept old rows with the changed ones, both in code order
		List<Project> added = replacing.values().stream().sorted(Comparator.comparing(Project::code)).toList();
		List<Project> next = new ArrayList<>(this.rows.length + added.size());
		int[] oldToNew = new int[this.rows.length];
		IntList touched = new IntList();
		int a = 0;
		for (int old = 0; old <= this.rows.length; old++) {
			String code = (old < this.rows.length) ? this.rows[old].code() : null;
			while (a < added.size() && (code == null || added.get(a).code().compareTo(code) <= 0)) {
				touched.add(next.size());
				next.add(added.get(a++));
			}
			if (code == null) {
				break;
			}
			boolean kept = !replacing.containsKey(code) && !gone.contains(code);
			oldToNew[old] = kept ? next.size() : -1;
			if (kept) {
				next.add(this.rows[old]);
			}
		}
		Project[] rows = next.toArray(Project[]::new);
		int[] fresh = touched.toArray();
		EnumMap<Attribute, Map<Object, int[]>> postings = new EnumMap<>(Attribute.class);
		for (Attribute attribute : Attribute.values()) {
			Map<Object, IntList> additions = new HashMap<>();
			for (int row : fresh) {
				for (Object value : attribute.values.apply(rows[row])) {
					if (value != null) {
						additions.computeIfAbsent(value, (v) -> new IntList()).add(row);
					}
				}
			}
			Map<Object, int[]> map = new HashMap<>();
			for (Map.Entry<Object, int[]> e : this.postings.get(attribute).entrySet()) {
				IntList extra = additions.remove(e.getKey());
				int[] merged = mergeAscending(renumbered(e.getValue(), oldToNew),
						(extra != null) ? extra.toArray() : NONE);
				if (merged.length > 0) {
					map.put(e.getKey(), merged);
				}
			}
			additions.forEach((value, list) -> map.put(value, list.toArray()));
			postings.put(attribute, map);
		}
		Map<Object, int[][]> sorted = new HashMap<>();
		Map<Object, Integer> nonNull = new HashMap<>();
		for (Object key : sortKeys()) {
			int[][] old = this.sorted.get(key);
			int[] ascending = insertSorted(renumbered(old[0], oldToNew), fresh, rows, key, true);
			int[] descending = insertSorted(renumbered(old[1], oldToNew), fresh, rows, key, false);
			sorted.put(key, new int[][] { ascending, descending });
			nonNull.put(key, countNonNull(ascending, rows, key, this.districtOrder));
		}
		return new ProjectIndex(rows, natural.toArray(Project[]::new), postings, sorted, nonNull, this.districtOrder);
	}

	int size() {
		return this.rows.length;
	}

	Project row(int row) {
		return this.rows[row];
	}

	Project byCode(String code) {
		Integer row = this.rowOf.get(code);
		return (row != null) ? this.rows[row] : null;
	}

	/** Every project in the store's order, a view without copying. */
	List<Project> all() {
		return Collections.unmodifiableList(Arrays.asList(this.natural));
	}

	ToIntFunction<String> districtOrder() {
		return this.districtOrder;
	}

	/**
	 * The rows that have any of these values, ascending and without repeats; an empty
	 * array when none has.
	 */
	int[] posting(Attribute attribute, Collection<?> values) {
		Map<Object, int[]> map = this.postings.get(attribute);
		if (values.size() == 1) {
			return map.getOrDefault(values.iterator().next(), NONE);
		}
		int[] union = NONE;
		for (Object value : Set.copyOf(values)) {
			int[] one = map.getOrDefault(value, NONE);
			union = attribute.singleValued() ? mergeAscending(union, one) : unionAscending(union, one);
		}
		return union;
	}

	/**
	 * The posting of these values as a bit set (bit {@code r % 64} of word {@code r / 64}
	 * for row r), so that a row is tested without reading its project. The first
	 * {@link #CACHED_BITS} distinct postings asked for are kept with this snapshot.
	 */
	long[] bits(Attribute attribute, Collection<?> values) {
		Object key = List.of(attribute, Set.copyOf(values));
		long[] set = this.bits.get(key);
		if (set == null) {
			set = new long[(this.rows.length + 63) >>> 6];
			for (int row : posting(attribute, values)) {
				set[row >>> 6] |= 1L << row;
			}
			if (this.bits.size() < CACHED_BITS) {
				this.bits.put(key, set);
			}
		}
		return set;
	}

	/**
	 * Each row's position in the key's ascending order ({@link #sorted} with ties by code
	 * ascending), so that a range of that order is tested by one comparison.
	 */
	int[] rank(Object key) {
		return this.ranks.computeIfAbsent(key, (k) -> {
			int[] order = sorted(k, true);
			int[] rank = new int[order.length];
			for (int position = 0; position < order.length; position++) {
				rank[order[position]] = position;
			}
			return rank;
		});
	}

	/** How many rows the posting of these values holds, without building it. */
	int postingSize(Attribute attribute, Collection<?> values) {
		Map<Object, int[]> map = this.postings.get(attribute);
		int size = 0;
		for (Object value : Set.copyOf(values)) {
			size += map.getOrDefault(value, NONE).length;
		}
		return size;
	}

	/**
	 * Rows by a sort key (a {@link ProjectOrder.Field} or {@link #LATITUDE}), nulls last,
	 * ties by code in the given direction.
	 */
	int[] sorted(Object key, boolean codeAscending) {
		return this.sorted.get(key)[codeAscending ? 0 : 1];
	}

	/** How many rows have a non-null value of this key; they come first. */
	int nonNull(Object key) {
		return this.nonNull.get(key);
	}

	/** The key a row is sorted by, as {@link ProjectQuery} compares it. */
	Comparable<?> key(Object key, int row) {
		return keyOf(key, this.rows[row], this.districtOrder);
	}

	private static List<Object> sortKeys() {
		List<Object> keys = new ArrayList<>();
		for (ProjectOrder.Field field : ProjectOrder.Field.values()) {
			if (field != ProjectOrder.Field.CODE && field != ProjectOrder.Field.DISTANCE) {
				keys.add(field);
			}
		}
		keys.add(LATITUDE);
		return keys;
	}

	static Comparable<?> keyOf(Object key, Project p, ToIntFunction<String> districtOrder) {
		if (key == LATITUDE) {
			return (p.location() != null) ? p.location().latitude() : null;
		}
		return switch ((ProjectOrder.Field) key) {
			case CODE -> p.code();
			case NAME -> p.name();
			case DISTRICT -> districtOrder.applyAsInt(p.districtCode());
			case CATEGORY -> p.category().ordinal();
			case STATUS -> (p.status() == null) ? null : p.status().ordinal();
			case TOTAL_INVESTMENT -> p.totalInvestment();
			case PLANNED_INVESTMENT -> p.plannedInvestment();
			case PLANNED_START -> p.plannedStart();
			case PLANNED_FINISH -> p.plannedFinish();
			case DISTANCE -> throw new IllegalArgumentException("DISTANCE has no sorted order");
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static int compareNullsLast(Comparable x, Comparable y) {
		if (x == null || y == null) {
			return (x == null) == (y == null) ? 0 : (x == null ? 1 : -1);
		}
		return x.compareTo(y);
	}

	private static List<?> departments(Project p) {
		List<String> codes = new ArrayList<>(p.coDepartmentCodes().size() + 1);
		codes.add(p.leadDepartmentCode());
		for (String code : p.coDepartmentCodes()) {
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

	/** The same order with every run of equal keys reversed: ties by code descending. */
	private static int[] tiesReversed(int[] ascending, Comparable<?>[] keys) {
		int[] result = ascending.clone();
		int start = 0;
		while (start < result.length) {
			int end = start + 1;
			while (end < result.length && compareNullsLast(keys[result[start]], keys[result[end]]) == 0) {
				end++;
			}
			for (int i = start, j = end - 1; i < j; i++, j--) {
				int t = result[i];
				result[i] = result[j];
				result[j] = t;
			}
			start = end;
		}
		return result;
	}

	/** Old row numbers turned into new ones, dropping rows that left or changed. */
	private static int[] renumbered(int[] rows, int[] oldToNew) {
		int[] result = new int[rows.length];
		int n = 0;
		for (int row : rows) {
			int next = oldToNew[row];
			if (next >= 0) {
				result[n++] = next;
			}
		}
		return (n == result.length) ? result : Arrays.copyOf(result, n);
	}

	/**
	 * Inserts the fresh rows into an order of the others, each where its (key, code)
	 * belongs: one binary search per fresh row, then one copy.
	 */
	private int[] insertSorted(int[] order, int[] fresh, Project[] rows, Object key, boolean codeAscending) {
		if (fresh.length == 0) {
			return order;
		}
		Comparator<Integer> byKeyThenCode = (a, b) -> {
			int c = compareNullsLast(keyOf(key, rows[a], this.districtOrder), keyOf(key, rows[b], this.districtOrder));
			return (c != 0) ? c : (codeAscending ? Integer.compare(a, b) : Integer.compare(b, a));
		};
		Integer[] incoming = Arrays.stream(fresh).boxed().sorted(byKeyThenCode).toArray(Integer[]::new);
		int[] result = new int[order.length + incoming.length];
		int from = 0;
		int n = 0;
		for (Integer row : incoming) {
			int lo = from;
			int hi = order.length;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (byKeyThenCode.compare(order[mid], row) < 0) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			System.arraycopy(order, from, result, n, lo - from);
			n += lo - from;
			result[n++] = row;
			from = lo;
		}
		System.arraycopy(order, from, result, n, order.length - from);
		return result;
	}

	/** Nulls come last, so the non-null keys are the rows before the first null. */
	private static int countNonNull(int[] ascending, Project[] rows, Object key, ToIntFunction<String> districtOrder) {
		int lo = 0;
		int hi = ascending.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (keyOf(key, rows[ascending[mid]], districtOrder) != null) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private static int[] mergeAscending(int[] a, int[] b) {
		if (b.length == 0) {
			return a;
		}
		if (a.length == 0) {
			return b;
		}
		int[] result = new int[a.length + b.length];
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length || j < b.length) {
			result[n++] = (j >= b.length || (i < a.length && a[i] < b[j])) ? a[i++] : b[j++];
		}
		return result;
	}

	private static int[] unionAscending(int[] a, int[] b) {
		int[] result = new int[a.length + b.length];
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length || j < b.length) {
			int next = (j >= b.length || (i < a.length && a[i] <= b[j])) ? a[i] : b[j];
			if (i < a.length && a[i] == next) {
				i++;
			}
			if (j < b.length && b[j] == next) {
				j++;
			}
			result[n++] = next;
		}
		return Arrays.copyOf(result, n);
	}

	/** A growable array of ints. */
	static final class IntList {

		private int[] values = new int[8];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		int size() {
			return this.size;
		}

		int get(int i) {
			return this.values[i];
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
