package gov.shaoxing.investment.project;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleBandTests {

	@Test
	void lowerBoundsAreInclusive() {
		assertThat(ScaleBand.of(new BigDecimal("5.00"))).isEqualTo(ScaleBand.OVER_500M);
		assertThat(ScaleBand.of(new BigDecimal("4.99"))).isEqualTo(ScaleBand.BELOW_500M);
		assertThat(ScaleBand.of(new BigDecimal("10"))).isEqualTo(ScaleBand.OVER_1B);
		assertThat(ScaleBand.of(new BigDecimal("50"))).isEqualTo(ScaleBand.OVER_5B);
	}

	@Test
	void bandsAreCumulativeLikeThePlansColumns() {
		assertThat(ScaleBand.cumulative(new BigDecimal("12"))).containsExactly(ScaleBand.OVER_500M, ScaleBand.OVER_1B);
		assertThat(ScaleBand.cumulative(new BigDecimal("3"))).isEmpty();
	}

}
