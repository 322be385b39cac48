package gov.shaoxing.investment.rules;

import java.math.BigDecimal;

/** One named figure of an explanation: an input, or a threshold it was compared with. */
public record NamedValue(String name, BigDecimal value) {

	public static NamedValue of(String name, BigDecimal value) {
		return new NamedValue(name, value);
	}

	public static NamedValue of(String name, long value) {
		return new NamedValue(name, BigDecimal.valueOf(value));
	}

}
