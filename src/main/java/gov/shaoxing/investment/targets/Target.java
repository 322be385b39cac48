package gov.shaoxing.investment.targets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.common.RevisionCheckedReplace.Revised;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One annual target: {@code (year, district or city-wide, indicator)} with its guaranteed
 * (必保) value and, where the plan gives one, its stretch (力争) value, in the plan's own
 * unit. {@code districtCode} is null for city-wide.
 */
@Document("targets")
@CompoundIndex(name = "year_district_indicator", def = "{'year': 1, 'districtCode': 1, 'indicator': 1}", unique = true)
public record Target(@Id String id, int year, String districtCode, Indicator indicator, Unit unit,
		BigDecimal guaranteed, BigDecimal stretch, String source, Integer revision,
		List<Revision> revisions) implements Revised {

	public Target {
		// documents stored before revisions existed have none
		revision = revision == null ? 0 : revision;
		revisions = revisions == null ? List.of() : List.copyOf(revisions);
	}

	/** A target as the plan states it. */
	public Target(String id, int year, String districtCode, Indicator indicator, Unit unit, BigDecimal guaranteed,
			BigDecimal stretch, String source) {
		this(id, year, districtCode, indicator, unit, guaranteed, stretch, source, 0, List.of());
	}

	public static String idOf(int year, String districtCode, Indicator indicator) {
		return year + ":" + (districtCode == null ? "CITY" : districtCode) + ":" + indicator.name();
	}

	public boolean cityWide() {
		return this.districtCode == null;
	}

	/** A copy with new figures and one more revision. */
	Target revised(BigDecimal newGuaranteed, BigDecimal newStretch, Instant at, String by, String reason) {
		List<Revision> history = new ArrayList<>(this.revisions);
		history.add(new Revision(this.revision + 1, at, by, this.guaranteed, this.stretch, newGuaranteed, newStretch,
				reason));
		return new Target(this.id, this.year, this.districtCode, this.indicator, this.unit, newGuaranteed, newStretch,
				this.source, this.revision + 1, history);
	}

	/**
	 * One change of a target's figures: who, when, why, and the figures before and after.
	 */
	public record Revision(int number, Instant revisedAt, String revisedBy, BigDecimal guaranteedBefore,
			BigDecimal stretchBefore, BigDecimal guaranteed, BigDecimal stretch, String reason) {
	}

}
