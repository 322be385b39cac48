package gov.shaoxing.investment.live;

import java.util.function.Function;
import java.util.function.Predicate;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.DomainEvent;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.security.TokenRevocations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The one way a subscription turns change events into its stream: events of one type that
 * pass its filter, each loaded as the subscription's type (the feed already calls every
 * subscriber on a worker of its own, so loading from the store blocks nobody else). A
 * stream lasts only as long as its user may read it: once the user's token is revoked
 * (disabled, password, role or scope changed) or expires, the stream ends and its
 * WebSocket connection is closed with graphql-ws's 4403.
 */
@Component
public class LiveUpdates {

	private final ChangeFeed feed;

	private final TokenRevocations revocations;

	/** Looked up when needed: the WebSocket handler itself depends on the controllers. */
	private final ObjectProvider<LiveSessions> sessions;

	LiveUpdates(ChangeFeed feed, TokenRevocations revocations, ObjectProvider<LiveSessions> sessions) {
		this.feed = feed;
		this.revocations = revocations;
		this.sessions = sessions;
	}

	/**
	 * The stream of a subscription: events of {@code type} that {@code filter} keeps, as
	 * {@code load} finds their subject (events whose subject is gone are skipped).
	 */
	public <T> Flux<T> of(EventType type, Predicate<DomainEvent> filter, Function<String, T> load) {
		Flux<T> updates = this.feed.events()
			.filter((e) -> e.type() == type && filter.test(e))
			.mapNotNull((e) -> load.apply(e.subjectId()));
		Jwt token = token();
		if (token == null) {
			return updates;
		}
		Mono<Void> lost = this.revocations.lost(token)
			.then(LiveConfiguration.sessionId())
			.doOnNext((id) -> this.sessions.ifAvailable((open) -> open.forbid(id)))
			.then();
		return updates.takeUntilOther(lost.thenReturn(true))
			.concatWith(Flux.error(() -> ApiException.detailed(ErrorCode.FORBIDDEN, "signInLost", null)));
	}

	/** The verified token of the caller, read when the subscription starts. */
	private static Jwt token() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken() : null;
	}

}
