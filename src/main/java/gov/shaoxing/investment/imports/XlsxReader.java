package gov.shaoxing.investment.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx workbook as a stream with POI's event API, never holding a sheet in
 * memory. Each sheet is read twice: a first pass collects its merged regions (stored
 * after the cells in the file) and counts rows, the second hands rows to a
 * {@link SheetRows}, with every cell of a merged region given the region's value.
 */
final class XlsxReader {

	private XlsxReader() {
	}

	/** The workbook could not be read as one. */
	static final class NotAWorkbook extends Exception {

		NotAWorkbook(Throwable cause) {
			super(cause);
		}

	}

	private static final class StopSheet extends RuntimeException {

		StopSheet() {
			super(null, null, false, false);
		}

	}

	static void read(Path file, SheetRows rows) throws NotAWorkbook, IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				InputStream first = sheets.next();
				String name = sheets.getSheetName();
				Scan scan = new Scan();
				try (first) {
					parse(first, scan);
				}
				rows.sheet(name, scan.rows);
				try (InputStream second = sheets.getSheetPart().getInputStream()) {
					parse(second, new XSSFSheetXMLHandler(styles, null, strings, new Rows(scan.merged, rows),
							new PlainFormatter(), false));
				}
				catch (StopSheet ex) {
					// the listener has what it needs from this sheet
				}
			}
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
				| IllegalArgumentException ex) {
			throw new NotAWorkbook(ex);
		}
	}

	private static void parse(InputStream in, DefaultHandler handler)
			throws IOException, SAXException, ParserConfigurationException {
		XMLReader xml = SAXHelper.newXMLReader();
		xml.setContentHandler(handler);
		xml.parse(new InputSource(in));
	}

	/** First pass: merged regions and the number of rows with cells. */
	private static final class Scan extends DefaultHandler {

		final List<CellRangeAddress> merged = new ArrayList<>();

		int rows;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if ("row".equals(localName)) {
				this.rows++;
			}
			else if ("mergeCell".equals(localName)) {
				String ref = attributes.getValue("ref");
				if (ref != null) {
					this.merged.add(CellRangeAddress.valueOf(ref));
				}
			}
		}

	}

	/**
	 * Second pass: assembles rows and fills merged cells from their region's first cell.
	 */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final List<CellRangeAddress> merged;

		private final Map<CellRangeAddress, String> regionValues = new HashMap<>();

		private final SheetRows target;

		private List<String> cells = new ArrayList<>();

		Rows(List<CellRangeAddress> merged, SheetRows target) {
			this.merged = merged;
			this.target = target;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells = new ArrayList<>();
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int col = new CellAddress(cellReference).getColumn();
			while (this.cells.size() <= col) {
				this.cells.add(null);
			}
			this.cells.set(col, formattedValue);
		}

		@Override
		public void endRow(int rowNum) {
			for (CellRangeAddress region : this.merged) {
				if (rowNum < region.getFirstRow() || rowNum > region.getLastRow()) {
					continue;
				}
				if (rowNum == region.getFirstRow()) {
					int first = region.getFirstColumn();
					this.regionValues.put(region, first < this.cells.size() ? this.cells.get(first) : null);
				}
				String value = this.regionValues.get(region);
				for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
					while (this.cells.size() <= c) {
						this.cells.add(null);
					}
					if (this.cells.get(c) == null || this.cells.get(c).isEmpty()) {
						this.cells.set(c, value);
					}
				}
			}
			if (this.cells.stream().anyMatch((v) -> v != null && !v.isBlank())) {
				if (!this.target.row(rowNum + 1, this.cells)) {
					throw new StopSheet();
				}
			}
		}

	}

	/**
	 * Numbers in plain notation (5000, not 5,000 or 5E3), dated cells as ISO dates and
	 * percentages as "35%", whatever display format the cell has.
	 */
	private static final class PlainFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value).toLocalDate().toString();
			}
			if (formatString != null && formatString.contains("%")) {
				return BigDecimal.valueOf(value).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

	}

}
