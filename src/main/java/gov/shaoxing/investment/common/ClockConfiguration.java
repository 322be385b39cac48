package gov.shaoxing.investment.common;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The real clock, in Shaoxing's time zone; tests replace it to pin "today". */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	static final ZoneId SHAOXING = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(SHAOXING);
	}

}
