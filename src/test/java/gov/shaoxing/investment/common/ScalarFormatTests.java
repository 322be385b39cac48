package gov.shaoxing.investment.common;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Decimals print one way, whatever scale they were stored with. */
class ScalarFormatTests {

	@Test
	void decimalsArePlainWithoutTrailingZeros() {
		assertThat(ScalarsConfiguration.plain(new BigDecimal("14.00")).toString()).isEqualTo("14");
		assertThat(ScalarsConfiguration.plain(new BigDecimal("43")).toString()).isEqualTo("43");
		assertThat(ScalarsConfiguration.plain(new BigDecimal("0.50")).toString()).isEqualTo("0.5");
		assertThat(ScalarsConfiguration.plain(new BigDecimal("98000")).toString()).isEqualTo("98000");
		assertThat(ScalarsConfiguration.plain(new BigDecimal("1.15E+6")).toString()).isEqualTo("1150000");
		assertThat(ScalarsConfiguration.plain(new BigDecimal("0.0001")).toString()).isEqualTo("0.0001");
	}

}
