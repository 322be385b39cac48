package gov.shaoxing.investment.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import gov.shaoxing.investment.imports.ProjectRow;
import gov.shaoxing.investment.imports.ProjectRowMapper;
import gov.shaoxing.investment.imports.ProjectSheet;
import gov.shaoxing.investment.project.Project;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes projects in the project template's columns, so a file exported here imports
 * again unchanged: two header rows (Chinese with units, then the keys) and one row per
 * project. Amounts and coordinates are numbers, dates are date cells; nothing is held
 * beyond the 100 rows SXSSF keeps in memory.
 */
final class ProjectExport {

	private static final Set<String> NUMBERS = Set.of("totalInvestment", "plannedInvestment", "latitude", "longitude",
			"year", "fundingBudget", "fundingDomesticLoan", "fundingSelfRaised", "fundingForeign", "fundingOther");

	private static final Set<String> DATES = Set.of("plannedStart", "plannedFinish", "actualStart", "actualFinish",
			"statisticsRegistered");

	private final ProjectRowMapper mapper;

	private final JsonMapper json;

	ProjectExport(ProjectRowMapper mapper, JsonMapper json) {
		this.mapper = mapper;
		this.json = json;
	}

	private static boolean numeric(String key) {
		return NUMBERS.contains(key) || key.startsWith("plannedMonthly");
	}

	void xlsx(Stream<Project> projects, List<String> keys, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try {
			SXSSFSheet sheet = workbook.createSheet(ProjectSheet.sheetName());
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			List<String> headers = ProjectSheet.headers(keys);
			Row chinese = sheet.createRow(0);
			Row keyRow = sheet.createRow(1);
			for (int i = 0; i < keys.size(); i++) {
				chinese.createCell(i).setCellValue(headers.get(i));
				chinese.getCell(i).setCellStyle(header);
				keyRow.createCell(i).setCellValue(keys.get(i));
				sheet.setColumnWidth(i, Math.min(40, Math.max(10, headers.get(i).length() * 2 + 2)) * 256);
			}
			sheet.createFreezePane(0, 2);
			int r = 2;
			for (Iterator<Project> it = projects.iterator(); it.hasNext();) {
				List<String> cells = ProjectSheet.cells(this.mapper.toRow(it.next()), keys);
				Row row = sheet.createRow(r++);
				for (int i = 0; i < keys.size(); i++) {
					String v = cells.get(i);
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (numeric(keys.get(i))) {
						cell.setCellValue(new BigDecimal(v).doubleValue());
					}
					else if (DATES.contains(keys.get(i))) {
						cell.setCellValue(LocalDate.parse(v));
						cell.setCellStyle(date);
					}
					else {
						cell.setCellValue(v);
					}
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
			workbook.dispose();
		}
	}

	void csv(Stream<Project> projects, List<String> keys, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\ufeff');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
		printer.printRecord(ProjectSheet.headers(keys));
		printer.printRecord(keys);
		for (Iterator<Project> it = projects.iterator(); it.hasNext();) {
			printer.printRecord(ProjectSheet.cells(this.mapper.toRow(it.next()), keys));
		}
		printer.flush();
	}

	/**
	 * One JSON object per line, keyed like the template; amounts as exact decimal
	 * numbers.
	 */
	void jsonl(Stream<Project> projects, List<String> keys, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		for (Iterator<Project> it = projects.iterator(); it.hasNext();) {
			ProjectRow row = this.mapper.toRow(it.next());
			List<String> cells = ProjectSheet.cells(row, keys);
			Map<String, Object> line = new LinkedHashMap<>();
			for (int i = 0; i < keys.size(); i++) {
				String v = cells.get(i);
				line.put(keys.get(i), v == null ? null : numeric(keys.get(i)) ? new BigDecimal(v) : v);
			}
			writer.write(this.json.writeValueAsString(line));
			writer.write('\n');
		}
		writer.flush();
	}

}
