package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.rules.Explanation;
import gov.shaoxing.investment.supervision.Bulletin.IndicatorStanding;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A monthly bulletin as it was published: every figure, rank, red project (with its
 * reasons) and overdue notice (as the notice stood), with the rule version and the
 * moment. Written once under the id {@code year-month}; never changed.
 */
@Document("published_bulletins")
record PublishedBulletin(@Id String id, int year, int month, LocalDate asOf, int ruleVersion, Instant publishedAt,
		String publishedBy, List<StandingSnapshot> districts, List<RedSnapshot> redProjects,
		List<Notice> overdueNotices) {

	static String idOf(int year, int month) {
		return year + "-" + (month < 10 ? "0" : "") + month;
	}

	/** A district's published standing. */
	record StandingSnapshot(String districtCode, BigDecimal score, int rank, List<IndicatorStanding> indicators,
			Explanation explain) {
	}

	/** A published red project. */
	record RedSnapshot(String projectCode, List<String> reasons, Explanation explain) {
	}

}
