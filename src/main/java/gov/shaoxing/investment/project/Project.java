package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import gov.shaoxing.investment.common.RevisionCheckedReplace.Revised;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A major project of the programme. Its natural key {@code code} is also its document id;
 * district, departments and officials are referenced by id. Amounts are exact decimals in
 * 亿元. {@code revision} counts changes made through the API (0 as loaded), with who made
 * the last one and when. {@code plannedMonthly} is the plan year's monthly curve as
 * given, or null for the even spread: read it through {@link #monthlyPlan()}. The record
 * of the national systems (construction nature to approvals) is optional; the two
 * histories grow with every status change and liaison assignment.
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
		List<BigDecimal> plannedMonthly, ConstructionNature constructionNature, Industry industry,
		List<FundingSource> fundingSources, InvestorType investorType, LocalDate statisticsRegistered,
		LocalDate actualStart, LocalDate actualFinish, String scope, List<Approval> approvals,
		List<StatusChange> statusHistory, List<LiaisonAssignment> liaisonHistory) implements Revised {

	public Project {
		coDepartmentCodes = coDepartmentCodes == null ? List.of() : List.copyOf(coDepartmentCodes);
		// documents stored before revisions existed have none
		revision = revision == null ? 0 : revision;
		plannedMonthly = plannedMonthly == null || plannedMonthly.isEmpty() ? null : List.copyOf(plannedMonthly);
		fundingSources = fundingSources == null ? List.of() : List.copyOf(fundingSources);
		approvals = approvals == null ? List.of() : List.copyOf(approvals);
		statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
		liaisonHistory = liaisonHistory == null ? List.of() : List.copyOf(liaisonHistory);
	}

	/** A project as loaded, never changed through the API. */
	public Project(String code, ProjectCategory category, String name, String districtCode, String leadDepartmentCode,
			List<String> coDepartmentCodes, String ownerEnterprise, BigDecimal totalInvestment,
			BigDecimal plannedInvestment, boolean strategicEmerging, boolean techUpgradePlan, ProjectStatus status,
			LocalDate plannedStart, LocalDate plannedFinish, Location location, String nationalCode, Liaison liaison,
			int year, boolean demo) {
		this(code, category, name, districtCode, leadDepartmentCode, coDepartmentCodes, ownerEnterprise,
				totalInvestment, plannedInvestment, strategicEmerging, techUpgradePlan, status, plannedStart,
				plannedFinish, location, nationalCode, liaison, year, demo, 0, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
	}

	/**
	 * By code only: projects are DataLoader keys on every batched field, and hashing all
	 * 34 components (lists and histories among them) showed in the card's profile. Equal
	 * records have equal codes, so this agrees with {@code equals}.
	 */
	@Override
	public int hashCode() {
		return Objects.hashCode(this.code);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding this record's values, to change some of them. */
	public Builder toBuilder() {
		Builder b = new Builder();
		b.code = this.code;
		b.category = this.category;
		b.name = this.name;
		b.districtCode = this.districtCode;
		b.leadDepartmentCode = this.leadDepartmentCode;
		b.coDepartmentCodes = this.coDepartmentCodes;
		b.ownerEnterprise = this.ownerEnterprise;
		b.totalInvestment = this.totalInvestment;
		b.plannedInvestment = this.plannedInvestment;
		b.strategicEmerging = this.strategicEmerging;
		b.techUpgradePlan = this.techUpgradePlan;
		b.status = this.status;
		b.plannedStart = this.plannedStart;
		b.plannedFinish = this.plannedFinish;
		b.location = this.location;
		b.nationalCode = this.nationalCode;
		b.liaison = this.liaison;
		b.year = this.year;
		b.demo = this.demo;
		b.revision = this.revision;
		b.updatedAt = this.updatedAt;
		b.updatedBy = this.updatedBy;
		b.plannedMonthly = this.plannedMonthly;
		b.constructionNature = this.constructionNature;
		b.industry = this.industry;
		b.fundingSources = this.fundingSources;
		b.investorType = this.investorType;
		b.statisticsRegistered = this.statisticsRegistered;
		b.actualStart = this.actualStart;
		b.actualFinish = this.actualFinish;
		b.scope = this.scope;
		b.approvals = this.approvals;
		b.statusHistory = this.statusHistory;
		b.liaisonHistory = this.liaisonHistory;
		return b;
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

	/**
	 * Every status the project has had, oldest first; a loaded project that never changed
	 * has one entry with no date.
	 */
	public List<StatusChange> statusTimeline() {
		return this.statusHistory.isEmpty() ? List.of(new StatusChange(this.status, null, null)) : this.statusHistory;
	}

	/**
	 * Every liaison the project has had, oldest first; a loaded liaison never reassigned
	 * has one open entry with no date.
	 */
	public List<LiaisonAssignment> liaisonTimeline() {
		if (!this.liaisonHistory.isEmpty() || this.liaison == null) {
			return this.liaisonHistory;
		}
		return List.of(new LiaisonAssignment(this.liaison, null, null, null, null));
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

	/**
	 * The industry under GB/T 4754-2017: a section letter and, optionally, a division.
	 */
	public record Industry(String section, String division) {
	}

	/** One source of the project's funds (资金来源), 亿元. */
	public record FundingSource(FundingSourceKind source, BigDecimal amount) {
	}

	/** An approval document (审批、核准或备案文件). */
	public record Approval(String kind, String documentNumber, String authority, LocalDate date) {
	}

	/** The project took this status at {@code from} (null: as loaded), set by a user. */
	public record StatusChange(ProjectStatus status, Instant from, String changedBy) {
	}

	/**
	 * A liaison responsible from {@code from} until {@code until} (null: still), assigned
	 * by a user for a reason.
	 */
	public record LiaisonAssignment(Liaison liaison, Instant from, Instant until, String assignedBy, String reason) {
	}

	/** Builds a project record field by field. */
	public static final class Builder {

		private String code;

		private ProjectCategory category;

		private String name;

		private String districtCode;

		private String leadDepartmentCode;

		private List<String> coDepartmentCodes;

		private String ownerEnterprise;

		private BigDecimal totalInvestment;

		private BigDecimal plannedInvestment;

		private boolean strategicEmerging;

		private boolean techUpgradePlan;

		private ProjectStatus status;

		private LocalDate plannedStart;

		private LocalDate plannedFinish;

		private Location location;

		private String nationalCode;

		private Liaison liaison;

		private int year;

		private boolean demo;

		private Integer revision;

		private Instant updatedAt;

		private String updatedBy;

		private List<BigDecimal> plannedMonthly;

		private ConstructionNature constructionNature;

		private Industry industry;

		private List<FundingSource> fundingSources;

		private InvestorType investorType;

		private LocalDate statisticsRegistered;

		private LocalDate actualStart;

		private LocalDate actualFinish;

		private String scope;

		private List<Approval> approvals;

		private List<StatusChange> statusHistory;

		private List<LiaisonAssignment> liaisonHistory;

		private Builder() {
		}

		public Builder code(String value) {
			this.code = value;
			return this;
		}

		public Builder category(ProjectCategory value) {
			this.category = value;
			return this;
		}

		public Builder name(String value) {
			this.name = value;
			return this;
		}

		public Builder districtCode(String value) {
			this.districtCode = value;
			return this;
		}

		public Builder leadDepartmentCode(String value) {
			this.leadDepartmentCode = value;
			return this;
		}

		public Builder coDepartmentCodes(List<String> value) {
			this.coDepartmentCodes = value;
			return this;
		}

		public Builder ownerEnterprise(String value) {
			this.ownerEnterprise = value;
			return this;
		}

		public Builder totalInvestment(BigDecimal value) {
			this.totalInvestment = value;
			return this;
		}

		public Builder plannedInvestment(BigDecimal value) {
			this.plannedInvestment = value;
			return this;
		}

		public Builder strategicEmerging(boolean value) {
			this.strategicEmerging = value;
			return this;
		}

		public Builder techUpgradePlan(boolean value) {
			this.techUpgradePlan = value;
			return this;
		}

		public Builder status(ProjectStatus value) {
			this.status = value;
			return this;
		}

		public Builder plannedStart(LocalDate value) {
			this.plannedStart = value;
			return this;
		}

		public Builder plannedFinish(LocalDate value) {
			this.plannedFinish = value;
			return this;
		}

		public Builder location(Location value) {
			this.location = value;
			return this;
		}

		public Builder nationalCode(String value) {
			this.nationalCode = value;
			return this;
		}

		public Builder liaison(Liaison value) {
			this.liaison = value;
			return this;
		}

		public Builder year(int value) {
			this.year = value;
			return this;
		}

		public Builder demo(boolean value) {
			this.demo = value;
			return this;
		}

		public Builder revision(Integer value) {
			this.revision = value;
			return this;
		}

		public Builder updatedAt(Instant value) {
			this.updatedAt = value;
			return this;
		}

		public Builder updatedBy(String value) {
			this.updatedBy = value;
			return this;
		}

		public Builder plannedMonthly(List<BigDecimal> value) {
			this.plannedMonthly = value;
			return this;
		}

		public Builder constructionNature(ConstructionNature value) {
			this.constructionNature = value;
			return this;
		}

		public Builder industry(Industry value) {
			this.industry = value;
			return this;
		}

		public Builder fundingSources(List<FundingSource> value) {
			this.fundingSources = value;
			return this;
		}

		public Builder investorType(InvestorType value) {
			this.investorType = value;
			return this;
		}

		public Builder statisticsRegistered(LocalDate value) {
			this.statisticsRegistered = value;
			return this;
		}

		public Builder actualStart(LocalDate value) {
			this.actualStart = value;
			return this;
		}

		public Builder actualFinish(LocalDate value) {
			this.actualFinish = value;
			return this;
		}

		public Builder scope(String value) {
			this.scope = value;
			return this;
		}

		public Builder approvals(List<Approval> value) {
			this.approvals = value;
			return this;
		}

		public Builder statusHistory(List<StatusChange> value) {
			this.statusHistory = value;
			return this;
		}

		public Builder liaisonHistory(List<LiaisonAssignment> value) {
			this.liaisonHistory = value;
			return this;
		}

		public Project build() {
			return new Project(this.code, this.category, this.name, this.districtCode, this.leadDepartmentCode,
					this.coDepartmentCodes, this.ownerEnterprise, this.totalInvestment, this.plannedInvestment,
					this.strategicEmerging, this.techUpgradePlan, this.status, this.plannedStart, this.plannedFinish,
					this.location, this.nationalCode, this.liaison, this.year, this.demo, this.revision, this.updatedAt,
					this.updatedBy, this.plannedMonthly, this.constructionNature, this.industry, this.fundingSources,
					this.investorType, this.statisticsRegistered, this.actualStart, this.actualFinish, this.scope,
					this.approvals, this.statusHistory, this.liaisonHistory);
		}

	}

}
