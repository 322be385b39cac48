package gov.shaoxing.investment.web;

import gov.shaoxing.investment.common.ErrorRenderer;
import gov.shaoxing.investment.common.Messages;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * HTTP routes that Spring Boot's GraphQL endpoint lacks or that answer every request in
 * the GraphQL error format: queries by {@code GET}, {@code POST} of any content type, an
 * offline GraphiQL page, and JSON instead of Tomcat's HTML error pages.
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
			ErrorRenderer errors, GraphQlProperties properties) {
		String path = properties.getHttp().getPath();
		GraphQlGetHandler get = new GraphQlGetHandler(graphQlHandler, json, errors);
		GraphQlPostHandler post = new GraphQlPostHandler(get, json, errors);
		GraphiQlHandler graphiQl = new GraphiQlHandler(path, properties.getWebsocket().getPath(),
				new ClassPathResource(GRAPHIQL_PAGE));
		return RouterFunctions.route()
			.GET(path, notWebSocketUpgrade(), get::handle)
			.POST(path, notEventStream(), post::handle)
			.GET(properties.getGraphiql().getPath(), graphiQl::handleRequest)
			.build();
	}

	@Bean
	FilterRegistrationBean<GraphQlContentTypeFilter> graphQlContentTypeFilter(GraphQlProperties properties,
			ErrorRenderer errors) {
		String path = properties.getHttp().getPath();
		FilterRegistrationBean<GraphQlContentTypeFilter> registration = new FilterRegistrationBean<>(
				new GraphQlContentTypeFilter(path, errors));
		registration.addUrlPatterns(path);
		// ahead of Spring Security (-100): an unreadable request is refused whoever sends
		// it
		registration.setOrder(-110);
		return registration;
	}

	/**
	 * Tomcat answers a request it cannot parse (a malformed request line, say) itself,
	 * with an HTML page; this valve answers in the GraphQL error format instead.
	 */
	@Bean
	JsonErrorReports jsonErrorReports(Messages messages) {
		return new JsonErrorReports(messages);
	}

	static final class JsonErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final Messages messages;

		JsonErrorReports(Messages messages) {
			this.messages = messages;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> JsonErrorReportValve.install(context, this.messages));
		}

		@Override
		public int getOrder() {
			// after Boot's customizer, which installs Tomcat's own report valve
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/**
	 * Subscriptions over server-sent events stay with Boot's SSE handler; every other
	 * {@code POST} is {@link GraphQlPostHandler}'s, whatever its content type.
	 */
	private static RequestPredicate notEventStream() {
		return (request) -> {
			for (String accept : request.headers().header(HttpHeaders.ACCEPT)) {
				try {
					for (MediaType type : MediaType.parseMediaTypes(accept)) {
						if (MediaType.TEXT_EVENT_STREAM.equalsTypeAndSubtype(type)) {
							return false;
						}
					}
				}
				catch (InvalidMediaTypeException ex) {
					// an unreadable Accept header is the POST handler's to answer
				}
			}
			return true;
		};
	}

	/**
	 * Boot's WebSocket mapping runs before any router function and takes every upgrade on
	 * the shared path; this guard keeps it so if that order ever changes.
	 */
	private static RequestPredicate notWebSocketUpgrade() {
		return (request) -> !"websocket".equalsIgnoreCase(request.headers().firstHeader(HttpHeaders.UPGRADE));
	}

}
