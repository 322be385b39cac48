package gov.shaoxing.investment.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The embedded issuer: signs RS256 tokens with a key made at start-up (so tokens do not
 * outlive a restart) and validates them. Production uses an OIDC provider instead.
 */
public final class TokenIssuer {

	static final String ISSUER = "urn:shaoxing-investment:embedded";

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Clock clock;

	TokenIssuer() {
		// real time, not the application's (possibly pinned) clock: validators check
		// expiry against real time
		this.clock = Clock.systemUTC();
		KeyPair keys;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			keys = generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
		decoder.setJwtValidator(org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(ISSUER));
		this.decoder = decoder;
	}

	JwtDecoder decoder() {
		return this.decoder;
	}

	/** A signed token and when it expires. */
	public record Token(String value, Instant expiresAt) {
	}

	public Token issue(SecurityProperties.User user, java.time.Duration lifetime) {
		return issue(user, this.clock.instant(), lifetime);
	}

	public Token issue(SecurityProperties.User user, java.time.Duration lifetime, Integer tokenVersion) {
		return issue(user, this.clock.instant(), lifetime, tokenVersion);
	}

	/** A token issued at a given instant; tests use it to make expired tokens. */
	public Token issue(SecurityProperties.User user, Instant now, java.time.Duration lifetime) {
		return issue(user, now, lifetime, null);
	}

	/**
	 * A token for a user created through the API carries its token version, so changing
	 * the user revokes it.
	 */
	public Token issue(SecurityProperties.User user, Instant now, java.time.Duration lifetime, Integer tokenVersion) {
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
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
		return new Token(value, expires);
	}

}
