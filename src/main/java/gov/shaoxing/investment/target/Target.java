package gov.shaoxing.investment.target;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One annual target: {@code (year, district or city-wide, indicator)} with its guaranteed (必保) value and, where the
 * plan gives one, its stretch (力争) value, in the plan's own unit. {@code districtCode} is null for city-wide.
 */
@Document("targets")
@CompoundIndex(name = "year_district_indicator", def = "{'year': 1, 'districtCode': 1, 'indicator': 1}", unique = true)
public record Target(@Id String id, int year, String districtCode, Indicator indicator, Unit unit,
		BigDecimal guaranteed, BigDecimal stretch, String source) {

	public static String idOf(int year, String districtCode, Indicator indicator) {
		return year + ":" + (districtCode == null ? "CITY" : districtCode) + ":" + indicator.name();
	}

	public boolean cityWide() {
		return this.districtCode == null;
	}

}
