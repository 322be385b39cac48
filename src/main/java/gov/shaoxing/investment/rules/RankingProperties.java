package gov.shaoxing.investment.rules;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import gov.shaoxing.investment.targets.Indicator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured ranking rule, version 1 of the rules: the weight of each indicator, and
 * the cap on any one indicator's completion rate, so overshooting one target cannot hide
 * missing others.
 */
@ConfigurationProperties("investment.ranking")
public record RankingProperties(Map<Indicator, BigDecimal> weights, BigDecimal cap) {

	public RankingProperties {
		cap = cap == null ? new BigDecimal("1.2") : cap;
		if (weights == null || weights.isEmpty()) {
			weights = defaults();
		}
	}

	public static Map<Indicator, BigDecimal> defaults() {
		Map<Indicator, BigDecimal> w = new EnumMap<>(Indicator.class);
		w.put(Indicator.INDUSTRIAL_INVESTMENT, BigDecimal.valueOf(20));
		w.put(Indicator.SEI_INVESTMENT_SHARE, BigDecimal.valueOf(8));
		w.put(Indicator.EQUIPMENT_TECH_INVESTMENT_SHARE, BigDecimal.valueOf(4));
		w.put(Indicator.SEI_KEY_PLAN_PROJECTS, BigDecimal.valueOf(4));
		w.put(Indicator.TECH_UPGRADE_PLAN_PROJECTS, BigDecimal.valueOf(4));
		w.put(Indicator.INDUSTRIAL_PROJECTS_OVER_500M, BigDecimal.valueOf(6));
		w.put(Indicator.INDUSTRIAL_PROJECTS_OVER_1B, BigDecimal.valueOf(4));
		w.put(Indicator.INDUSTRIAL_PROJECTS_OVER_2B, BigDecimal.valueOf(4));
		w.put(Indicator.SERVICE_PROJECTS, BigDecimal.valueOf(4));
		w.put(Indicator.SERVICE_INVESTMENT, BigDecimal.valueOf(8));
		w.put(Indicator.AGRICULTURAL_PROJECTS, BigDecimal.valueOf(2));
		w.put(Indicator.AGRICULTURAL_INVESTMENT, BigDecimal.valueOf(4));
		w.put(Indicator.FOREIGN_CAPITAL, BigDecimal.valueOf(8));
		w.put(Indicator.FOREIGN_PROJECTS_OVER_10M_USD, BigDecimal.valueOf(2));
		w.put(Indicator.FOREIGN_PROJECTS_OVER_30M_USD, BigDecimal.valueOf(2));
		w.put(Indicator.DOMESTIC_CAPITAL, BigDecimal.valueOf(8));
		w.put(Indicator.DOMESTIC_PROJECTS_OVER_50M, BigDecimal.valueOf(2));
		w.put(Indicator.DOMESTIC_PROJECTS_OVER_100M, BigDecimal.valueOf(2));
		w.put(Indicator.DOMESTIC_PROJECTS_OVER_500M, BigDecimal.valueOf(2));
		w.put(Indicator.LOCAL_ENTERPRISE_INVESTMENT, BigDecimal.valueOf(8));
		return w;
	}

}
