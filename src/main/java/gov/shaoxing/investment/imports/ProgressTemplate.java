package gov.shaoxing.investment.imports;

import java.util.List;

/**
 * The half-monthly progress template (进度台账): one row per project and half-month, amounts
 * in 亿元, physical progress in per cent.
 */
final class ProgressTemplate {

	private ProgressTemplate() {
	}

	static final Template<ProgressRow> TEMPLATE = new Template<>("progress-reports", "半月进度台账",
			List.of(new Column<ProgressRow>("projectCode", "项目代码*", true, Template.EXAMPLE,
					(r, v) -> r.projectCode = Cells.normalised(v), (r) -> r.projectCode),
					new Column<ProgressRow>("year", "年份*", true, "2012", (r, v) -> r.year = Cells.integer(v),
							(r) -> r.year == null ? null : r.year.toString()),
					new Column<ProgressRow>("month", "月份*", true, "3", (r, v) -> r.month = Cells.integer(v),
							(r) -> r.month == null ? null : r.month.toString()),
					new Column<ProgressRow>("half", "半月(1=1-15日,2=16日-月末)*", true, "1", (r, v) -> r.half = half(v),
							(r) -> r.half == null ? null : r.half.toString()),
					new Column<ProgressRow>("investmentCompleted", "本期完成投资(亿元)*", true, "0.35",
							(r, v) -> r.investmentCompleted = Cells.yi(v),
							(r) -> r.investmentCompleted == null ? null : r.investmentCompleted.toPlainString()),
					new Column<ProgressRow>("physicalProgressPercent", "形象进度(%)*", true, "30",
							(r, v) -> r.physicalProgressPercent = Cells.decimal(v),
							(r) -> r.physicalProgressPercent == null ? null
									: r.physicalProgressPercent.toPlainString()),
					new Column<ProgressRow>("note", "备注", false, "主体结构施工中", (r, v) -> r.note = Cells.text(v),
							(r) -> r.note)),
			ProgressRow::new);

	/** 1 or 2, or 上半月/下半月. */
	private static Integer half(String v) {
		String s = Cells.normalised(v);
		if (s == null) {
			return null;
		}
		if (s.startsWith("上")) {
			return 1;
		}
		if (s.startsWith("下")) {
			return 2;
		}
		return Cells.integer(s);
	}

}
