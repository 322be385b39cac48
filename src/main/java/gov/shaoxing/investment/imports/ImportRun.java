package gov.shaoxing.investment.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one file against a template: finds the header (on the first sheet that has one
 * within its first rows; other sheets are left alone), reads every cell of each data row
 * into a row, and hands it to the applier. Blank rows and the template's example row are
 * skipped; a cell that cannot be read fails its row with the column named.
 */
final class ImportRun<R> implements SheetRows {

	private final Template<R> template;

	private final RowApplier<R> applier;

	private final Consumer<ImportRun<R>> checkpoint;

	private Map<Integer, Column<R>> mapping = Map.of();

	private Map<Integer, Column<R>> bestPartial = Map.of();

	private boolean headerDone;

	private int headerRow = -1;

	private int rowsInSheet;

	private int sheetEstimate;

	private boolean finished;

	int totalRows;

	int processed;

	int created;

	int updated;

	int unchanged;

	int failed;

	final List<ImportJob.RowError> errors = new ArrayList<>();

	int maxErrors = 1000;

	boolean errorsTruncated;

	/** Only find the header, then stop. */
	private final boolean headerOnly;

	ImportRun(Template<R> template, RowApplier<R> applier, Consumer<ImportRun<R>> checkpoint, boolean headerOnly) {
		this.template = template;
		this.applier = applier;
		this.checkpoint = checkpoint;
		this.headerOnly = headerOnly;
	}

	boolean headerFound() {
		return !this.mapping.isEmpty();
	}

	/** Required columns missing from the best header seen. */
	List<String> missingColumns() {
		return this.template.missing(this.mapping.isEmpty() ? this.bestPartial : this.mapping);
	}

	@Override
	public void sheet(String name, int estimatedRows) {
		if (headerFound()) {
			this.finished = true;
		}
		this.rowsInSheet = 0;
		this.sheetEstimate = estimatedRows;
	}

	@Override
	public boolean row(int number, List<String> cells) {
		if (this.finished) {
			return false;
		}
		this.rowsInSheet++;
		if (!headerFound()) {
			Map<Integer, Column<R>> found = this.template.match(cells);
			if (!found.isEmpty() && this.template.missing(found).isEmpty()) {
				this.mapping = new HashMap<>(found);
				this.headerRow = number;
				this.totalRows = Math.max(0, this.sheetEstimate - this.rowsInSheet);
				return true;
			}
			if (found.size() > this.bestPartial.size()) {
				this.bestPartial = found;
			}
			return this.rowsInSheet < Template.HEADER_SEARCH_ROWS;
		}
		if (!this.headerDone) {
			// a second header row (the key row under the Chinese one) adds to the mapping
			Map<Integer, Column<R>> again = this.template.match(cells);
			if (!again.isEmpty()) {
				this.mapping.putAll(again);
				this.totalRows = Math.max(0, this.totalRows - 1);
				return !this.headerOnly;
			}
			this.headerDone = true;
			if (this.headerOnly) {
				this.finished = true;
				return false;
			}
		}
		dataRow(number, cells);
		return true;
	}

	private void dataRow(int number, List<String> cells) {
		R row = this.template.newRow().get();
		List<ImportJob.RowError> rowErrors = new ArrayList<>();
		for (Map.Entry<Integer, Column<R>> e : this.mapping.entrySet()) {
			String cell = e.getKey() < cells.size() ? cells.get(e.getKey()) : null;
			String key = e.getValue().key();
			// the template's example row names no real project
			if ((key.equals("code") || key.equals("projectCode")) && Template.EXAMPLE.equals(Cells.normalised(cell))) {
				this.totalRows = Math.max(0, this.totalRows - 1);
				return;
			}
			try {
				e.getValue().read().accept(row, cell);
			}
			catch (Cells.BadCell ex) {
				rowErrors.add(new ImportJob.RowError(number, e.getValue().key(), ex.error()));
			}
		}
		this.processed++;
		try {
			if (!rowErrors.isEmpty()) {
				throw new RowRejected(rowErrors);
			}
			switch (this.applier.apply(row, number)) {
				case CREATED -> this.created++;
				case UPDATED -> this.updated++;
				case UNCHANGED -> this.unchanged++;
			}
		}
		catch (RowRejected ex) {
			this.failed++;
			for (ImportJob.RowError error : ex.errors()) {
				if (this.errors.size() < this.maxErrors) {
					this.errors.add(error);
				}
				else {
					this.errorsTruncated = true;
				}
			}
		}
		this.totalRows = Math.max(this.totalRows, this.processed);
		this.checkpoint.accept(this);
	}

	int headerRow() {
		return this.headerRow;
	}

}
