package gov.shaoxing.investment.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Pins "today" to 20 June 2012, inside the plan year, so that future periods can be
 * tested.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfig {

	public static final Instant NOW = Instant.parse("2012-06-20T02:00:00Z");

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
	}

}
