package gov.shaoxing.investment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.SecurityProperties;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Signing in for tests: actors for service calls, a security context for in-process
 * testers, tokens for HTTP.
 */
public final class TestSecurity {

	public static final Actor ADMIN = new Actor("admin", Role.ADMIN, null, List.of());

	private TestSecurity() {
	}

	/**
	 * Sets the calling thread's security context, as the resource server would for a
	 * valid token.
	 */
	public static void signIn(Role role, String departmentCode, String... districtCodes) {
		String name = role.name().toLowerCase(Locale.ROOT);
		Jwt.Builder jwt = Jwt.withTokenValue("test-" + name)
			.header("alg", "none")
			.subject(name)
			.claim("preferred_username", name)
			.claim("role", role.name())
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(3600));
		if (departmentCode != null) {
			jwt.claim("department", departmentCode);
		}
		if (districtCodes.length > 0) {
			jwt.claim("districts", List.of(districtCodes));
		}
		SecurityContextHolder.getContext()
			.setAuthentication(new JwtAuthenticationToken(jwt.build(),
					List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
	}

	public static void signInAsAdmin() {
		signIn(Role.ADMIN, null);
	}

	public static void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** A real signed token from the application's embedded issuer. */
	public static String token(TokenIssuer issuer, Role role, String departmentCode, String... districtCodes) {
		return issuer
			.issue(new SecurityProperties.User(role.name().toLowerCase(Locale.ROOT), null, role, departmentCode,
					List.of(districtCodes)), Duration.ofHours(1))
			.value();
	}

	/** graphql-ws: sends the token in the connection_init payload. */
	public static WebSocketGraphQlClientInterceptor webSocketToken(String token) {
		return new WebSocketGraphQlClientInterceptor() {
			@Override
			public Mono<Object> connectionInitPayload() {
				return Mono.just(Map.of("Authorization", "Bearer " + token));
			}
		};
	}

	public static String adminToken(TokenIssuer issuer) {
		return token(issuer, Role.ADMIN, null);
	}

	/**
	 * Signs the test thread in as an admin before each test and out after it, for
	 * in-process testers: {@code @ExtendWith(TestSecurity.SignedInAsAdmin.class)}.
	 */
	public static final class SignedInAsAdmin implements BeforeEachCallback, AfterEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			signInAsAdmin();
		}

		@Override
		public void afterEach(ExtensionContext context) {
			signOut();
		}

	}

}
