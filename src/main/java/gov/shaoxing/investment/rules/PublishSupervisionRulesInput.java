package gov.shaoxing.investment.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.targets.Indicator;

/** The {@code PublishSupervisionRulesInput} input. */
record PublishSupervisionRulesInput(Integer basedOnVersion, LocalDate effectiveFrom, LightInput light,
		RankingInput ranking, EarnedValueInput earnedValue, EscalationInput escalation, String note) {

	record LightInput(BigDecimal yellowBelow, BigDecimal redBelow, Integer yellowAfterDaysWithoutReport,
			Integer redAfterDaysWithoutReport, Integer redOverdueMilestones, List<LightExemptionInput> exemptions) {
	}

	record LightExemptionInput(String projectCode, LocalDate from, LocalDate until, String reason) {
	}

	record RankingInput(List<WeightInput> weights, BigDecimal weightTotal, BigDecimal cap,
			List<RankingExemptionInput> exemptions) {
	}

	record WeightInput(Indicator indicator, BigDecimal weight) {
	}

	record RankingExemptionInput(String districtCode, Indicator indicator, String reason) {
	}

	record EarnedValueInput(BigDecimal divergenceThreshold) {
	}

	record EscalationInput(Integer redPeriods) {
	}

}
