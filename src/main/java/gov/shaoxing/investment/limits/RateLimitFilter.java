package gov.shaoxing.investment.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gov.shaoxing.investment.common.ClientAddress;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.ErrorRenderer;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client in front of the GraphQL endpoint, ahead of sign-in: a request
 * with a bearer token that verifies counts against its user (one bucket however many
 * tokens the user holds), every other request against its client address. A made-up,
 * expired or revoked token, or any other {@code Authorization} header, gets no bucket of
 * its own. Over the limit the answer is a 429 with {@code Retry-After} and a
 * GraphQL-shaped body.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final LimitsProperties.Rate rate;

	private final TimeMeter time;

	private final JwtDecoder tokens;

	private final BearerTokenResolver bearer = new DefaultBearerTokenResolver();

	private final Cache<String, Bucket> buckets;

	private final ErrorRenderer errors;

	RateLimitFilter(LimitsProperties.Rate rate, TimeMeter time, JwtDecoder tokens, ErrorRenderer errors) {
		this.rate = rate;
		this.errors = errors;
		this.time = time;
		this.tokens = tokens;
		// an untouched bucket is full again after this long, the same as a new one
		Duration refill = Duration.ofNanos((long) Math.ceil(rate.capacity() / rate.refillPerSecond() * 1e9));
		this.buckets = Caffeine.newBuilder().maximumSize(rate.maxClients()).expireAfterAccess(refill).build();
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
		String user = verifiedUser(request);
		if (user != null) {
			return "user:" + user;
		}
		return "ip:" + ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
				this.rate.trustForwardedFor());
	}

	/**
	 * The subject of a bearer token that verifies (the decoder remembers verified tokens,
	 * so this is a lookup for a token seen before), else null.
	 */
	private String verifiedUser(HttpServletRequest request) {
		try {
			String token = this.bearer.resolve(request);
			return token == null ? null : StringUtils.trimWhitespace(this.tokens.decode(token).getSubject());
		}
		catch (JwtException | OAuth2AuthenticationException ex) {
			return null;
		}
	}

	/**
	 * Takes one token for the client; 0 when granted, otherwise the whole seconds until
	 * one is available.
	 */
	long take(String key) {
		ConsumptionProbe probe = this.buckets.get(key, (k) -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return 0;
		}
		return Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
	}

	private Bucket newBucket() {
		long capacity = this.rate.capacity();
		// refill in whole tokens over the period they take at the configured rate
		long periodNanos = (long) Math.ceil(capacity / this.rate.refillPerSecond() * 1e9);
		return Bucket.builder()
			.withCustomTimePrecision(this.time)
			.addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofNanos(periodNanos)))
			.build();
	}

	long clients() {
		return this.buckets.estimatedSize();
	}

}
