package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Supervision settings. {@code asOf} pins the day lights are judged on (unset: today, but
 * never past the plan year's end). The light thresholds are documented on
 * {@code ProjectProgress.light} in the schema.
 */
@ConfigurationProperties("investment.supervision")
public record SupervisionProperties(LocalDate asOf, BigDecimal redBelow, BigDecimal yellowBelow,
		Integer redAfterDaysWithoutReport, Integer yellowAfterDaysWithoutReport, Integer redOverdueMilestones,
		Integer noticeDays) {

	public SupervisionProperties {
		redBelow = redBelow == null ? new BigDecimal("0.5") : redBelow;
		yellowBelow = yellowBelow == null ? new BigDecimal("0.8") : yellowBelow;
		redAfterDaysWithoutReport = redAfterDaysWithoutReport == null ? 45 : redAfterDaysWithoutReport;
		yellowAfterDaysWithoutReport = yellowAfterDaysWithoutReport == null ? 20 : yellowAfterDaysWithoutReport;
		redOverdueMilestones = redOverdueMilestones == null ? 2 : redOverdueMilestones;
		noticeDays = noticeDays == null ? 15 : noticeDays;
	}

}
