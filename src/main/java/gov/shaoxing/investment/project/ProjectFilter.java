package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.util.List;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;

/**
 * The {@code ProjectFilter} input: every condition given must hold; a list matches any of
 * its values.
 */
public record ProjectFilter(List<ProjectCategory> categories, List<String> districtCodes, List<String> departmentCodes,
		List<String> leadDepartmentCodes, List<ProjectStatus> statuses, BigDecimal minTotalInvestment,
		BigDecimal maxTotalInvestment, Boolean strategicEmerging, Boolean techUpgradePlan, String nameContains,
		Near near, String nationalCode, List<ConstructionNature> constructionNatures, List<String> industrySections,
		List<String> industryDivisions, List<InvestorType> investorTypes, Boolean statisticsRegistered,
		List<FundingSourceKind> fundingSources, Boolean demo) {

	static final int MAX_NAME_FILTER = 100;

	static final double MAX_RADIUS_KM = 500;

	public static final ProjectFilter NONE = new ProjectFilter(null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null, null);

	/** The filter on the plan's fields only, none on the full record's. */
	public ProjectFilter(List<ProjectCategory> categories, List<String> districtCodes, List<String> departmentCodes,
			List<String> leadDepartmentCodes, List<ProjectStatus> statuses, BigDecimal minTotalInvestment,
			BigDecimal maxTotalInvestment, Boolean strategicEmerging, Boolean techUpgradePlan, String nameContains,
			Near near, String nationalCode) {
		this(categories, districtCodes, departmentCodes, leadDepartmentCodes, statuses, minTotalInvestment,
				maxTotalInvestment, strategicEmerging, techUpgradePlan, nameContains, near, nationalCode, null, null,
				null, null, null, null, null);
	}

	/** Only the project with this (already checked) national code. */
	public static ProjectFilter byNationalCode(String nationalCode) {
		return new ProjectFilter(null, null, null, null, null, null, null, null, null, null, null, nationalCode, null,
				null, null, null, null, null, null);
	}

	/** A circle on the map: the inspector's position and a radius in kilometres. */
	public record Near(double latitude, double longitude, double radiusKm) {
	}

	/**
	 * Checks the filter and returns it normalised (trimmed strings, validated code);
	 * never null.
	 */
	static ProjectFilter validated(ProjectFilter filter) {
		if (filter == null) {
			return NONE;
		}
		if (filter.minTotalInvestment != null && filter.maxTotalInvestment != null
				&& filter.minTotalInvestment.compareTo(filter.maxTotalInvestment) > 0) {
			throw ApiException.detailed(ErrorCode.INVALID_RANGE, "totalInvestment", "filter.minTotalInvestment");
		}
		Near near = filter.near;
		if (near != null) {
			if (!(near.radiusKm >= 0) || near.radiusKm > MAX_RADIUS_KM) {
				throw new ApiException(ErrorCode.INVALID_RADIUS, "filter.near.radiusKm", (int) MAX_RADIUS_KM);
			}
			if (!(Math.abs(near.latitude) <= 90) || !(Math.abs(near.longitude) <= 180)) {
				throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "position", "filter.near");
			}
		}
		String name = filter.nameContains == null ? null : filter.nameContains.strip();
		if (name != null && name.length() > MAX_NAME_FILTER) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "nameContains", "filter.nameContains",
					MAX_NAME_FILTER);
		}
		String code = filter.nationalCode == null ? null
				: NationalProjectCode.require(filter.nationalCode, "filter.nationalCode");
		return new ProjectFilter(filter.categories, filter.districtCodes, filter.departmentCodes,
				filter.leadDepartmentCodes, filter.statuses, filter.minTotalInvestment, filter.maxTotalInvestment,
				filter.strategicEmerging, filter.techUpgradePlan, (name == null || name.isEmpty()) ? null : name, near,
				code, filter.constructionNatures, filter.industrySections, filter.industryDivisions,
				filter.investorTypes, filter.statisticsRegistered, filter.fundingSources, filter.demo);
	}

	/** The exact test, applied in memory to every candidate. */
	boolean test(Project p) {
		return (this.categories == null || this.categories.contains(p.category()))
				&& (this.districtCodes == null || this.districtCodes.contains(p.districtCode()))
				&& (this.departmentCodes == null || this.departmentCodes.contains(p.leadDepartmentCode())
						|| p.coDepartmentCodes().stream().anyMatch(this.departmentCodes::contains))
				&& (this.leadDepartmentCodes == null || this.leadDepartmentCodes.contains(p.leadDepartmentCode()))
				&& (this.statuses == null || this.statuses.contains(p.status()))
				&& (this.minTotalInvestment == null || p.totalInvestment().compareTo(this.minTotalInvestment) >= 0)
				&& (this.maxTotalInvestment == null || p.totalInvestment().compareTo(this.maxTotalInvestment) <= 0)
				&& (this.strategicEmerging == null || this.strategicEmerging == p.strategicEmerging())
				&& (this.techUpgradePlan == null || this.techUpgradePlan == p.techUpgradePlan())
				&& (this.nameContains == null || (p.name() != null && p.name().contains(this.nameContains)))
				&& (this.nationalCode == null || this.nationalCode.equals(p.nationalCode()))
				&& (this.near == null || (p.location() != null && distanceKm(p) <= this.near.radiusKm))
				&& (this.constructionNatures == null || this.constructionNatures.contains(p.constructionNature()))
				&& (this.industrySections == null
						|| (p.industry() != null && this.industrySections.contains(p.industry().section())))
				&& (this.industryDivisions == null
						|| (p.industry() != null && this.industryDivisions.contains(p.industry().division())))
				&& (this.investorTypes == null || this.investorTypes.contains(p.investorType()))
				&& (this.statisticsRegistered == null
						|| this.statisticsRegistered == (p.statisticsRegistered() != null))
				&& (this.fundingSources == null
						|| p.fundingSources().stream().anyMatch((f) -> this.fundingSources.contains(f.source())))
				&& (this.demo == null || this.demo == p.demo());
	}

	/**
	 * Great-circle distance from the filter's point, or null without a {@code near}
	 * condition.
	 */
	Double distanceKm(Project p) {
		if (this.near == null || p.location() == null) {
			return null;
		}
		return Geo.distanceKm(this.near.latitude, this.near.longitude, p.location().latitude(),
				p.location().longitude());
	}

}
