package gov.shaoxing.investment.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.EventType;
import jakarta.annotation.PostConstruct;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

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

	/** Ticks after every user change, for {@link #lost}. */
	private final Sinks.Many<Boolean> changes = Sinks.many().multicast().directBestEffort();

	private final Duration clockSkew;

	TokenRevocations(MongoTemplate mongo, ChangeFeed feed, SecurityProperties properties) {
		this.mongo = mongo;
		this.feed = feed;
		this.clockSkew = properties.clockSkew();
	}

	@PostConstruct
	void follow() {
		this.feed.follow(Set.of(EventType.USER_CHANGED), this::invalidate);
	}

	void invalidate() {
		this.generation.incrementAndGet();
		this.versions = null;
		this.changes.tryEmitNext(Boolean.TRUE);
	}

	/**
	 * Completes when a token verified earlier stops being valid: its user is changed so
	 * that it is revoked, or it expires (plus the clock skew). For what lives longer than
	 * a request, such as a subscription.
	 */
	public Mono<Void> lost(Jwt jwt) {
		Mono<Void> expired = jwt.getExpiresAt() == null ? Mono.never()
				: Mono.delay(positive(Duration.between(Instant.now(), jwt.getExpiresAt().plus(this.clockSkew)))).then();
		if (!(jwt.getClaims().get(VERSION_CLAIM) instanceof Number)) {
			return expired;
		}
		Mono<Void> revoked = Flux.concat(Mono.just(Boolean.TRUE), this.changes.asFlux())
			.publishOn(Schedulers.boundedElastic())
			.filter((tick) -> revoked(jwt))
			.next()
			.then();
		return Mono.firstWithSignal(expired, revoked);
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

	private static Duration positive(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
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
