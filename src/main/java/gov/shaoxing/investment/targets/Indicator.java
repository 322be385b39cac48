package gov.shaoxing.investment.targets;

/**
 * The plan's indicators, each with its unit and whether district figures add up to the
 * city-wide one (counts and amounts do; percentages do not).
 */
public enum Indicator {

	INDUSTRIAL_INVESTMENT(Unit.YI_YUAN, true, "工业投资完成投资额"), INDUSTRIAL_INVESTMENT_GROWTH(Unit.PERCENT, false, "工业投资增长"),
	SEI_INVESTMENT_SHARE(Unit.PERCENT, false, "战略性新兴产业完成投资比重"),
	EQUIPMENT_TECH_INVESTMENT_SHARE(Unit.PERCENT, false, "设备技术投资占面上投资比重"),
	SEI_KEY_PLAN_PROJECTS(Unit.COUNT, true, "列入市战略性新兴产业重点计划的项目数"),
	TECH_UPGRADE_PLAN_PROJECTS(Unit.COUNT, true, "列入市传统产业提升“双百技改计划”的项目数"),
	INDUSTRIAL_PROJECTS_OVER_500M(Unit.COUNT, true, "单体投资规模5亿元以上在建项目数"),
	INDUSTRIAL_PROJECTS_OVER_1B(Unit.COUNT, true, "单体投资规模10亿元以上在建项目数"),
	INDUSTRIAL_PROJECTS_OVER_2B(Unit.COUNT, true, "单体投资规模20亿元以上在建项目数"),
	INDUSTRIAL_PROJECTS_OVER_5B(Unit.COUNT, true, "50亿元以上项目数"), SERVICE_PROJECTS(Unit.COUNT, true, "组织实施市服务业重大建设计划项目数"),
	SERVICE_INVESTMENT(Unit.YI_YUAN, true, "重大服务业项目完成投资"), AGRICULTURAL_PROJECTS(Unit.COUNT, true, "组织实施农业产业化项目数"),
	AGRICULTURAL_INVESTMENT(Unit.YI_YUAN, true, "农业产业化项目完成投资"), FOREIGN_CAPITAL(Unit.WAN_USD, true, "实际引进外资"),
	FOREIGN_PROJECTS_OVER_10M_USD(Unit.COUNT, true, "总投资1000万美元以上外资项目数"),
	FOREIGN_PROJECTS_OVER_30M_USD(Unit.COUNT, true, "总投资3000万美元以上外资项目数"),
	DOMESTIC_CAPITAL(Unit.WAN_YUAN, true, "实际引进内资(不含房地产项目)"),
	DOMESTIC_PROJECTS_OVER_50M(Unit.COUNT, true, "总投资5000万元以上内资项目数"),
	DOMESTIC_PROJECTS_OVER_100M(Unit.COUNT, true, "总投资1亿元以上内资项目数"),
	DOMESTIC_PROJECTS_OVER_500M(Unit.COUNT, true, "总投资5亿元以上内资项目数"),
	LOCAL_ENTERPRISE_INVESTMENT(Unit.YI_YUAN, true, "市内企业完成投资");

	private final Unit unit;

	private final boolean additive;

	private final String label;

	Indicator(Unit unit, boolean additive, String label) {
		this.unit = unit;
		this.additive = additive;
		this.label = label;
	}

	/**
	 * Whether the actual is computed from the projects and their reports; the others are
	 * economy-wide statistics that districts or the statistics bureau report.
	 */
	public boolean fromProjects() {
		return switch (this) {
			case SEI_KEY_PLAN_PROJECTS, TECH_UPGRADE_PLAN_PROJECTS, INDUSTRIAL_PROJECTS_OVER_500M,
					INDUSTRIAL_PROJECTS_OVER_1B, INDUSTRIAL_PROJECTS_OVER_2B, INDUSTRIAL_PROJECTS_OVER_5B,
					SERVICE_PROJECTS, SERVICE_INVESTMENT, AGRICULTURAL_PROJECTS, AGRICULTURAL_INVESTMENT ->
				true;
			default -> false;
		};
	}

	public Unit unit() {
		return this.unit;
	}

	public boolean additive() {
		return this.additive;
	}

	public String label() {
		return this.label;
	}

}
