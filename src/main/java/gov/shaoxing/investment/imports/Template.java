package gov.shaoxing.investment.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A spreadsheet template: its columns in order, and how a sheet's header rows are matched
 * against them (by key or by Chinese header, in any column order; a row of Chinese
 * headers followed by the key row is one header).
 */
record Template<R>(String name, String sheetName, List<Column<R>> columns, Supplier<R> newRow) {

	/** The code cell of the template's example row, which imports skip. */
	static final String EXAMPLE = "示例";

	/** How many leading rows of a sheet may hold its header. */
	static final int HEADER_SEARCH_ROWS = 10;

	Column<R> column(String key) {
		for (Column<R> c : this.columns) {
			if (c.key().equals(key)) {
				return c;
			}
		}
		throw new IllegalArgumentException(key);
	}

	/**
	 * The columns a row of header cells names, by cell index; empty when too few cells
	 * are headers of this template.
	 */
	Map<Integer, Column<R>> match(List<String> cells) {
		Map<Integer, Column<R>> found = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			for (Column<R> c : this.columns) {
				if (c.named(cells.get(i))) {
					found.put(i, c);
					break;
				}
			}
		}
		return found.size() >= 3 ? found : Map.of();
	}

	/** Required columns the mapping lacks, as "key (header)". */
	List<String> missing(Map<Integer, Column<R>> mapping) {
		Set<String> have = new LinkedHashSet<>();
		mapping.values().forEach((c) -> have.add(c.key()));
		List<String> missing = new ArrayList<>();
		for (Column<R> c : this.columns) {
			if (c.required() && !have.contains(c.key())) {
				missing.add(c.key() + " (" + c.header() + ")");
			}
		}
		return missing;
	}

}
