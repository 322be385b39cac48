package gov.shaoxing.investment.web;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Browsers on other origins (a dashboard under development, a production front end) may
 * call {@code /graphql} (POST, GET and the WebSocket upgrade) and {@code /photos}. The
 * filter runs before security, so a preflight never meets a sign-in check; a request from
 * an origin not allowed is refused with 403, and so is its WebSocket upgrade (the same
 * origins are given to the GraphQL WebSocket handler, see
 * {@code live.LiveConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class BrowserOrigins {

	@Bean
	CorsConfiguration browserCorsConfiguration(
			@Value("${investment.cors.allowed-origins}") List<String> allowedOrigins) {
		CorsConfiguration cors = new CorsConfiguration();
		allowedOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).forEach(cors::addAllowedOriginPattern);
		cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
				HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_NONE_MATCH, "traceparent", "tracestate"));
		cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER, HttpHeaders.CONTENT_LANGUAGE));
		// bearer tokens, never cookies
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		return cors;
	}

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(CorsConfiguration browserOrigins, GraphQlProperties graphQl) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration(graphQl.getHttp().getPath(), browserOrigins);
		source.registerCorsConfiguration(graphQl.getWebsocket().getPath(), browserOrigins);
		source.registerCorsConfiguration("/photos", browserOrigins);
		source.registerCorsConfiguration("/photos/**", browserOrigins);
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
