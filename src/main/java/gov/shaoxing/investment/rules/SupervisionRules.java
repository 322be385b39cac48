package gov.shaoxing.investment.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gov.shaoxing.investment.targets.Indicator;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of the supervision rules, in force from {@code effectiveFrom} until the
 * next version's date. Versions are numbered 1, 2, 3… and never change once published.
 */
@Document("supervision_rules")
public record SupervisionRules(@Id int version, LocalDate effectiveFrom, LightRules light, RankingRules ranking,
		EarnedValueRules earnedValue, EscalationRules escalation, String note, Instant publishedAt,
		String publishedBy) {

	/**
	 * The traffic-light thresholds and the projects exempted from the investment test.
	 */
	public record LightRules(BigDecimal yellowBelow, BigDecimal redBelow, int yellowAfterDaysWithoutReport,
			int redAfterDaysWithoutReport, int redOverdueMilestones, List<LightExemption> exemptions) {

		public LightRules {
			exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
		}

		/** The exemption covering a project on a day, or null. */
		public LightExemption exemptionFor(String projectCode, LocalDate day) {
			for (LightExemption e : this.exemptions) {
				if (e.projectCode().equals(projectCode) && !day.isBefore(e.from()) && !day.isAfter(e.until())) {
					return e;
				}
			}
			return null;
		}

	}

	/**
	 * Force majeure (不可抗力): from {@code from} to {@code until} the project's investment
	 * is not compared with 序时进度.
	 */
	public record LightExemption(String projectCode, LocalDate from, LocalDate until, String reason) {
	}

	/**
	 * How districts are scored: a weight per indicator (adding up to the declared
	 * {@code weightTotal}), the cap on any one completion rate, and district indicators
	 * left out of the score.
	 */
	public record RankingRules(List<IndicatorWeight> weights, BigDecimal weightTotal, BigDecimal cap,
			List<RankingExemption> exemptions) {

		public RankingRules {
			weights = weights == null ? List.of() : List.copyOf(weights);
			exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
		}

		public BigDecimal weight(Indicator indicator) {
			for (IndicatorWeight w : this.weights) {
				if (w.indicator() == indicator) {
					return w.weight();
				}
			}
			return BigDecimal.ZERO;
		}

		public Map<Indicator, BigDecimal> weightMap() {
			return this.weights.stream().collect(Collectors.toMap(IndicatorWeight::indicator, IndicatorWeight::weight));
		}

		/** The exemption of a district's indicator, or null. */
		public RankingExemption exemptionFor(String districtCode, Indicator indicator) {
			for (RankingExemption e : this.exemptions) {
				if (e.districtCode().equals(districtCode) && e.indicator() == indicator) {
					return e;
				}
			}
			return null;
		}

	}

	/** An indicator's weight in the score. */
	public record IndicatorWeight(Indicator indicator, BigDecimal weight) {
	}

	/** A district's indicator left out of its score, and why. */
	public record RankingExemption(String districtCode, Indicator indicator, String reason) {
	}

	/**
	 * When the two progress bases (physical and financial) are flagged as diverging: |EV
	 * − AC| ÷ max(EV, AC) above {@code divergenceThreshold}.
	 */
	public record EarnedValueRules(BigDecimal divergenceThreshold) {
	}

	/**
	 * After {@code redPeriods} consecutive red half-months a project is escalated to its
	 * city leader (约谈).
	 */
	public record EscalationRules(int redPeriods) {
	}

	/** The same rules, as a text that two publications compare equal by. */
	String content() {
		return this.effectiveFrom + "|" + this.light + "|" + this.ranking + "|" + this.earnedValue + "|"
				+ this.escalation + "|" + this.note;
	}

}
