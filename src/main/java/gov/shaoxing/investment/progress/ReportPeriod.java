package gov.shaoxing.investment.progress;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A half-month reporting period: the 1st–15th ({@code half} 1) or the 16th–end
 * ({@code half} 2) of a month.
 */
public record ReportPeriod(int year, int month, int half) implements Comparable<ReportPeriod> {

	public static boolean isValid(Integer year, Integer month, Integer half) {
		return year != null && month != null && half != null && month >= 1 && month <= 12 && (half == 1 || half == 2)
				&& year >= 2000 && year <= 2100;
	}

	/** Sortable key, for example {@code 2012-03-2}. */
	public String key() {
		// hot in bulletins over many projects: no String.format
		return this.year + (this.month < 10 ? "-0" : "-") + this.month + "-" + this.half;
	}

	public static ReportPeriod parse(String key) {
		return new ReportPeriod(
				(key.charAt(0) - '0') * 1000 + (key.charAt(1) - '0') * 100 + (key.charAt(2) - '0') * 10
						+ (key.charAt(3) - '0'),
				(key.charAt(5) - '0') * 10 + (key.charAt(6) - '0'), key.charAt(8) - '0');
	}

	public LocalDate start() {
		return LocalDate.of(this.year, this.month, this.half == 1 ? 1 : 16);
	}

	public LocalDate end() {
		return this.half == 1 ? LocalDate.of(this.year, this.month, 15)
				: YearMonth.of(this.year, this.month).atEndOfMonth();
	}

	/** Ordinal within the year, 1 to 24. */
	public int index() {
		return (this.month - 1) * 2 + this.half;
	}

	/** How many of the year's 24 periods have ended on or before {@code day}. */
	public static int endedBy(int year, LocalDate day) {
		if (day.getYear() < year) {
			return 0;
		}
		if (day.getYear() > year) {
			return 24;
		}
		int count = 0;
		for (int m = 1; m <= 12; m++) {
			for (int h = 1; h <= 2; h++) {
				if (!new ReportPeriod(year, m, h).end().isAfter(day)) {
					count++;
				}
			}
		}
		return count;
	}

	@Override
	public int compareTo(ReportPeriod other) {
		int c = Integer.compare(this.year, other.year);
		return c != 0 ? c : Integer.compare(index(), other.index());
	}

}
