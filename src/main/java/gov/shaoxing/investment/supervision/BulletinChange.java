package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;

import gov.shaoxing.investment.targets.Indicator;

/**
 * One difference between a published bulletin and its recomputation: what kind, where
 * (district, indicator, project or notice), the published and the current value where
 * there are figures, and a sentence.
 */
record BulletinChange(Kind kind, String districtCode, Indicator indicator, String projectCode, String noticeId,
		BigDecimal published, BigDecimal current, String description) {

	/** What changed. */
	enum Kind {

		SCORE, RANK, INDICATOR_ACTUAL, INDICATOR_COMPLETION_RATE, INDICATOR_RANK, RED_PROJECT_ADDED,
		RED_PROJECT_REMOVED, RED_REASONS, OVERDUE_NOTICE_ADDED, OVERDUE_NOTICE_REMOVED

	}

}
