package gov.shaoxing.investment.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings. With {@code issuerUri} (from {@code OIDC_ISSUER_URI}) an OIDC
 * provider issues the tokens; without it the service signs its own for the configured
 * users and, unless {@code demoUsers} is off, one demo user per role whose password is
 * {@code demo}.
 *
 * @param clockSkew how far past its expiry (or before its start) a token is still
 * accepted, for clocks that differ between issuer and service
 * @param loginAttempts failed sign-ins per username, and per client address, within
 * {@code loginWindow} before further attempts are refused
 * @param loginWindow the period over which failed sign-ins are counted
 * @param signingKey the embedded issuer's key; when not configured it is kept in the data
 * directory
 */
@ConfigurationProperties("investment.security")
public record SecurityProperties(String issuerUri, Boolean demoUsers, Duration tokenLifetime, List<User> users,
		Duration clockSkew, Integer loginAttempts, Duration loginWindow, SigningKey signingKey) {

	public SecurityProperties {
		demoUsers = demoUsers == null || demoUsers;
		tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
		users = users == null ? List.of() : users;
		clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
		loginAttempts = loginAttempts == null ? 10 : loginAttempts;
		loginWindow = loginWindow == null ? Duration.ofMinutes(15) : loginWindow;
		signingKey = signingKey == null ? new SigningKey(null, null, null, null, List.of()) : signingKey;
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

	/**
	 * Where the embedded issuer's RSA key comes from: a PEM file ({@code location}) or a
	 * PKCS#12/JKS keystore ({@code keystore}, {@code keystorePassword}, {@code alias}).
	 * Neither set: a key kept in the data directory ({@code signing-key.pem}), made on
	 * the first start. {@code previous} lists PEM files of keys that still verify tokens
	 * but no longer sign them, for rotation.
	 */
	public record SigningKey(String location, String keystore, String keystorePassword, String alias,
			List<String> previous) {

		public SigningKey {
			previous = previous == null ? List.of() : previous;
		}

		boolean configured() {
			return hasText(this.location) || hasText(this.keystore);
		}

		private static boolean hasText(String value) {
			return value != null && !value.isBlank();
		}

	}

}
