package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Input shapes shared by {@code createProject}, {@code updateProject} and the project
 * import: the parts of the full record that are lists or groups.
 */
public final class ProjectRecordInputs {

	private ProjectRecordInputs() {
	}

	/** A GB/T 4754-2017 section letter and an optional two-digit division. */
	public record IndustryInput(String section, String division) {
	}

	/** One funding source and its amount, 亿元. */
	public record FundingSourceInput(FundingSourceKind source, BigDecimal amount) {
	}

	/** An approval document. */
	public record ApprovalInput(String kind, String documentNumber, String authority, LocalDate date) {
	}

	/** The 一对一 liaison by the officials' global IDs and the department's code. */
	public record LiaisonInput(String cityLeaderId, String departmentCode, String cadreId) {
	}

}
