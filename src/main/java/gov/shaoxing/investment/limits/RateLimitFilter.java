package gov.shaoxing.investment.limits;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.ErrorRenderer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client in front of the GraphQL endpoint: callers with an
 * {@code Authorization} header are told apart by the header's SHA-256 (until tokens are
 * verified, a stand-in for the subject), others by IP address. Over the limit the answer
 * is a 429 with {@code Retry-After} and a GraphQL-shaped body.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final LimitsProperties.Rate rate;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final ErrorRenderer errors;

	RateLimitFilter(LimitsProperties.Rate rate, LongSupplier nanoTime, ErrorRenderer errors) {
		this.rate = rate;
		this.nanoTime = nanoTime;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long waitSeconds = take(clientKey(request));
		if (waitSeconds == 0) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
		ErrorMessage message = ErrorCode.RATE_LIMITED.message(this.rate.capacity(), this.rate.refillPerSecond(),
				waitSeconds);
		this.errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS.value(), this.errors.graphQlBody(message,
				this.errors.messages().locale(request), Map.of("retryAfterSeconds", waitSeconds)));
	}

	String clientKey(HttpServletRequest request) {
		// after the security filters, a valid token has become the user: one bucket per
		// user, however many tokens
		java.security.Principal user = request.getUserPrincipal();
		if (user != null && StringUtils.hasText(user.getName())) {
			return "user:" + user.getName();
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (StringUtils.hasText(authorization)) {
			return "token:" + PersistedQueries.sha256(authorization);
		}
		if (this.rate.trustForwardedFor()) {
			String forwarded = request.getHeader("X-Forwarded-For");
			if (StringUtils.hasText(forwarded)) {
				return "ip:" + forwarded.split(",")[0].trim();
			}
		}
		return "ip:" + request.getRemoteAddr();
	}

	/**
	 * Takes one token for the client; 0 when granted, otherwise the whole seconds until
	 * one is available.
	 */
	long take(String key) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() >= this.rate.maxClients() && !this.buckets.containsKey(key)) {
			forgetIdle(now);
		}
		Bucket bucket = this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.rate.capacity(), now));
		synchronized (bucket) {
			bucket.refill(now, this.rate);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / this.rate.refillPerSecond()));
		}
	}

	int clients() {
		return this.buckets.size();
	}

	/**
	 * A bucket that has refilled is the same as a new one, so it can go; if every client
	 * is active, the oldest half go, which at worst hands those clients a fresh bucket.
	 */
	private void forgetIdle(long now) {
		this.buckets.entrySet().removeIf((entry) -> {
			synchronized (entry.getValue()) {
				entry.getValue().refill(now, this.rate);
				return entry.getValue().tokens >= this.rate.capacity();
			}
		});
		if (this.buckets.size() >= this.rate.maxClients()) {
			long median = this.buckets.values()
				.stream()
				.mapToLong((b) -> b.updated)
				.sorted()
				.skip(this.buckets.size() / 2)
				.findFirst()
				.orElse(now);
			this.buckets.values().removeIf((b) -> b.updated <= median);
		}
	}

	private static final class Bucket {

		double tokens;

		long updated;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updated = now;
		}

		void refill(long now, LimitsProperties.Rate rate) {
			double elapsedSeconds = (now - this.updated) / 1e9;
			if (elapsedSeconds > 0) {
				this.tokens = Math.min(rate.capacity(), this.tokens + elapsedSeconds * rate.refillPerSecond());
				this.updated = now;
			}
		}

	}

}
