package gov.shaoxing.investment.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.project.ConstructionNature;
import gov.shaoxing.investment.project.InvestorType;
import gov.shaoxing.investment.project.ProjectCategory;
import gov.shaoxing.investment.project.ProjectRecordInputs.ApprovalInput;
import gov.shaoxing.investment.project.ProjectStatus;

/**
 * One row of the project template (项目明细表), column by column, with cells already read into
 * values. Mutable with public fields because a row is assembled one cell at a time by
 * {@link ProjectTemplate} and read by MapStruct, in both directions.
 */
public class ProjectRow {

	public String code;

	public String name;

	public ProjectCategory category;

	public String districtCode;

	public String leadDepartmentCode;

	public List<String> coDepartmentCodes;

	public String ownerEnterprise;

	public BigDecimal totalInvestment;

	public BigDecimal plannedInvestment;

	/** 12 values, null where a month's cell is empty. */
	public List<BigDecimal> plannedMonthly;

	public ProjectStatus status;

	public LocalDate plannedStart;

	public LocalDate plannedFinish;

	public LocalDate actualStart;

	public LocalDate actualFinish;

	public Double latitude;

	public Double longitude;

	public String address;

	public String nationalCode;

	public Boolean strategicEmerging;

	public Boolean techUpgradePlan;

	public Integer year;

	public ConstructionNature constructionNature;

	public String industrySection;

	public String industryDivision;

	public BigDecimal fundingBudget;

	public BigDecimal fundingDomesticLoan;

	public BigDecimal fundingSelfRaised;

	public BigDecimal fundingForeign;

	public BigDecimal fundingOther;

	public InvestorType investorType;

	public LocalDate statisticsRegistered;

	public String scope;

	public List<ApprovalInput> approvals;

	/** Official codes (OFF-SZF-03) and a department code. */
	public String liaisonCityLeader;

	public String liaisonDepartment;

	public String liaisonCadre;

}
