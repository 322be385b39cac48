package gov.shaoxing.investment.supervision;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import gov.shaoxing.investment.CommandCounter;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * One application for the issue-13 tests (earned value, rules, bulletins, liaison, field
 * sync, photo evidence), so they share a single start-up: no demo activity, sweeps held
 * back, and a clock that starts on 20 June 2012 and that tests move forward.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.seed.demo-activity=false",
				"investment.notices.sweep-initial-delay=PT1H",
				"investment.supervision.light-sweep-initial-delay=PT1H" })
@AutoConfigureGraphQlTester
@Import({ SupervisionContext.ClockConfig.class, CommandCounter.Config.class })
public @interface SupervisionContext {

	/** A clock the tests move forward, so that records get distinct recording times. */
	final class MovableClock extends Clock {

		public static final Instant START = Instant.parse("2012-06-20T02:00:00Z");

		private volatile Instant now = START;

		private final ZoneId zone = ZoneId.of("Asia/Shanghai");

		public void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now, zone);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/** Registers the clock. */
	@TestConfiguration(proxyBeanMethods = false)
	class ClockConfig {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
