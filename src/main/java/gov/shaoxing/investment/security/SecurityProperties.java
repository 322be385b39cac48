package gov.shaoxing.investment.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings. With {@code issuerUri} (from {@code OIDC_ISSUER_URI}) an OIDC
 * provider issues the tokens; without it the service signs its own for the configured
 * users and, unless {@code demoUsers} is off, one demo user per role whose password is
 * {@code demo}.
 */
@ConfigurationProperties("investment.security")
public record SecurityProperties(String issuerUri, Boolean demoUsers, Duration tokenLifetime, List<User> users) {

	public SecurityProperties {
		demoUsers = demoUsers == null || demoUsers;
		tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
		users = users == null ? List.of() : users;
	}

	public boolean embeddedIssuer() {
		return this.issuerUri == null || this.issuerUri.isBlank();
	}

	/**
	 * A configured user: the password as a BCrypt hash ({@code {bcrypt}$2a$...} or plain
	 * {@code $2a$...}).
	 */
	public record User(String username, String passwordHash, Role role, String departmentCode,
			List<String> districtCodes) {
	}

}
