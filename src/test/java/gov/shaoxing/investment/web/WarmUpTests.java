package gov.shaoxing.investment.web;

import java.time.Duration;

import gov.shaoxing.investment.InProcessTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

@InProcessTest
class WarmUpTests {

	@Autowired
	WarmUp warmUp;

	@Test
	void everyWarmUpOperationAnswersWithoutErrorsAsASignedInAnalyst() throws Exception {
		WarmUp.Outcome outcome = this.warmUp.run(Duration.ofMillis(1500));

		assertThat(outcome.skipped()).as("operations that failed against the schema or the data").isEmpty();
		assertThat(outcome.failed()).isZero();
		// two pages, the card and the districts, each more than once
		assertThat(outcome.requests()).isGreaterThan(8);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).as("the analyst does not leak").isNull();
	}

	@Test
	void withNoDurationNothingRuns() {
		assertThat(this.warmUp.last().requests()).as("tests set investment.warm-up.duration=0s").isZero();
	}

}
