package gov.shaoxing.investment.security;

import java.time.Clock;
import java.time.Instant;

import gov.shaoxing.investment.common.BoundedCache;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already decoded and verified, by their exact text, until they expire:
 * dashboards and phones send the same token with every request, and checking its
 * signature and claims again each time (the issuer claim's conversion to a URL alone
 * searches the class path) took several per cent of a small query's CPU. A remembered
 * token is served only while the clock is before its {@code exp}; from then on every
 * request goes to the real decoder, which refuses it. Tokens without {@code exp} are
 * never remembered. Being the same text, a remembered token carries the same signature,
 * so nothing forged can be served from here; the cost is that a key withdrawn at the
 * provider stops its tokens only when they expire (at most
 * {@code investment.security.token-lifetime} for the embedded issuer).
 */
final class CachingJwtDecoder implements JwtDecoder {

	static final int MAX_TOKENS = 10_000;

	// tokens are about a kilobyte; the entry bound is the one that matters
	private static final long MAX_CHARACTERS = 64L * 1024 * 1024;

	private final JwtDecoder decoder;

	private final Clock clock;

	private final BoundedCache<String, Jwt> verified = new BoundedCache<>(MAX_TOKENS, MAX_CHARACTERS);

	CachingJwtDecoder(JwtDecoder decoder, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Instant now = this.clock.instant();
		Jwt known = this.verified.get(token);
		if (known != null) {
			if (now.isBefore(known.getExpiresAt())) {
				return known;
			}
			this.verified.remove(token);
		}
		Jwt jwt = this.decoder.decode(token);
		if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
			if (this.verified.size() >= MAX_TOKENS) {
				// make room from expired tokens before the least recently used valid ones
				this.verified.removeIf((text, decoded) -> !now.isBefore(decoded.getExpiresAt()));
			}
			this.verified.put(token, jwt, token.length());
		}
		return jwt;
	}

	int size() {
		return this.verified.size();
	}

}
