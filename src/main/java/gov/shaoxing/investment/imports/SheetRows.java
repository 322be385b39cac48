package gov.shaoxing.investment.imports;

import java.util.List;

/**
 * Receives a spreadsheet row by row, sheet by sheet, as strings (numbers in plain
 * notation, dated cells as ISO dates, formulas as their cached values, a merged cell's
 * value in every cell it covers). Row numbers are the sheet's own, from 1.
 */
interface SheetRows {

	/** A new sheet begins; {@code estimatedRows} counts its non-empty rows. */
	void sheet(String name, int estimatedRows);

	/** One non-empty row; false skips the rest of the sheet. */
	boolean row(int number, List<String> cells);

}
