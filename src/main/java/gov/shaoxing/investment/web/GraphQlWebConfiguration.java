package gov.shaoxing.investment.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** HTTP routes that Spring Boot's GraphQL endpoint lacks: queries by {@code GET}. */
@Configuration(proxyBeanMethods = false)
class GraphQlWebConfiguration {

	@Bean
	@Order(-1) // ahead of Boot's graphQlRouterFunction (order 0), whose GET route only answers 405
	RouterFunction<ServerResponse> graphQlWebRoutes(WebGraphQlHandler graphQlHandler, JsonMapper json,
			GraphQlProperties properties) {
		String path = properties.getHttp().getPath();
		GraphQlGetHandler get = new GraphQlGetHandler(graphQlHandler, json);
		return RouterFunctions.route()
			.GET(path, notWebSocketUpgrade(), get::handle)
			.build();
	}

	/**
	 * Boot's WebSocket mapping runs before any router function and takes every upgrade on the shared path; this
	 * guard keeps it so if that order ever changes.
	 */
	private static RequestPredicate notWebSocketUpgrade() {
		return (request) -> !"websocket".equalsIgnoreCase(request.headers().firstHeader(HttpHeaders.UPGRADE));
	}

}
