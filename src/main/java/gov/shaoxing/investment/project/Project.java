package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A major project of the programme. Its natural key {@code code} is also its document id;
 * district, departments and officials are referenced by id. Amounts are exact decimals in
 * 亿元. {@code revision} counts changes made through {@code updateProject} (0 as loaded),
 * with who made the last one and when. {@code plannedMonthly} is the plan year's monthly
 * curve as given, or null for the even spread: read it through {@link #monthlyPlan()}.
 */
@Document("projects")
@CompoundIndex(name = "location", def = "{'location.latitude': 1, 'location.longitude': 1}")
@CompoundIndex(name = "district_category", def = "{'districtCode': 1, 'category': 1}")
public record Project(@Id String code, @Indexed ProjectCategory category, String name, @Indexed String districtCode,
		@Indexed String leadDepartmentCode, @Indexed List<String> coDepartmentCodes, String ownerEnterprise,
		@Indexed BigDecimal totalInvestment, BigDecimal plannedInvestment, @Indexed boolean strategicEmerging,
		@Indexed boolean techUpgradePlan, @Indexed ProjectStatus status, LocalDate plannedStart,
		LocalDate plannedFinish, Location location, @Indexed(unique = true, sparse = true) String nationalCode,
		Liaison liaison, int year, boolean demo, Integer revision, Instant updatedAt, String updatedBy,
		List<BigDecimal> plannedMonthly) {

	public Project {
		coDepartmentCodes = coDepartmentCodes == null ? List.of() : List.copyOf(coDepartmentCodes);
		// documents stored before revisions existed have none
		revision = revision == null ? 0 : revision;
		plannedMonthly = plannedMonthly == null || plannedMonthly.isEmpty() ? null : List.copyOf(plannedMonthly);
	}

	/** A project as loaded, never changed through the API. */
	public Project(String code, ProjectCategory category, String name, String districtCode, String leadDepartmentCode,
			List<String> coDepartmentCodes, String ownerEnterprise, BigDecimal totalInvestment,
			BigDecimal plannedInvestment, boolean strategicEmerging, boolean techUpgradePlan, ProjectStatus status,
			LocalDate plannedStart, LocalDate plannedFinish, Location location, String nationalCode, Liaison liaison,
			int year, boolean demo) {
		this(code, category, name, districtCode, leadDepartmentCode, coDepartmentCodes, ownerEnterprise,
				totalInvestment, plannedInvestment, strategicEmerging, techUpgradePlan, status, plannedStart,
				plannedFinish, location, nationalCode, liaison, year, demo, 0, null, null, null);
	}

	public ScaleBand scaleBand() {
		return ScaleBand.of(this.totalInvestment);
	}

	/**
	 * The plan year's 12 monthly planned amounts (亿元, January first), adding up to
	 * {@code plannedInvestment}: as given, else its even spread ({@link MonthlyPlan}).
	 * Never null.
	 */
	public List<BigDecimal> monthlyPlan() {
		return this.plannedMonthly != null ? this.plannedMonthly : MonthlyPlan.evenSpread(this.plannedInvestment);
	}

	/**
	 * 序时进度 as an amount: the investment planned by the end of {@code halfMonths}
	 * half-month periods of the plan year (0–24; see
	 * {@link MonthlyPlan#throughHalfMonths}).
	 */
	public BigDecimal plannedThroughHalfMonths(int halfMonths) {
		return MonthlyPlan.throughHalfMonths(monthlyPlan(), halfMonths);
	}

	/** Where the project is: a WGS-84 point and a postal address. */
	public record Location(double latitude, double longitude, String address) {
	}

	/**
	 * The 一对一 liaison: the city leader and the department assigned to the project, and
	 * the named cadre of that department who is the day-to-day contact.
	 */
	public record Liaison(String cityLeaderId, String departmentCode, String cadreId) {
	}

}
