package gov.shaoxing.investment.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The embedded issuer: signs RS256 tokens with its key (see {@link SigningKeys}) and
 * validates them against that key and any previous ones still trusted. A token is valid
 * until its expiry plus the configured clock skew, and no longer. Production uses an OIDC
 * provider instead.
 */
public final class TokenIssuer {

	static final String ISSUER = "urn:shaoxing-investment:embedded";

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Clock clock;

	private final String keyId;

	TokenIssuer(SigningKeys.Keys keys, Duration clockSkew) {
		// real time, not the application's (possibly pinned) clock: validators check
		// expiry against real time
		this.clock = Clock.systemUTC();
		this.keyId = keys.signing().getKeyID();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signing())));
		List<JWK> verifying = keys.verifying().stream().map((k) -> (JWK) k.toPublicJWK()).toList();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(verifying))).build();
		decoder.setJwtValidator(validator(ISSUER, clockSkew));
		this.decoder = decoder;
	}

	/**
	 * The issuer and the token's time window, with the configured skew rather than the
	 * library's default of a minute.
	 */
	static OAuth2TokenValidator<Jwt> validator(String issuer, Duration clockSkew) {
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
				new JwtIssuerValidator(issuer));
	}

	/** The id of the key that signs, its thumbprint. */
	String keyId() {
		return this.keyId;
	}

	JwtDecoder decoder() {
		return this.decoder;
	}

	/** A signed token and when it expires. */
	public record Token(String value, Instant expiresAt) {
	}

	public Token issue(SecurityProperties.User user, Duration lifetime) {
		return issue(user, this.clock.instant(), lifetime);
	}

	public Token issue(SecurityProperties.User user, Duration lifetime, Integer tokenVersion) {
		return issue(user, this.clock.instant(), lifetime, tokenVersion);
	}

	/** A token issued at a given instant; tests use it to make expired tokens. */
	public Token issue(SecurityProperties.User user, Instant now, Duration lifetime) {
		return issue(user, now, lifetime, null);
	}

	/**
	 * A token for a user created through the API carries its token version, so changing
	 * the user revokes it.
	 */
	public Token issue(SecurityProperties.User user, Instant now, Duration lifetime, Integer tokenVersion) {
		Instant expires = now.plus(lifetime);
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(user.username())
			.issuedAt(now)
			.expiresAt(expires)
			.claim("preferred_username", user.username())
			.claim(CurrentActor.ROLE_CLAIM, user.role().name());
		if (tokenVersion != null) {
			claims.claim(TokenRevocations.VERSION_CLAIM, tokenVersion);
		}
		if (user.departmentCode() != null) {
			claims.claim(CurrentActor.DEPARTMENT_CLAIM, user.departmentCode());
		}
		if (user.districtCodes() != null && !user.districtCodes().isEmpty()) {
			claims.claim(CurrentActor.DISTRICTS_CLAIM, user.districtCodes());
		}
		String value = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.keyId).build(),
					claims.build()))
			.getTokenValue();
		return new Token(value, expires);
	}

}
