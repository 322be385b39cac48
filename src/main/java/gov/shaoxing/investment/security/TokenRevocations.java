package gov.shaoxing.investment.security;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.EventType;
import jakarta.annotation.PostConstruct;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Refuses tokens of users created through the API once they are disabled, removed, or
 * changed (password, role, scope): such a token carries the user's token version, and a
 * lower version than the stored one is revoked. The versions are held in memory (a small
 * collection) and re-read when any instance changes a user.
 */
@Component
public class TokenRevocations {

	/** The claim with the user's token version; absent for configured and demo users. */
	public static final String VERSION_CLAIM = "uv";

	private static final int DISABLED = Integer.MAX_VALUE;

	private final MongoTemplate mongo;

	private final ChangeFeed feed;

	private volatile Map<String, Integer> versions;

	/** Bumped by every change, so a snapshot read while a user changed is not kept. */
	private final AtomicLong generation = new AtomicLong();

	TokenRevocations(MongoTemplate mongo, ChangeFeed feed) {
		this.mongo = mongo;
		this.feed = feed;
	}

	@PostConstruct
	void follow() {
		this.feed.follow(java.util.Set.of(EventType.USER_CHANGED), this::invalidate);
	}

	void invalidate() {
		this.generation.incrementAndGet();
		this.versions = null;
	}

	boolean revoked(Jwt jwt) {
		Object claim = jwt.getClaims().get(VERSION_CLAIM);
		if (!(claim instanceof Number issued)) {
			return false;
		}
		Integer current = versions().get(jwt.getSubject());
		if (current == null) {
			// a user created on another instance whose event has not arrived yet
			StoredUser user = this.mongo.findById(jwt.getSubject(), StoredUser.class);
			current = user == null ? DISABLED : version(user);
		}
		return current == DISABLED || current > issued.intValue();
	}

	private static int version(StoredUser user) {
		return user.enabled() ? user.tokenVersion() : DISABLED;
	}

	/** Every stored user's current version; disabled users have {@link #DISABLED}. */
	private Map<String, Integer> versions() {
		Map<String, Integer> current = this.versions;
		if (current == null) {
			long loading = this.generation.get();
			current = this.mongo.findAll(StoredUser.class)
				.stream()
				.collect(Collectors.toUnmodifiableMap(StoredUser::username, TokenRevocations::version));
			if (this.generation.get() == loading) {
				this.versions = current;
			}
		}
		return current;
	}

	/**
	 * The decoder with revoked tokens refused like forged ones (HTTP 401,
	 * {@code INVALID_TOKEN}).
	 */
	JwtDecoder checking(JwtDecoder decoder) {
		return (token) -> {
			Jwt jwt = decoder.decode(token);
			if (revoked(jwt)) {
				throw new BadJwtException("The token was revoked.");
			}
			return jwt;
		};
	}

}
