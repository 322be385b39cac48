package gov.shaoxing.investment.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once and then remembered, but never past its expiry. */
class CachingJwtDecoderTests {

	static final Instant ISSUED = Instant.parse("2012-09-01T08:00:00Z");

	static final Instant EXPIRES = ISSUED.plus(Duration.ofHours(8));

	/** A clock tests move by hand. */
	static final class Hands extends Clock {

		Instant now = ISSUED;

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	/**
	 * Stands in for the real decoder: counts its calls and, as it does, refuses a token
	 * once it has expired.
	 */
	static final class Verifier implements JwtDecoder {

		final Hands clock;

		final AtomicInteger calls = new AtomicInteger();

		Verifier(Hands clock) {
			this.clock = clock;
		}

		@Override
		public Jwt decode(String token) {
			this.calls.incrementAndGet();
			if (token.startsWith("forged")) {
				throw new JwtValidationException("bad signature", List.of(new OAuth2Error("invalid_token")));
			}
			Instant expires = token.startsWith("no-exp") ? null : EXPIRES;
			if (expires != null && !this.clock.instant().isBefore(expires)) {
				throw new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token")));
			}
			return Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("analyst")
				.issuedAt(ISSUED)
				.expiresAt(expires)
				.build();
		}

	}

	Hands clock = new Hands();

	Verifier verifier = new Verifier(this.clock);

	CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, this.clock);

	@Test
	void aTokenSentAgainIsNotVerifiedAgain() {
		Jwt first = this.decoder.decode("token-a");
		this.clock.now = ISSUED.plus(Duration.ofHours(1));
		Jwt second = this.decoder.decode("token-a");
		assertThat(second).isSameAs(first);
		assertThat(this.verifier.calls).hasValue(1);
	}

	@Test
	void anExpiredTokenIsRefusedEvenThoughItWasRememberedWhileValid() {
		this.decoder.decode("token-b");
		this.clock.now = EXPIRES;
		assertThatThrownBy(() -> this.decoder.decode("token-b")).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
		assertThat(this.verifier.calls).hasValue(2);
		assertThat(this.decoder.size()).isZero();
	}

	@Test
	void refusedTokensAndTokensWithoutExpiryAreNotRemembered() {
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.decoder.decode("forged-c")).isInstanceOf(JwtValidationException.class);
			this.decoder.decode("no-exp-d");
		}
		assertThat(this.verifier.calls).hasValue(4);
		assertThat(this.decoder.size()).isZero();
	}

	@Test
	void remembersAtMostItsBoundOfTokens() {
		for (int i = 0; i <= CachingJwtDecoder.MAX_TOKENS; i++) {
			this.decoder.decode("token-" + i);
		}
		assertThat(this.decoder.size()).isEqualTo(CachingJwtDecoder.MAX_TOKENS);
		// the least recently used went first
		this.decoder.decode("token-0");
		assertThat(this.verifier.calls).hasValue(CachingJwtDecoder.MAX_TOKENS + 2);
	}

}
