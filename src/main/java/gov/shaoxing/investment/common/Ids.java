package gov.shaoxing.investment.common;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Time-ordered string ids ({@code R20120315083000123-4F2A9C}): sorting by id sorts by creation time, which is what
 * feeds page on, on any store.
 */
public final class Ids {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static String next(String prefix) {
		return next(prefix, Instant.now());
	}

	public static String next(String prefix, Instant at) {
		return prefix + STAMP.format(at) + "-" + String.format("%08X", RANDOM.nextInt());
	}

}
