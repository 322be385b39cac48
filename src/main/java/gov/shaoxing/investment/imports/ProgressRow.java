package gov.shaoxing.investment.imports;

import java.math.BigDecimal;

/**
 * One row of the half-monthly progress template (台账): a project, a period and the
 * figures. Mutable with public fields, assembled cell by cell and read by MapStruct.
 */
class ProgressRow {

	public String projectCode;

	public Integer year;

	public Integer month;

	public Integer half;

	public BigDecimal investmentCompleted;

	public BigDecimal physicalProgressPercent;

	public String note;

}
