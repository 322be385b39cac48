package gov.shaoxing.investment.security;

import java.time.Instant;
import java.util.List;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import graphql.GraphQLContext;
import io.github.bucket4j.TimeMeter;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code login} and {@code me}: the embedded issuer's sign-in, limited against guessing.
 */
@Controller
class SignInController {

	static final int MAX_USERNAME = 64;

	static final int MAX_PASSWORD = UserDirectory.MAX_PASSWORD;

	private final UserDirectory users;

	private final TokenIssuer issuer;

	private final SecurityProperties properties;

	private final SignInAttempts attempts;

	SignInController(UserDirectory users, TokenIssuer issuer, SecurityProperties properties) {
		this.users = users;
		this.issuer = issuer;
		this.properties = properties;
		this.attempts = new SignInAttempts(properties.loginAttempts(), properties.loginWindow(),
				TimeMeter.SYSTEM_NANOTIME);
	}

	@MutationMapping
	LoginPayload login(@Argument String username, @Argument String password, GraphQLContext context) {
		if (!this.properties.embeddedIssuer()) {
			throw ApiException.detailed(ErrorCode.FORBIDDEN, "identityProvider", null);
		}
		String name = username == null ? "" : username.strip();
		String address = context.getOrDefault(ClientAddressInterceptor.KEY, "unknown");
		SignInAttempts.Attempt attempt = this.attempts
			.begin(name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) : name, address);
		if (name.isEmpty() || name.length() > MAX_USERNAME || password == null || password.length() > MAX_PASSWORD) {
			throw ApiException.detailed(ErrorCode.UNAUTHENTICATED, "credentials", null);
		}
		UserDirectory.SignIn signIn = this.users.authenticate(name, password).orElse(null);
		if (signIn == null) {
			throw ApiException.detailed(ErrorCode.UNAUTHENTICATED, "credentials", null);
		}
		attempt.succeeded();
		SecurityProperties.User user = signIn.user();
		TokenIssuer.Token token = this.issuer.issue(user, this.properties.tokenLifetime(), signIn.tokenVersion());
		return new LoginPayload(token.value(), token.expiresAt(), user.role(), user.departmentCode(),
				user.districtCodes() == null ? List.of() : user.districtCodes());
	}

	@QueryMapping
	Actor me() {
		Actor actor = CurrentActor.get();
		return actor.signedIn() ? actor : null;
	}

	/** Result of {@code login}. */
	record LoginPayload(String token, Instant expiresAt, Role role, String departmentCode, List<String> districtCodes) {
	}

}
