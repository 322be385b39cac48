package gov.shaoxing.investment.liaison;

import java.math.BigDecimal;
import java.time.LocalDate;

import gov.shaoxing.investment.earnedvalue.EarnedValue;

/** {@code Official.scorecard}: a liaison's projects and how they stand. */
record Scorecard(int year, LocalDate asOf, LiaisonRole role, int projects, int onTrack, int behind, int red,
		int started, int completed, BigDecimal startRate, BigDecimal completionRate, int openNotices,
		int overdueNotices, int currentRedRun, int longestRedRun, EarnedValue earnedValue) {
}
