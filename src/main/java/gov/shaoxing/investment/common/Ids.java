package gov.shaoxing.investment.common;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered string ids ({@code R20120315083000123-00002A9C1F}): sorting by id sorts by
 * creation time, which is what feeds page on, on any store.
 */
public final class Ids {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Orders ids made in the same millisecond by this process; the random part tells
	 * processes apart.
	 */
	private static final AtomicLong COUNTER = new AtomicLong();

	private static final String PROCESS = String.format("%04X", RANDOM.nextInt(0x10000));

	private Ids() {
	}

	public static String next(String prefix) {
		return next(prefix, Instant.now());
	}

	public static String next(String prefix, Instant at) {
		return prefix + STAMP.format(at) + "-" + String.format("%06X", COUNTER.incrementAndGet() & 0xFFFFFF) + PROCESS;
	}

}
