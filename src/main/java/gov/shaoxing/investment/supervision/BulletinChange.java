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

	/** A figure of a district (and indicator, for an indicator's figures) that moved. */
	static BulletinChange figure(Kind kind, String districtCode, Indicator indicator, BigDecimal published,
			BigDecimal current, String description) {
		return new BulletinChange(kind, districtCode, indicator, null, null, published, current, description);
	}

	/** A red project that came or went, or whose reasons changed. */
	static BulletinChange project(Kind kind, String districtCode, String projectCode, String description) {
		return new BulletinChange(kind, districtCode, null, projectCode, null, null, null, description);
	}

	/** An overdue notice that came or went. */
	static BulletinChange notice(Kind kind, String districtCode, String projectCode, String noticeId,
			String description) {
		return new BulletinChange(kind, districtCode, null, projectCode, noticeId, null, null, description);
	}

	/** What changed. */
	enum Kind {

		SCORE, RANK, INDICATOR_ACTUAL, INDICATOR_COMPLETION_RATE, INDICATOR_RANK, RED_PROJECT_ADDED,
		RED_PROJECT_REMOVED, RED_REASONS, OVERDUE_NOTICE_ADDED, OVERDUE_NOTICE_REMOVED

	}

}
