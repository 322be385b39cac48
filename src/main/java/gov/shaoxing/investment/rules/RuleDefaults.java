package gov.shaoxing.investment.rules;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured light thresholds, divergence threshold and escalation rule
 * ({@code investment.supervision.*}), which with {@link RankingProperties} make version 1
 * of the rules.
 */
@ConfigurationProperties("investment.supervision")
public record RuleDefaults(BigDecimal redBelow, BigDecimal yellowBelow, Integer redAfterDaysWithoutReport,
		Integer yellowAfterDaysWithoutReport, Integer redOverdueMilestones, BigDecimal divergenceThreshold,
		Escalation escalation) {

	public RuleDefaults {
		redBelow = redBelow == null ? new BigDecimal("0.5") : redBelow;
		yellowBelow = yellowBelow == null ? new BigDecimal("0.8") : yellowBelow;
		redAfterDaysWithoutReport = redAfterDaysWithoutReport == null ? 45 : redAfterDaysWithoutReport;
		yellowAfterDaysWithoutReport = yellowAfterDaysWithoutReport == null ? 20 : yellowAfterDaysWithoutReport;
		redOverdueMilestones = redOverdueMilestones == null ? 2 : redOverdueMilestones;
		divergenceThreshold = divergenceThreshold == null ? new BigDecimal("0.25") : divergenceThreshold;
		escalation = escalation == null ? new Escalation(null) : escalation;
	}

	/** {@code investment.supervision.escalation.red-periods}: 2 by default. */
	public record Escalation(Integer redPeriods) {

		public Escalation {
			redPeriods = redPeriods == null ? 2 : redPeriods;
		}

	}

}
