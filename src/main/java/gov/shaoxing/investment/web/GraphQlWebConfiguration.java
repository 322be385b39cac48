package gov.shaoxing.investment.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * HTTP routes that Spring Boot's GraphQL endpoint lacks: queries by {@code GET} and an
 * offline GraphiQL page.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlWebConfiguration {

	/**
	 * Page template whose scripts and styles all come from WebJars in this application's
	 * jar.
	 */
	static final String GRAPHIQL_PAGE = "web/graphiql.html";

	@Bean
	@Order(-1) // ahead of Boot's graphQlRouterFunction (order 0), whose GET route only
				// answers 405
	RouterFunction<ServerResponse> graphQlWebRoutes(WebGraphQlHandler graphQlHandler, JsonMapper json,
			GraphQlProperties properties) {
		String path = properties.getHttp().getPath();
		GraphQlGetHandler get = new GraphQlGetHandler(graphQlHandler, json);
		GraphiQlHandler graphiQl = new GraphiQlHandler(path, properties.getWebsocket().getPath(),
				new ClassPathResource(GRAPHIQL_PAGE));
		return RouterFunctions.route()
			.GET(path, notWebSocketUpgrade(), get::handle)
			.GET(properties.getGraphiql().getPath(), graphiQl::handleRequest)
			.build();
	}

	/**
	 * Boot's WebSocket mapping runs before any router function and takes every upgrade on
	 * the shared path; this guard keeps it so if that order ever changes.
	 */
	private static RequestPredicate notWebSocketUpgrade() {
		return (request) -> !"websocket".equalsIgnoreCase(request.headers().firstHeader(HttpHeaders.UPGRADE));
	}

}
