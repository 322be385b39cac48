package gov.shaoxing.investment.progress;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Progress supervision settings ({@code investment.supervision}). {@code asOf} pins the
 * day lights are judged on (unset: today, but never past the plan year's end);
 * {@code noticeDays} is a raised problem's default deadline. The light thresholds under
 * the same prefix are version 1 of the rules ({@code rules.RuleDefaults}).
 */
@ConfigurationProperties("investment.supervision")
public record ProgressProperties(LocalDate asOf, Integer noticeDays) {

	public ProgressProperties {
		noticeDays = noticeDays == null ? 15 : noticeDays;
	}

}
