package gov.shaoxing.investment.common;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * The one way this service tries a write again after it lost a race: Spring's
 * {@link RetryTemplate}, retrying only the failures named (a lost race), so that every
 * other failure, an input's problems above all, reaches the caller at once and as it is.
 * Build one per kind of write and keep it; it is safe to share between requests.
 */
public final class Retry {

	private final RetryPolicy policy;

	private final RetryTemplate template;

	private Retry(RetryPolicy policy) {
		this.policy = policy;
		this.template = new RetryTemplate(policy);
	}

	/** Tries again at once, up to {@code attempts} in all, after the given failures. */
	@SafeVarargs
	public static Retry immediately(int attempts, Class<? extends RuntimeException>... retried) {
		return new Retry(policy(attempts, retried).delay(Duration.ZERO).build());
	}

	/**
	 * Tries again after a pause that doubles from a millisecond up to {@code maxPause},
	 * so that many writers of one document spread out instead of colliding again.
	 */
	@SafeVarargs
	public static Retry pausing(int attempts, Duration maxPause, Class<? extends RuntimeException>... retried) {
		return new Retry(
				policy(attempts, retried).delay(Duration.ofMillis(1)).multiplier(2).maxDelay(maxPause).build());
	}

	@SafeVarargs
	private static RetryPolicy.Builder policy(int attempts, Class<? extends RuntimeException>... retried) {
		return RetryPolicy.builder().maxRetries(attempts - 1).includes(retried);
	}

	/**
	 * The result of {@code work}, tried again after the failures this retries; when every
	 * attempt failed so, {@code exhausted}'s failure.
	 */
	public <T> T run(Supplier<T> work, Supplier<? extends RuntimeException> exhausted) {
		try {
			return this.template.execute(work::get);
		}
		catch (RetryException ex) {
			Throwable last = ex.getCause();
			if (last instanceof Error error) {
				throw error;
			}
			if (!this.policy.shouldRetry(last)) {
				// work is a Supplier: whatever it threw is unchecked
				throw (RuntimeException) last;
			}
			if (Thread.currentThread().isInterrupted()) {
				throw ApiException.detailed(ErrorCode.INTERNAL, "interrupted", null);
			}
			throw exhausted.get();
		}
	}

}
