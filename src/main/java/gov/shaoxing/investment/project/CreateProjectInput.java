package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.project.ProjectRecordInputs.ApprovalInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.FundingSourceInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.IndustryInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.LiaisonInput;

/**
 * A new project, as {@code createProject} and every row of a project import take it. The
 * code is given or generated; {@code year} defaults to the plan year.
 */
public record CreateProjectInput(String code, ProjectCategory category, String name, String districtCode,
		String leadDepartmentCode, List<String> coDepartmentCodes, String ownerEnterprise, BigDecimal totalInvestment,
		BigDecimal plannedInvestment, List<BigDecimal> plannedMonthly, ProjectStatus status, LocalDate plannedStart,
		LocalDate plannedFinish, UpdateProjectInput.LocationInput location, String nationalCode,
		Boolean strategicEmerging, Boolean techUpgradePlan, Integer year, ConstructionNature constructionNature,
		IndustryInput industry, List<FundingSourceInput> fundingSources, InvestorType investorType,
		LocalDate statisticsRegistered, LocalDate actualStart, LocalDate actualFinish, String scope,
		List<ApprovalInput> approvals, LiaisonInput liaison, String reason) {
}
