package gov.shaoxing.investment.earnedvalue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Earned-value figures of one project or the sum over several, in 亿元, over the plan year
 * up to {@code asOf}. Derived figures are computed from the sums, so a roll-up's SPI is
 * not an average of its projects' SPIs. The two physical-progress percentages are set for
 * a single project only.
 */
public record EarnedValue(LocalDate asOf, int projects, BigDecimal plannedValue, BigDecimal earnedValue,
		BigDecimal actualCost, BigDecimal totalInvestment, BigDecimal physicalProgressAtYearStart,
		BigDecimal physicalProgress, int ruleVersion, BigDecimal divergenceThreshold, int divergingProjects) {

	static final int SCALE = 4;

	/** The only flag so far. */
	public enum Flag {

		PROGRESS_BASES_DIVERGE

	}

	public BigDecimal scheduleVariance() {
		return this.earnedValue.subtract(this.plannedValue);
	}

	public BigDecimal costVariance() {
		return this.earnedValue.subtract(this.actualCost);
	}

	/** EV ÷ PV, or null while nothing is planned. */
	public BigDecimal spi() {
		return ratio(this.earnedValue, this.plannedValue);
	}

	/** EV ÷ AC, or null while nothing is spent. */
	public BigDecimal cpi() {
		return ratio(this.earnedValue, this.actualCost);
	}

	/**
	 * Total investment ÷ CPI, computed as total × AC ÷ EV so that CPI's rounding does not
	 * enter; null while EV or AC is zero.
	 */
	public BigDecimal estimateAtCompletion() {
		if (this.earnedValue.signum() == 0 || this.actualCost.signum() == 0) {
			return null;
		}
		return this.totalInvestment.multiply(this.actualCost).divide(this.earnedValue, SCALE, RoundingMode.HALF_UP);
	}

	/** |EV − AC| ÷ max(EV, AC): 0 when the bases agree, 1 when one of them is zero. */
	public BigDecimal basesDivergence() {
		BigDecimal larger = this.earnedValue.max(this.actualCost);
		if (larger.signum() <= 0) {
			return null;
		}
		return this.earnedValue.subtract(this.actualCost).abs().divide(larger, SCALE, RoundingMode.HALF_UP);
	}

	public List<Flag> flags() {
		BigDecimal divergence = basesDivergence();
		return divergence != null && divergence.compareTo(this.divergenceThreshold) > 0
				? List.of(Flag.PROGRESS_BASES_DIVERGE) : List.of();
	}

	private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
		return b.signum() == 0 ? null : a.divide(b, SCALE, RoundingMode.HALF_UP);
	}

}
