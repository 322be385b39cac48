package gov.shaoxing.investment.progress;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPeriodTests {

	@Test
	void keysSortLikePeriodsAndParseBack() {
		ReportPeriod march2 = new ReportPeriod(2012, 3, 2);
		ReportPeriod october1 = new ReportPeriod(2012, 10, 1);
		assertThat(march2.key()).isEqualTo("2012-03-2");
		assertThat(october1.key()).isEqualTo("2012-10-1");
		assertThat(ReportPeriod.parse("2012-10-1")).isEqualTo(october1);
		assertThat(march2.compareTo(october1)).isNegative();
		assertThat(march2.key().compareTo(october1.key())).isNegative();
		assertThat(new ReportPeriod(2013, 1, 1).compareTo(new ReportPeriod(2012, 12, 2))).isPositive();
	}

	@Test
	void halvesEndOnTheFifteenthAndTheMonthsEnd() {
		assertThat(new ReportPeriod(2012, 2, 1).end()).isEqualTo(LocalDate.of(2012, 2, 15));
		assertThat(new ReportPeriod(2012, 2, 2).end()).isEqualTo(LocalDate.of(2012, 2, 29));
		assertThat(ReportPeriod.endedBy(2012, LocalDate.of(2012, 2, 20))).isEqualTo(3);
		assertThat(ReportPeriod.endedBy(2012, LocalDate.of(2013, 1, 1))).isEqualTo(24);
	}

}
