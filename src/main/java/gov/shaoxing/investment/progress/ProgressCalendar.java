package gov.shaoxing.investment.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Today by the real clock, and the day supervision judges a plan year on. */
@Component
public class ProgressCalendar {

	private final Clock clock;

	private final ProgressProperties properties;

	ProgressCalendar(Clock clock, ProgressProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The pinned day if configured, else today, but never past the end of the plan year.
	 */
	public LocalDate asOf(int planYear) {
		LocalDate day = this.properties.asOf() != null ? this.properties.asOf() : today();
		LocalDate yearEnd = LocalDate.of(planYear, 12, 31);
		return day.isAfter(yearEnd) ? yearEnd : day;
	}

	public Instant now() {
		return this.clock.instant();
	}

}
