package gov.shaoxing.investment.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.CoercingParseValueException;
import org.bson.types.Decimal128;

/**
 * The checks every {@code Decimal}, {@code Date} and {@code DateTime} argument passes
 * while graphql-java coerces it, so that no resolver, filter or store ever sees a value
 * the store cannot hold: a decimal must fit MongoDB's Decimal128 exactly (at most 34
 * significant digits, exponent from -6176 to 6111), a date must lie in the years
 * 1900–9999. Refusals are BAD_REQUEST with a stable code and a message in user terms;
 * none names a Java type. The work is bounded before anything is parsed: a decimal's text
 * is at most {@link #MAX_DECIMAL_CHARACTERS} characters and a date's a fixed pattern.
 */
public final class InputScalars {

	/**
	 * The longest decimal text read: Decimal128's smallest values written out in full
	 * need about 6,200 characters.
	 */
	static final int MAX_DECIMAL_CHARACTERS = 7_000;

	static final int MIN_YEAR = 1900;

	static final int MAX_YEAR = 9999;

	// graphql-java keeps only an exception's message; these markers carry the refusal to
	// EngineErrors, which words it from the bundles

	static final String DECIMAL_EXPECTED = "INVALID_DECIMAL";

	static final String DECIMAL_TOO_PRECISE = "TOO_PRECISE.decimal";

	static final String DECIMAL_OUT_OF_RANGE = "OUT_OF_RANGE.decimal";

	static final String DATE_EXPECTED = "INVALID_DATE";

	static final String DATE_OUT_OF_RANGE = "INVALID_DATE.range";

	static final String DATE_TIME_EXPECTED = "INVALID_DATE_TIME";

	private static final Pattern MARKER = Pattern.compile(
			"(?:^|: |- )(INVALID_DECIMAL|TOO_PRECISE\\.decimal|OUT_OF_RANGE\\.decimal|INVALID_DATE_TIME|INVALID_DATE\\.range|INVALID_DATE)$");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,10})?");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private InputScalars() {
	}

	/**
	 * The refusal an error's message carries, worded for the argument or variable
	 * {@code where}, or {@code null} when it carries none.
	 */
	public static ErrorMessage refusalIn(String errorMessage, String where) {
		Matcher marker = (errorMessage != null) ? MARKER.matcher(errorMessage) : null;
		if (marker == null || !marker.find()) {
			return null;
		}
		return switch (marker.group(1)) {
			case DECIMAL_EXPECTED -> ErrorMessage.of(ErrorCode.INVALID_DECIMAL, where);
			case DECIMAL_TOO_PRECISE -> ErrorMessage.detailed(ErrorCode.TOO_PRECISE, "decimal", where);
			case DECIMAL_OUT_OF_RANGE -> ErrorMessage.detailed(ErrorCode.OUT_OF_RANGE, "decimal", where);
			case DATE_OUT_OF_RANGE -> ErrorMessage.detailed(ErrorCode.INVALID_DATE, "range", where);
			case DATE_TIME_EXPECTED -> ErrorMessage.of(ErrorCode.INVALID_DATE_TIME, where);
			default -> ErrorMessage.of(ErrorCode.INVALID_DATE, where);
		};
	}

	/** A decimal from a variable's value: a JSON number or a string. */
	static BigDecimal decimal(Object input) {
		if (input instanceof BigDecimal decimal) {
			return storable(decimal);
		}
		if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
			return BigDecimal.valueOf(((Number) input).longValue());
		}
		if (input instanceof BigInteger integer) {
			if (integer.bitLength() > 1000) {
				throw refusal(DECIMAL_TOO_PRECISE);
			}
			return storable(new BigDecimal(integer));
		}
		if (input instanceof Double || input instanceof Float) {
			double value = ((Number) input).doubleValue();
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				throw refusal(DECIMAL_OUT_OF_RANGE);
			}
			return storable(BigDecimal.valueOf(value));
		}
		if (input instanceof String text) {
			return decimal(text);
		}
		throw refusal(DECIMAL_EXPECTED);
	}

	/** A decimal from a literal in the document. */
	static BigDecimal decimalLiteral(Value<?> input) {
		if (input instanceof StringValue text) {
			return decimal(text.getValue());
		}
		if (input instanceof IntValue integer) {
			return decimal(integer.getValue());
		}
		if (input instanceof FloatValue number) {
			return storable(number.getValue());
		}
		throw refusal(DECIMAL_EXPECTED);
	}

	private static BigDecimal decimal(String text) {
		String trimmed = text.strip();
		if (trimmed.length() > MAX_DECIMAL_CHARACTERS) {
			throw refusal(onlyDigits(trimmed) ? DECIMAL_TOO_PRECISE : DECIMAL_EXPECTED);
		}
		if (!DECIMAL.matcher(trimmed).matches()) {
			// an exponent of more than ten digits is out of range, not malformed
			throw refusal(DECIMAL.matcher(trimmed.replaceFirst("([eE][+-]?)\\d{11,}$", "$11")).matches()
					? DECIMAL_OUT_OF_RANGE : DECIMAL_EXPECTED);
		}
		BigDecimal value;
		try {
			value = new BigDecimal(trimmed);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// an exponent beyond what BigDecimal itself holds
			throw refusal(DECIMAL_OUT_OF_RANGE);
		}
		return storable(value);
	}

	private static boolean onlyDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The value itself when Decimal128 holds it exactly; MongoDB's own conversion
	 * decides, so the rule is the store's.
	 */
	static BigDecimal storable(BigDecimal value) {
		if (value.signum() == 0) {
			return BigDecimal.ZERO;
		}
		// checked first, so that the conversion below never works on a huge number
		if (value.precision() > 34) {
			BigDecimal stripped = value.stripTrailingZeros();
			if (stripped.precision() > 34) {
				throw refusal(DECIMAL_TOO_PRECISE);
			}
		}
		long exponent = (long) value.precision() - value.scale() - 1;
		if (exponent > 6144 || exponent < -6176 - 34) {
			throw refusal(DECIMAL_OUT_OF_RANGE);
		}
		try {
			new Decimal128(value);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw refusal((value.stripTrailingZeros().precision() > 34) ? DECIMAL_TOO_PRECISE : DECIMAL_OUT_OF_RANGE);
		}
		return value;
	}

	/** A date from a variable's value or a literal's text. */
	static LocalDate date(Object input) {
		if (input instanceof LocalDate date) {
			return inRange(date);
		}
		if (!(input instanceof String text) || !DATE.matcher(text).matches()) {
			throw refusal(DATE_EXPECTED);
		}
		try {
			return inRange(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
		}
		catch (DateTimeException ex) {
			throw refusal(DATE_EXPECTED);
		}
	}

	static LocalDate dateLiteral(Value<?> input) {
		if (input instanceof StringValue text) {
			return date(text.getValue());
		}
		throw refusal(DATE_EXPECTED);
	}

	private static LocalDate inRange(LocalDate date) {
		if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
			throw refusal(DATE_OUT_OF_RANGE);
		}
		return date;
	}

	/** A date and time with offset; its text is short, so parsing it is cheap. */
	static OffsetDateTime dateTime(Object input) {
		if (input instanceof OffsetDateTime value) {
			return dateTimeInRange(value);
		}
		if (!(input instanceof String text) || text.length() > 64) {
			throw refusal(DATE_TIME_EXPECTED);
		}
		try {
			return dateTimeInRange(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		}
		catch (DateTimeException ex) {
			throw refusal(DATE_TIME_EXPECTED);
		}
	}

	static OffsetDateTime dateTimeLiteral(Value<?> input) {
		if (input instanceof StringValue text) {
			return dateTime(text.getValue());
		}
		throw refusal(DATE_TIME_EXPECTED);
	}

	private static OffsetDateTime dateTimeInRange(OffsetDateTime value) {
		if (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR) {
			throw refusal(DATE_TIME_EXPECTED);
		}
		return value;
	}

	/**
	 * graphql-java turns this into a variable error or a validation error; the marker is
	 * kept in its message and found again there ({@link #refusalIn}).
	 */
	static CoercingParseValueException refusal(String marker) {
		return CoercingParseValueException.newCoercingParseValueException()
			.message(marker)
			.extensions(Map.of("code", marker.split("\\.")[0]))
			.build();
	}

}
