package gov.shaoxing.investment.security;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Limits sign-in guessing, whatever the general rate limit says: each username and each
 * client address may fail {@code investment.security.login-attempts} times, regained
 * evenly over {@code login-window} (15 minutes), after which attempts are refused with
 * {@code TOO_MANY_SIGN_IN_ATTEMPTS} and a retry delay, without checking the password. An
 * attempt takes one try from both buckets first, so racing guesses cannot slip past the
 * count; a successful sign-in gives them back. Counts are per instance.
 */
final class SignInAttempts {

	/** Bounds the memory a flood of made-up usernames can take. */
	private static final int MAX_TRACKED = 100_000;

	private final int attempts;

	private final Duration window;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets;

	SignInAttempts(int attempts, Duration window, TimeMeter time) {
		this.attempts = attempts;
		this.window = window;
		this.time = time;
		// a bucket left alone for a whole window is full again, the same as a new one
		this.buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(window).build();
	}

	/** One attempt by this username from this address. */
	interface Attempt {

		/** The password was right: the attempt does not count. */
		void succeeded();

	}

	/**
	 * Takes one try for the username and one for the address, or refuses the attempt.
	 */
	Attempt begin(String username, String address) {
		Bucket user = bucket("user:" + username.toLowerCase(Locale.ROOT));
		Bucket client = bucket("address:" + address);
		ConsumptionProbe byUser = user.tryConsumeAndReturnRemaining(1);
		if (!byUser.isConsumed()) {
			throw refused(byUser.getNanosToWaitForRefill());
		}
		ConsumptionProbe byClient = client.tryConsumeAndReturnRemaining(1);
		if (!byClient.isConsumed()) {
			user.addTokens(1);
			throw refused(byClient.getNanosToWaitForRefill());
		}
		return () -> {
			user.addTokens(1);
			client.addTokens(1);
		};
	}

	private Bucket bucket(String key) {
		return this.buckets.get(key,
				(k) -> Bucket.builder()
					.withCustomTimePrecision(this.time)
					.addLimit((limit) -> limit.capacity(this.attempts).refillGreedy(this.attempts, this.window))
					.build());
	}

	private ApiException refused(long nanosToWait) {
		long seconds = Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1);
		return new ApiException(ErrorCode.TOO_MANY_SIGN_IN_ATTEMPTS, null, this.attempts, this.window.toMinutes(),
				seconds)
			.with("retryAfterSeconds", seconds);
	}

}
