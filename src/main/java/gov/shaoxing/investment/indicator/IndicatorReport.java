package gov.shaoxing.investment.indicator;

import java.math.BigDecimal;
import java.time.Instant;

import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Unit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district's figure for an economy-wide indicator, year to date at the end of a month,
 * in the target's unit. One per (year, month, district, indicator): a later report for
 * the same month replaces the earlier one.
 */
@Document("indicator_reports")
@CompoundIndex(name = "year_month", def = "{'year': 1, 'month': 1}")
@CompoundIndex(name = "district_indicator", def = "{'districtCode': 1, 'indicator': 1, 'year': 1}")
public record IndicatorReport(@Id String id, int year, int month, String districtCode, Indicator indicator, Unit unit,
		BigDecimal value, String idempotencyKey, long sequence, Instant submittedAt, String submittedBy, boolean demo) {

	public static String idOf(int year, int month, String districtCode, Indicator indicator) {
		return year + ":" + districtCode + ":" + indicator.name() + ":" + String.format("%02d", month);
	}

}
