package gov.shaoxing.investment.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.project.CreateProjectInput;
import gov.shaoxing.investment.project.FundingSourceKind;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectRecordInputs.FundingSourceInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.IndustryInput;
import gov.shaoxing.investment.project.ProjectRecordInputs.LiaisonInput;
import gov.shaoxing.investment.project.UpdateProjectInput.LocationInput;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Template rows to the input {@code createProject} takes (so imported rows meet the same
 * rules as the mutation), and stored projects to rows (so an export can be imported again
 * unchanged).
 */
@Mapper(imports = FundingSourceKind.class)
public interface ProjectRowMapper {

	@Mapping(target = "industry", expression = "java(industry(row))")
	@Mapping(target = "location", expression = "java(location(row))")
	@Mapping(target = "fundingSources", expression = "java(fundingSources(row))")
	@Mapping(target = "liaison", expression = "java(liaison(row))")
	@Mapping(target = "plannedMonthly", expression = "java(plannedMonthly(row.plannedMonthly))")
	@Mapping(target = "reason", source = "reason")
	CreateProjectInput toInput(ProjectRow row, String reason);

	@Mapping(target = "industrySection", source = "industry.section")
	@Mapping(target = "industryDivision", source = "industry.division")
	@Mapping(target = "latitude", source = "location.latitude")
	@Mapping(target = "longitude", source = "location.longitude")
	@Mapping(target = "address", source = "location.address")
	@Mapping(target = "liaisonCityLeader", source = "liaison.cityLeaderId")
	@Mapping(target = "liaisonDepartment", source = "liaison.departmentCode")
	@Mapping(target = "liaisonCadre", source = "liaison.cadreId")
	@Mapping(target = "plannedMonthly", expression = "java(project.monthlyPlan())")
	@Mapping(target = "fundingBudget", expression = "java(amount(project, FundingSourceKind.BUDGET))")
	@Mapping(target = "fundingDomesticLoan", expression = "java(amount(project, FundingSourceKind.DOMESTIC_LOAN))")
	@Mapping(target = "fundingSelfRaised", expression = "java(amount(project, FundingSourceKind.SELF_RAISED))")
	@Mapping(target = "fundingForeign", expression = "java(amount(project, FundingSourceKind.FOREIGN))")
	@Mapping(target = "fundingOther", expression = "java(amount(project, FundingSourceKind.OTHER))")
	ProjectRow toRow(Project project);

	default IndustryInput industry(ProjectRow row) {
		return row.industrySection == null && row.industryDivision == null ? null
				: new IndustryInput(row.industrySection, row.industryDivision);
	}

	/** Latitude and longitude together, or no location (one alone is refused). */
	default LocationInput location(ProjectRow row) {
		if (row.latitude == null && row.longitude == null && row.address == null) {
			return null;
		}
		return new LocationInput(row.latitude, row.longitude, row.address);
	}

	/** A month left empty counts as 0; all twelve empty mean the even spread. */
	default List<BigDecimal> plannedMonthly(List<BigDecimal> months) {
		if (months == null || months.stream().allMatch((m) -> m == null)) {
			return null;
		}
		return months.stream().map((m) -> m == null ? BigDecimal.ZERO : m).toList();
	}

	default List<FundingSourceInput> fundingSources(ProjectRow row) {
		List<FundingSourceInput> sources = new ArrayList<>();
		add(sources, FundingSourceKind.BUDGET, row.fundingBudget);
		add(sources, FundingSourceKind.DOMESTIC_LOAN, row.fundingDomesticLoan);
		add(sources, FundingSourceKind.SELF_RAISED, row.fundingSelfRaised);
		add(sources, FundingSourceKind.FOREIGN, row.fundingForeign);
		add(sources, FundingSourceKind.OTHER, row.fundingOther);
		return sources.isEmpty() ? null : sources;
	}

	private static void add(List<FundingSourceInput> sources, FundingSourceKind kind, BigDecimal amount) {
		if (amount != null) {
			sources.add(new FundingSourceInput(kind, amount));
		}
	}

	/** Officials by their codes, as the mutations' global IDs. */
	default LiaisonInput liaison(ProjectRow row) {
		if (row.liaisonCityLeader == null && row.liaisonDepartment == null && row.liaisonCadre == null) {
			return null;
		}
		return new LiaisonInput(officialId(row.liaisonCityLeader), row.liaisonDepartment, officialId(row.liaisonCadre));
	}

	private static String officialId(String code) {
		return code == null ? null : GlobalId.encode("Official", code);
	}

	default BigDecimal amount(Project project, FundingSourceKind kind) {
		return project.fundingSources()
			.stream()
			.filter((f) -> f.source() == kind)
			.map(Project.FundingSource::amount)
			.findFirst()
			.orElse(null);
	}

}
