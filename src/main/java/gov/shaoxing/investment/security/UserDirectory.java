package gov.shaoxing.investment.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The users the embedded issuer signs tokens for: those configured, plus one demo user
 * per role (named after the role in lower case, password {@code demo}) unless demo users
 * are turned off. Passwords are kept as BCrypt hashes.
 */
@Component
public class UserDirectory {

	/** Longest password accepted at sign-in and when setting one. */
	public static final int MAX_PASSWORD = 128;

	private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

	/**
	 * A hash that never matches, compared against for unknown users so timing does not
	 * reveal who exists.
	 */
	private static final String NO_USER = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z6kWJ5Fs3lbS8ZlWZ1Yd1N2K";

	private final PasswordEncoder encoder = new BCryptPasswordEncoder();

	private final Map<String, SecurityProperties.User> users = new LinkedHashMap<>();

	private final Map<String, StoredUser.UserSource> sources = new LinkedHashMap<>();

	private final MongoTemplate mongo;

	UserDirectory(SecurityProperties properties, MongoTemplate mongo) {
		this.mongo = mongo;
		if (properties.embeddedIssuer() && properties.demoUsers()) {
			String hash = this.encoder.encode("demo");
			demo(hash, Role.ADMIN, null, List.of());
			demo(hash, Role.CITY_SUPERVISOR, "CYTZB", List.of());
			demo(hash, Role.DEPARTMENT_OFFICER, "JXW", List.of());
			demo(hash, Role.DISTRICT_OFFICER, null, List.of("ZHUJI"));
			demo(hash, Role.INSPECTOR, null, List.of("ZHUJI", "SHANGYU"));
			demo(hash, Role.ANALYST, null, List.of());
			log.warn("Demo users are ON: admin, city_supervisor, department_officer, district_officer, inspector and "
					+ "analyst, all with the password 'demo'. Set investment.security.demo-users=false in production.");
		}
		for (SecurityProperties.User u : properties.users()) {
			this.users.put(u.username(), u);
			this.sources.put(u.username(), StoredUser.UserSource.CONFIGURATION);
		}
	}

	private void demo(String hash, Role role, String department, List<String> districts) {
		String name = role.name().toLowerCase(Locale.ROOT);
		this.users.put(name, new SecurityProperties.User(name, hash, role, department, districts));
		this.sources.put(name, StoredUser.UserSource.DEMO);
	}

	/**
	 * The user, if the password is right: a configured user, or else an enabled user
	 * created through the API. Every attempt costs one BCrypt check, so timing does not
	 * reveal who exists.
	 */
	public Optional<SignIn> authenticate(String username, String password) {
		SecurityProperties.User user = username == null ? null : this.users.get(username);
		Integer tokenVersion = null;
		if (user == null && username != null) {
			StoredUser stored = this.mongo.findById(username, StoredUser.class);
			user = stored != null && stored.enabled() ? stored.asUser() : null;
			tokenVersion = stored == null ? null : stored.tokenVersion();
		}
		String hash = user == null ? NO_USER : stripPrefix(user.passwordHash());
		boolean matches = password != null && this.encoder.matches(password, hash);
		return user != null && matches ? Optional.of(new SignIn(user, tokenVersion)) : Optional.empty();
	}

	private static String stripPrefix(String hash) {
		return hash != null && hash.startsWith("{bcrypt}") ? hash.substring("{bcrypt}".length()) : hash;
	}

	/** The configured and demo users. */
	public List<SecurityProperties.User> all() {
		return List.copyOf(this.users.values());
	}

	/**
	 * A successful sign-in: the user and, for users created through the API, their
	 * current token version.
	 */
	public record SignIn(SecurityProperties.User user, Integer tokenVersion) {
	}

	/**
	 * Whether the name belongs to a configured or demo user, which only configuration
	 * changes.
	 */
	public boolean configured(String username) {
		return this.users.containsKey(username);
	}

	public StoredUser.UserSource sourceOf(String username) {
		return this.sources.get(username);
	}

	public String hash(String password) {
		return this.encoder.encode(password);
	}

}
