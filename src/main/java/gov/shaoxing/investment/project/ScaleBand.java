package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's size classes of a project by total investment; each lower bound is
 * inclusive.
 */
enum ScaleBand {

	BELOW_500M("0"), OVER_500M("5"), OVER_1B("10"), OVER_2B("20"), OVER_5B("50");

	private final BigDecimal lowerBound;

	ScaleBand(String lowerBound) {
		this.lowerBound = new BigDecimal(lowerBound);
	}

	/** The lower bound in 亿元. */
	public BigDecimal lowerBound() {
		return this.lowerBound;
	}

	public static ScaleBand of(BigDecimal total) {
		ScaleBand band = BELOW_500M;
		if (total == null) {
			return band;
		}
		for (ScaleBand candidate : values()) {
			if (total.compareTo(candidate.lowerBound) >= 0) {
				band = candidate;
			}
		}
		return band;
	}

	/**
	 * Every band a total counts in: the plan's columns are cumulative, so 12亿 is both 5亿+
	 * and 10亿+.
	 */
	public static List<ScaleBand> cumulative(BigDecimal total) {
		List<ScaleBand> bands = new ArrayList<>();
		ScaleBand top = of(total);
		for (ScaleBand band : values()) {
			if (band != BELOW_500M && band.ordinal() <= top.ordinal()) {
				bands.add(band);
			}
		}
		return bands;
	}

}
