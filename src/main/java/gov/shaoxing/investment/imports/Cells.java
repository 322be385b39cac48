package gov.shaoxing.investment.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads the values people type into spreadsheets: full-width characters (１２３, ，), amounts
 * with units and thousands separators ("5亿", "5000万", "5,000.00"), dates as text
 * (2012-03-29, 2012/3/29, 2012年3月29日) or Excel serial numbers, and yes/no in Chinese or
 * English. A value that cannot be read throws {@link BadCell} with a stable code.
 */
final class Cells {

	private static final Pattern AMOUNT = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(亿元|亿|万元|万|元)?");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");

	private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");

	private Cells() {
	}

	/** A cell that does not hold a value of its column's kind. */
	static final class BadCell extends RuntimeException {

		private final ErrorMessage error;

		BadCell(ErrorMessage error) {
			super(error.code().name(), null, false, false);
			this.error = error;
		}

		ErrorMessage error() {
			return this.error;
		}

	}

	/**
	 * Full-width letters, digits and punctuation as their ASCII forms, trimmed
	 * (ideographic spaces included); null when blank.
	 */
	static String normalised(String raw) {
		if (raw == null) {
			return null;
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('\u00a0', ' ').strip();
		return s.isEmpty() ? null : s;
	}

	/**
	 * Text as typed, trimmed; null when blank. Full-width characters are kept in text.
	 */
	static String text(String raw) {
		if (raw == null) {
			return null;
		}
		String s = raw.replace('\u3000', ' ').strip();
		return s.isEmpty() ? null : s;
	}

	/**
	 * An amount in 亿元: a plain number is taken as 亿元; "万" and "元" suffixes are converted.
	 * Thousands separators are dropped.
	 */
	static BigDecimal yi(String raw) {
		String s = normalised(raw);
		if (s == null) {
			return null;
		}
		Matcher m = AMOUNT.matcher(s.replace(",", "").replace(" ", ""));
		if (!m.matches()) {
			throw new BadCell(ErrorCode.INVALID_AMOUNT.message(raw));
		}
		BigDecimal value = new BigDecimal(m.group(1));
		String unit = m.group(2);
		if (unit == null || unit.startsWith("亿")) {
			return value;
		}
		return unit.startsWith("万") ? value.movePointLeft(4).stripTrailingZeros()
				: value.movePointLeft(8).stripTrailingZeros();
	}

	/** A plain decimal (percentages, coordinates), thousands separators and % dropped. */
	static BigDecimal decimal(String raw) {
		String s = normalised(raw);
		if (s == null) {
			return null;
		}
		try {
			return new BigDecimal(s.replace(",", "").replace("%", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new BadCell(ErrorCode.INVALID_NUMBER.message(raw));
		}
	}

	static Integer integer(String raw) {
		BigDecimal d = decimal(raw);
		if (d == null) {
			return null;
		}
		try {
			return d.intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new BadCell(ErrorMessage.detailed(ErrorCode.INVALID_NUMBER, "whole", raw));
		}
	}

	/** A date as text in the usual Chinese forms, or an Excel serial number. */
	static LocalDate date(String raw) {
		String s = normalised(raw);
		if (s == null) {
			return null;
		}
		Matcher m = DATE.matcher(s);
		try {
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			if (SERIAL.matcher(s).matches()) {
				double serial = Double.parseDouble(s);
				if (serial >= 1 && serial < 2958466) {
					return DateUtil.getLocalDateTime(serial).toLocalDate();
				}
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			// falls through to the refusal
		}
		throw new BadCell(ErrorMessage.detailed(ErrorCode.INVALID_DATE, "cell", raw));
	}

	/** 是/否, Y/N, true/false, 1/0. */
	static Boolean yesNo(String raw) {
		String s = normalised(raw);
		if (s == null) {
			return null;
		}
		return switch (s.toLowerCase(Locale.ROOT)) {
			case "是", "y", "yes", "true", "1", "√" -> true;
			case "否", "n", "no", "false", "0", "×" -> false;
			default -> throw new BadCell(ErrorCode.INVALID_BOOLEAN.message(raw));
		};
	}

	/** An enum value by its name (NEW) or its Chinese label (新建). */
	static <E extends Enum<E>> E choice(String raw, Class<E> type, Function<E, String> label) {
		String s = normalised(raw);
		if (s == null) {
			return null;
		}
		for (E e : type.getEnumConstants()) {
			if (e.name().equalsIgnoreCase(s) || s.equals(label.apply(e))) {
				return e;
			}
		}
		StringBuilder allowed = new StringBuilder();
		for (E e : type.getEnumConstants()) {
			allowed.append(allowed.isEmpty() ? "" : ", ")
				.append(label.apply(e))
				.append(" (")
				.append(e.name())
				.append(')');
		}
		throw new BadCell(ErrorCode.INVALID_CHOICE.message(raw, allowed));
	}

}
