package gov.shaoxing.investment.liaison;

import java.math.BigDecimal;
import java.util.List;

import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.project.Project;

/** One liaison in {@code whoToCall}: how urgent, and why. */
record Urgency(int rank, Official official, LiaisonRole role, List<Project> projects, int currentRedRun,
		String redRunProjectCode, BigDecimal lagBehindSchedule, int overdueNotices, List<String> reasons) {
}
