package gov.shaoxing.investment.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import gov.shaoxing.investment.project.ConstructionNature;
import gov.shaoxing.investment.project.InvestorType;
import gov.shaoxing.investment.project.ProjectCategory;
import gov.shaoxing.investment.project.ProjectRecordInputs.ApprovalInput;
import gov.shaoxing.investment.project.ProjectStatus;

/**
 * The project template (项目明细表): one row per project, amounts in 亿元, dates as 2012-03-29,
 * choices by name or Chinese label. Exports write the same columns, so an exported file
 * imports again unchanged.
 */
final class ProjectTemplate {

	private ProjectTemplate() {
	}

	static final Template<ProjectRow> TEMPLATE = new Template<>("projects", "项目明细表", columns(), ProjectRow::new);

	static String categoryLabel(ProjectCategory c) {
		return switch (c) {
			case INDUSTRIAL -> "工业";
			case SERVICE -> "服务业";
			case AGRICULTURAL -> "农业";
		};
	}

	static String statusLabel(ProjectStatus s) {
		return switch (s) {
			case RESERVE -> "储备";
			case APPROVED -> "已批未开工";
			case UNDER_CONSTRUCTION -> "在建";
			case COMPLETED -> "竣工投产";
			case SUSPENDED -> "停缓建";
		};
	}

	private static List<Column<ProjectRow>> columns() {
		List<Column<ProjectRow>> c = new ArrayList<>();
		c.add(text("code", "项目代码", false, Template.EXAMPLE, (r, v) -> r.code = Cells.normalised(v), (r) -> r.code));
		c.add(text("name", "项目名称*", true, "年产10万吨新材料项目", (r, v) -> r.name = v, (r) -> r.name));
		c.add(new Column<>("category", "项目类别*", true, "工业",
				(r, v) -> r.category = Cells.choice(v, ProjectCategory.class, ProjectTemplate::categoryLabel),
				(r) -> r.category == null ? null : categoryLabel(r.category)));
		c.add(text("districtCode", "所在地区代码*", true, "ZHUJI", (r, v) -> r.districtCode = Cells.normalised(v),
				(r) -> r.districtCode));
		c.add(text("leadDepartmentCode", "牵头部门代码*", true, "JXW", (r, v) -> r.leadDepartmentCode = Cells.normalised(v),
				(r) -> r.leadDepartmentCode));
		c.add(new Column<>("coDepartmentCodes", "协同部门代码(、分隔)", false, "GTJ、FGW",
				(r, v) -> r.coDepartmentCodes = list(v), (r) -> join(r.coDepartmentCodes)));
		c.add(text("ownerEnterprise", "业主单位", false, "浙江某某新材料有限公司", (r, v) -> r.ownerEnterprise = v,
				(r) -> r.ownerEnterprise));
		c.add(amount("totalInvestment", "总投资(亿元)*", true, "12.5", (r, v) -> r.totalInvestment = v,
				(r) -> r.totalInvestment));
		c.add(amount("plannedInvestment", "年度计划投资(亿元)*", true, "3.6", (r, v) -> r.plannedInvestment = v,
				(r) -> r.plannedInvestment));
		for (int m = 1; m <= 12; m++) {
			int month = m - 1;
			c.add(amount(String.format("plannedMonthly%02d", m), m + "月计划投资(亿元)", false, "0.3",
					(r, v) -> month(r).set(month, v),
					(r) -> r.plannedMonthly == null ? null : r.plannedMonthly.get(month)));
		}
		c.add(new Column<>("status", "项目状态", false, "在建",
				(r, v) -> r.status = Cells.choice(v, ProjectStatus.class, ProjectTemplate::statusLabel),
				(r) -> r.status == null ? null : statusLabel(r.status)));
		c.add(date("plannedStart", "计划开工日期", "2012-03-29", (r, v) -> r.plannedStart = v, (r) -> r.plannedStart));
		c.add(date("plannedFinish", "计划竣工日期", "2014-12-31", (r, v) -> r.plannedFinish = v, (r) -> r.plannedFinish));
		c.add(date("actualStart", "实际开工日期", "2012-04-01", (r, v) -> r.actualStart = v, (r) -> r.actualStart));
		c.add(date("actualFinish", "实际竣工日期", "", (r, v) -> r.actualFinish = v, (r) -> r.actualFinish));
		c.add(new Column<>("latitude", "纬度", false, "29.71", (r, v) -> r.latitude = dbl(v),
				(r) -> r.latitude == null ? null : String.valueOf(r.latitude)));
		c.add(new Column<>("longitude", "经度", false, "120.24", (r, v) -> r.longitude = dbl(v),
				(r) -> r.longitude == null ? null : String.valueOf(r.longitude)));
		c.add(text("address", "项目地址", false, "诸暨市某某路1号", (r, v) -> r.address = v, (r) -> r.address));
		c.add(text("nationalCode", "全国投资项目代码", false, "2012-330681-26-03-000123",
				(r, v) -> r.nationalCode = Cells.normalised(v), (r) -> r.nationalCode));
		c.add(new Column<>("strategicEmerging", "战略性新兴产业重点计划(是/否)", false, "是",
				(r, v) -> r.strategicEmerging = Cells.yesNo(v), (r) -> yesNo(r.strategicEmerging)));
		c.add(new Column<>("techUpgradePlan", "双百技改计划(是/否)", false, "否", (r, v) -> r.techUpgradePlan = Cells.yesNo(v),
				(r) -> yesNo(r.techUpgradePlan)));
		c.add(new Column<>("year", "计划年度", false, "2012", (r, v) -> r.year = Cells.integer(v),
				(r) -> r.year == null ? null : String.valueOf(r.year)));
		c.add(new Column<>("constructionNature", "建设性质", false, "新建",
				(r, v) -> r.constructionNature = Cells.choice(v, ConstructionNature.class, ConstructionNature::label),
				(r) -> r.constructionNature == null ? null : r.constructionNature.label()));
		c.add(text("industrySection", "行业门类(GB/T 4754-2017)", false, "C",
				(r, v) -> r.industrySection = Cells.normalised(v), (r) -> r.industrySection));
		c.add(text("industryDivision", "行业大类代码", false, "26", (r, v) -> r.industryDivision = Cells.normalised(v),
				(r) -> r.industryDivision));
		c.add(amount("fundingBudget", "预算内资金(亿元)", false, "", (r, v) -> r.fundingBudget = v, (r) -> r.fundingBudget));
		c.add(amount("fundingDomesticLoan", "国内贷款(亿元)", false, "4", (r, v) -> r.fundingDomesticLoan = v,
				(r) -> r.fundingDomesticLoan));
		c.add(amount("fundingSelfRaised", "自筹资金(亿元)", false, "8.5", (r, v) -> r.fundingSelfRaised = v,
				(r) -> r.fundingSelfRaised));
		c.add(amount("fundingForeign", "利用外资(亿元)", false, "", (r, v) -> r.fundingForeign = v, (r) -> r.fundingForeign));
		c.add(amount("fundingOther", "其他资金(亿元)", false, "", (r, v) -> r.fundingOther = v, (r) -> r.fundingOther));
		c.add(new Column<>("investorType", "投资主体", false, "民营",
				(r, v) -> r.investorType = Cells.choice(v, InvestorType.class, InvestorType::label),
				(r) -> r.investorType == null ? null : r.investorType.label()));
		c.add(date("statisticsRegistered", "入库日期", "2012-04-10", (r, v) -> r.statisticsRegistered = v,
				(r) -> r.statisticsRegistered));
		c.add(text("scope", "建设规模及内容", false, "新建厂房5万平方米，购置生产线3条", (r, v) -> r.scope = v, (r) -> r.scope));
		c.add(new Column<>("approvals", "审批文件(类型|文号|机关|日期；分隔)", false, "备案|诸发改备〔2012〕8号|诸暨市发改局|2012-02-10",
				(r, v) -> r.approvals = approvals(v), (r) -> approvals(r.approvals)));
		c.add(text("liaisonCityLeader", "联系市领导编号", false, "OFF-SZF-03",
				(r, v) -> r.liaisonCityLeader = Cells.normalised(v), (r) -> r.liaisonCityLeader));
		c.add(text("liaisonDepartment", "联系部门代码", false, "JXW", (r, v) -> r.liaisonDepartment = Cells.normalised(v),
				(r) -> r.liaisonDepartment));
		c.add(text("liaisonCadre", "联系干部编号", false, "OFF-JXW-02", (r, v) -> r.liaisonCadre = Cells.normalised(v),
				(r) -> r.liaisonCadre));
		return List.copyOf(c);
	}

	private static List<BigDecimal> month(ProjectRow r) {
		if (r.plannedMonthly == null) {
			r.plannedMonthly = new ArrayList<>(Arrays.asList(new BigDecimal[12]));
		}
		return r.plannedMonthly;
	}

	private static Column<ProjectRow> text(String key, String header, boolean required, String example,
			BiConsumer<ProjectRow, String> read, Function<ProjectRow, String> write) {
		return new Column<>(key, header, required, example, (r, v) -> read.accept(r, Cells.text(v)), write);
	}

	private static Column<ProjectRow> amount(String key, String header, boolean required, String example,
			BiConsumer<ProjectRow, BigDecimal> read, Function<ProjectRow, BigDecimal> write) {
		return new Column<>(key, header, required, example, (r, v) -> read.accept(r, Cells.yi(v)), (r) -> {
			BigDecimal value = write.apply(r);
			return value == null ? null : value.stripTrailingZeros().toPlainString();
		});
	}

	private static Column<ProjectRow> date(String key, String header, String example,
			BiConsumer<ProjectRow, LocalDate> read, Function<ProjectRow, LocalDate> write) {
		return new Column<>(key, header, false, example, (r, v) -> read.accept(r, Cells.date(v)), (r) -> {
			LocalDate value = write.apply(r);
			return value == null ? null : value.toString();
		});
	}

	private static Double dbl(String v) {
		BigDecimal d = Cells.decimal(v);
		return d == null ? null : d.doubleValue();
	}

	private static String yesNo(Boolean b) {
		return b == null ? null : (b ? "是" : "否");
	}

	private static List<String> list(String v) {
		String s = Cells.normalised(v);
		if (s == null) {
			return null;
		}
		return Arrays.stream(s.split("[、,;；\\s]+")).filter((x) -> !x.isEmpty()).toList();
	}

	private static String join(List<String> values) {
		return values == null || values.isEmpty() ? null : String.join("、", values);
	}

	/** 类型|文号|机关|日期, approvals separated by ； or a line break. */
	private static List<ApprovalInput> approvals(String v) {
		String s = Cells.text(v);
		if (s == null) {
			return null;
		}
		List<ApprovalInput> list = new ArrayList<>();
		for (String entry : s.split("[；;\\n]+")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] parts = entry.split("[|｜]", -1);
			list.add(new ApprovalInput(part(parts, 0), part(parts, 1), part(parts, 2),
					parts.length > 3 ? Cells.date(parts[3]) : null));
		}
		return list;
	}

	private static String part(String[] parts, int i) {
		return i < parts.length ? Cells.text(parts[i]) : null;
	}

	private static String approvals(List<ApprovalInput> approvals) {
		if (approvals == null || approvals.isEmpty()) {
			return null;
		}
		StringBuilder sb = new StringBuilder();
		for (ApprovalInput a : approvals) {
			sb.append(sb.isEmpty() ? "" : "；")
				.append(nz(a.kind()))
				.append('|')
				.append(nz(a.documentNumber()))
				.append('|')
				.append(nz(a.authority()))
				.append('|')
				.append(a.date() == null ? "" : a.date().toString());
		}
		return sb.toString();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
