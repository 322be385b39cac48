package gov.shaoxing.investment.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The project template's columns for others that write project rows (exports), so what
 * they write imports again: keys, headers, and a row's cells.
 */
public final class ProjectSheet {

	private ProjectSheet() {
	}

	/** Every column key, in template order. */
	public static List<String> keys() {
		return ProjectTemplate.TEMPLATE.columns().stream().map(Column::key).toList();
	}

	/** Whether {@code key} names a column. */
	public static boolean isKey(String key) {
		return ProjectTemplate.TEMPLATE.columns().stream().anyMatch((c) -> c.key().equals(key));
	}

	/** The Chinese headers (with units) of the given columns. */
	public static List<String> headers(List<String> keys) {
		return keys.stream().map((k) -> ProjectTemplate.TEMPLATE.column(k).header()).toList();
	}

	/** A row's cells for the given columns; null for an empty cell. */
	public static List<String> cells(ProjectRow row, List<String> keys) {
		List<String> cells = new ArrayList<>(keys.size());
		for (String k : keys) {
			cells.add(ProjectTemplate.TEMPLATE.column(k).write().apply(row));
		}
		return cells;
	}

	/** The sheet name exports and the template use. */
	public static String sheetName() {
		return ProjectTemplate.TEMPLATE.sheetName();
	}

}
