package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.project.ProjectRecordInputs.ApprovalInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.FundingSourceInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.IndustryInput;

/**
 * Changes to a project's record; fields left null stay as they are. District, category,
 * lead department and the 一对一 liaison are assigned by the city and are not changed here.
 * {@code plannedMonthly}: 12 amounts, or an empty list for the even spread; the lists
 * (funding sources, approvals) replace the stored ones, an empty list clears them.
 */
public record UpdateProjectInput(String id, Integer expectedRevision, String name, String ownerEnterprise,
		BigDecimal totalInvestment, BigDecimal plannedInvestment, ProjectStatus status, LocalDate plannedStart,
		LocalDate plannedFinish, LocationInput location, String nationalCode, Boolean strategicEmerging,
		Boolean techUpgradePlan, String reason, List<BigDecimal> plannedMonthly, ConstructionNature constructionNature,
		IndustryInput industry, List<FundingSourceInput> fundingSources, InvestorType investorType,
		LocalDate statisticsRegistered, LocalDate actualStart, LocalDate actualFinish, String scope,
		List<ApprovalInput> approvals) {

	/** A new location. */
	public record LocationInput(Double latitude, Double longitude, String address) {
	}

}
