package gov.shaoxing.investment.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import gov.shaoxing.investment.targets.Indicator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The bulletin, the quarterly report and the ranking as workbooks laid out like the
 * plan's attachment tables: one 考核对象 row per district in the plan's order, and for each
 * indicator four columns under its name — 必保, 力争, 完成, 完成率 — then the score and rank.
 * Red-light projects and overdue notices follow on sheets of their own.
 */
final class SupervisionWorkbooks {

	static final String[] PER_INDICATOR = { "必保", "力争", "完成", "完成率" };

	private SupervisionWorkbooks() {
	}

	static void bulletin(Bulletin bulletin, String title, ToIntFunction<String> planOrder, OutputStream out)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet("考核情况");
			Set<Indicator> used = EnumSet.noneOf(Indicator.class);
			bulletin.districts().forEach((d) -> d.indicators().forEach((i) -> used.add(i.indicator())));
			List<Indicator> indicators = new ArrayList<>(used);
			int width = 1 + indicators.size() * PER_INDICATOR.length + 2;
			Row titleRow = sheet.createRow(0);
			styles.text(titleRow, 0, title + "(截至" + bulletin.asOf() + ")", styles.title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
			Row groups = sheet.createRow(1);
			Row heads = sheet.createRow(2);
			styles.text(groups, 0, "考核对象", styles.header);
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
			int col = 1;
			for (Indicator indicator : indicators) {
				styles.text(groups, col, indicator.label() + "(" + indicator.unit().label() + ")", styles.header);
				sheet.addMergedRegion(new CellRangeAddress(1, 1, col, col + PER_INDICATOR.length - 1));
				for (int k = 0; k < PER_INDICATOR.length; k++) {
					styles.text(heads, col + k, PER_INDICATOR[k], styles.header);
				}
				col += PER_INDICATOR.length;
			}
			styles.text(groups, col, "得分", styles.header);
			sheet.addMergedRegion(new CellRangeAddress(1, 2, col, col));
			styles.text(groups, col + 1, "排名", styles.header);
			sheet.addMergedRegion(new CellRangeAddress(1, 2, col + 1, col + 1));
			List<Bulletin.DistrictStanding> rows = new ArrayList<>(bulletin.districts());
			rows.sort(Comparator
				.comparingInt((Bulletin.DistrictStanding d) -> planOrder.applyAsInt(d.district().code())));
			int r = 3;
			for (Bulletin.DistrictStanding d : rows) {
				Row row = sheet.createRow(r++);
				styles.text(row, 0, d.district().name(), null);
				Map<Indicator, Bulletin.IndicatorStanding> byIndicator = new HashMap<>();
				d.indicators().forEach((i) -> byIndicator.put(i.indicator(), i));
				int c = 1;
				for (Indicator indicator : indicators) {
					Bulletin.IndicatorStanding s = byIndicator.get(indicator);
					if (s != null) {
						styles.number(row, c, s.guaranteed(), null);
						styles.number(row, c + 1, s.stretch(), null);
						styles.number(row, c + 2, s.actual(), null);
						styles.number(row, c + 3, s.completionRate(), styles.percent);
					}
					c += PER_INDICATOR.length;
				}
				styles.number(row, c, d.score(), null);
				styles.number(row, c + 1, BigDecimal.valueOf(d.rank()), null);
			}
			sheet.setColumnWidth(0, 16 * 256);
			sheet.createFreezePane(1, 3);
			redProjects(workbook.createSheet("红灯项目"), bulletin, styles);
			overdueNotices(workbook.createSheet("逾期督办"), bulletin, styles);
			workbook.write(out);
			workbook.dispose();
		}
	}

	private static void redProjects(Sheet sheet, Bulletin bulletin, Styles styles) {
		Row head = sheet.createRow(0);
		String[] heads = { "项目代码", "项目名称", "所在地区", "原因" };
		for (int i = 0; i < heads.length; i++) {
			styles.text(head, i, heads[i], styles.header);
		}
		int r = 1;
		for (Bulletin.RedProject p : bulletin.redProjects()) {
			Row row = sheet.createRow(r++);
			styles.text(row, 0, p.project().code(), null);
			styles.text(row, 1, p.project().name(), null);
			styles.text(row, 2, p.project().districtCode(), null);
			styles.text(row, 3, String.join("；", p.reasons()), null);
		}
	}

	private static void overdueNotices(Sheet sheet, Bulletin bulletin, Styles styles) {
		Row head = sheet.createRow(0);
		String[] heads = { "督办事项", "责任部门", "项目代码", "期限" };
		for (int i = 0; i < heads.length; i++) {
			styles.text(head, i, heads[i], styles.header);
		}
		int r = 1;
		for (var n : bulletin.overdueNotices()) {
			Row row = sheet.createRow(r++);
			styles.text(row, 0, n.text(), null);
			styles.text(row, 1, n.departmentCode(), null);
			styles.text(row, 2, n.projectCode(), null);
			styles.text(row, 3, n.deadline() == null ? null : n.deadline().toString(), null);
		}
	}

	static void ranking(int year, List<Bulletin.DistrictScore> scores, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet("评比排名");
			styles.text(sheet.createRow(0), 0, year + "年度产业升级投资工作评比排名", styles.title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
			Row head = sheet.createRow(1);
			styles.text(head, 0, "排名", styles.header);
			styles.text(head, 1, "考核对象", styles.header);
			styles.text(head, 2, "得分", styles.header);
			int r = 2;
			for (Bulletin.DistrictScore s : scores) {
				Row row = sheet.createRow(r++);
				styles.number(row, 0, BigDecimal.valueOf(s.rank()), null);
				styles.text(row, 1, s.district().name(), null);
				styles.number(row, 2, s.score(), null);
			}
			sheet.setColumnWidth(1, 16 * 256);
			workbook.write(out);
			workbook.dispose();
		}
	}

	/** The few cell styles the tables use. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle header;

		final CellStyle percent;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.title = workbook.createCellStyle();
			this.title.setFont(bold);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setWrapText(true);
			this.percent = workbook.createCellStyle();
			this.percent.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.0%"));
		}

		void text(Row row, int col, String value, CellStyle style) {
			Cell cell = row.createCell(col);
			if (value != null) {
				cell.setCellValue(value);
			}
			if (style != null) {
				cell.setCellStyle(style);
			}
		}

		void number(Row row, int col, BigDecimal value, CellStyle style) {
			if (value == null) {
				return;
			}
			Cell cell = row.createCell(col);
			cell.setCellValue(value.doubleValue());
			if (style != null) {
				cell.setCellStyle(style);
			}
		}

	}

}
