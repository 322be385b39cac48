package gov.shaoxing.investment.live;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The graphql-ws handler as Spring Boot would make it, with the browser origins allowed
 * to upgrade, plus the registry of its sessions; and an interceptor that tells each
 * WebSocket request's subscriptions their session.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

	static final String SESSION = LiveConfiguration.class.getName() + ".session";

	@Bean
	LiveSessions graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties graphQl,
			CorsConfiguration browserOrigins, JsonMapper json) {
		return new LiveSessions(handler, new JacksonJsonHttpMessageConverter(json),
				graphQl.getWebsocket().getConnectionInitTimeout(), graphQl.getWebsocket().getKeepAlive(),
				browserOrigins);
	}

	/**
	 * The WebSocket session's id, in the Reactor context a subscription's stream reads.
	 */
	@Bean
	WebGraphQlInterceptor liveSessionInterceptor() {
		return (request, chain) -> {
			if (request instanceof WebSocketGraphQlRequest socket) {
				return chain.next(request).contextWrite(Context.of(SESSION, socket.getSessionInfo().getId()));
			}
			return chain.next(request);
		};
	}

	static Mono<String> sessionId() {
		return Mono.deferContextual((context) -> Mono.justOrEmpty(context.getOrEmpty(SESSION)).cast(String.class));
	}

}
