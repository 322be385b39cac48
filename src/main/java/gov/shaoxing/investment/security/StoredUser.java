package gov.shaoxing.investment.security;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user an admin created through the API (the embedded issuer's own user store, beside
 * the configured users). The password is kept only as a BCrypt hash; a disabled user
 * cannot sign in. {@code tokenVersion} goes into every token issued to the user and is
 * raised when the user is disabled or their password, role or scope changes, which
 * revokes the tokens issued before.
 */
@Document("users")
public record StoredUser(@Id String username, String passwordHash, Role role, String departmentCode,
		List<String> districtCodes, boolean enabled, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy, Integer tokenVersion) {

	public StoredUser {
		districtCodes = districtCodes == null ? List.of() : List.copyOf(districtCodes);
		tokenVersion = tokenVersion == null ? 0 : tokenVersion;
	}

	SecurityProperties.User asUser() {
		return new SecurityProperties.User(this.username, this.passwordHash, this.role, this.departmentCode,
				this.districtCodes);
	}

	/** What the audit log may keep: everything but the hash. */
	public UserView view(UserSource source) {
		return new UserView(this.username, this.role, this.departmentCode, this.districtCodes, this.enabled, source,
				this.createdAt, this.updatedAt);
	}

	/** Where a user is defined. */
	public enum UserSource {

		CONFIGURATION, DEMO, SERVICE

	}

	/** A user as the API shows it: never the password hash. */
	public record UserView(String username, Role role, String departmentCode, List<String> districtCodes,
			boolean enabled, UserSource source, Instant createdAt, Instant updatedAt) {
	}

}
