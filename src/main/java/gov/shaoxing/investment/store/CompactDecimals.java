package gov.shaoxing.investment.store;

import java.math.BigDecimal;

import org.bson.types.Decimal128;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;

/**
 * Reads a Decimal128 as a BigDecimal in its compact form when its digits fit in a long,
 * which nearly every amount does. The driver's own conversion always builds a BigInteger
 * and its int[]: at 100,000 projects that was 570 MB of the read models' 1.35 GB. Same
 * value and scale, so {@code equals} is unchanged.
 */
@ReadingConverter
enum CompactDecimals implements Converter<Decimal128, BigDecimal> {

	INSTANCE;

	/** A long holds every unscaled value of up to 18 digits. */
	private static final int LONG_DIGITS = 18;

	@Override
	public BigDecimal convert(Decimal128 source) {
		BigDecimal value = source.bigDecimalValue();
		return (value.precision() <= LONG_DIGITS) ? BigDecimal.valueOf(value.unscaledValue().longValue(), value.scale())
				: value;
	}

}
