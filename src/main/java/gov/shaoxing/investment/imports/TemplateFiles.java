package gov.shaoxing.investment.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a template as a file: the Chinese headers with units, the stable English key
 * row, and one example row (its code cell reads 示例, and imports skip it), plus a sheet of
 * notes in the workbook.
 */
final class TemplateFiles {

	private TemplateFiles() {
	}

	static <R> void xlsx(Template<R> template, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet(template.sheetName());
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			Row chinese = sheet.createRow(0);
			Row keys = sheet.createRow(1);
			Row example = sheet.createRow(2);
			for (int i = 0; i < template.columns().size(); i++) {
				Column<R> c = template.columns().get(i);
				chinese.createCell(i).setCellValue(c.header());
				chinese.getCell(i).setCellStyle(header);
				keys.createCell(i).setCellValue(c.key());
				example.createCell(i).setCellValue(c.example());
				sheet.setColumnWidth(i, Math.min(60, Math.max(10, c.header().length() * 2 + 2)) * 256);
			}
			sheet.createFreezePane(0, 2);
			Sheet notes = workbook.createSheet("说明");
			String[] lines = { "第1行为中文表头(含单位), 第2行为英文字段名, 请勿修改; 列的顺序可以调整。", "带*的列为必填。金额单位为亿元, 也可写作“5亿”“5000万”。",
					"日期写作 2012-03-29、2012/3/29 或 2012年3月29日。是/否列写 是 或 否。", "项目代码为“示例”的行是示例, 导入时跳过。",
					"Row 1: Chinese headers with units; row 2: stable English keys. Columns may be reordered. "
							+ "Amounts in 亿元. The example row (code 示例) is skipped." };
			for (int i = 0; i < lines.length; i++) {
				notes.createRow(i).createCell(0).setCellValue(lines[i]);
			}
			workbook.write(out);
			workbook.dispose();
		}
	}

	/** UTF-8 with a byte-order mark, which Excel needs to open UTF-8 CSV correctly. */
	static <R> void csv(Template<R> template, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\ufeff');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
		printer.printRecord(template.columns().stream().map(Column::header).toList());
		printer.printRecord(template.columns().stream().map(Column::key).toList());
		printer.printRecord(template.columns().stream().map(Column::example).toList());
		printer.flush();
	}

}
