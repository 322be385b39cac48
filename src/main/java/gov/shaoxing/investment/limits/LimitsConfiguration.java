package gov.shaoxing.investment.limits;

import java.io.IOException;

import tools.jackson.databind.json.JsonMapper;

import gov.shaoxing.investment.common.ErrorRenderer;
import gov.shaoxing.investment.common.PagingProperties;
import io.github.bucket4j.TimeMeter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Registers the limits with Spring Boot's GraphQL setup: the instrumentation (Boot adds
 * every {@code Instrumentation} bean), the interceptor, the persisted-query provider and,
 * when enabled, the rate-limit filter.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	QueryLimitsInstrumentation queryLimitsInstrumentation(LimitsProperties limits, PagingProperties paging) {
		return new QueryLimitsInstrumentation(limits, paging.defaultSize(), paging.maxSize());
	}

	@Bean
	LimitsInterceptor limitsInterceptor(LimitsProperties limits, QueryLimitsInstrumentation instrumentation) {
		return new LimitsInterceptor(limits, instrumentation);
	}

	@Bean
	GraphQlSourceBuilderCustomizer persistedQueriesCustomizer(LimitsProperties limits, ResourceLoader resources,
			JsonMapper json) throws IOException {
		LimitsProperties.PersistedQueries settings = limits.persistedQueries();
		PersistedQueries persistedQueries = new PersistedQueries(settings.allowListOnly(),
				PersistedQueries.readAllowList(resources.getResource(settings.allowList()), json),
				settings.maxEntries());
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(persistedQueries));
	}

	@Bean
	@ConditionalOnProperty(prefix = "investment.limits.rate", name = "enabled", havingValue = "true")
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(LimitsProperties limits, GraphQlProperties graphQl,
			JwtDecoder tokens, ErrorRenderer errors) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limits.rate(), TimeMeter.SYSTEM_NANOTIME, tokens, errors));
		registration.addUrlPatterns(graphQl.getHttp().getPath());
		// ahead of Spring Security's filters (order -100), so that requests refused for a
		// bad token count too; the filter verifies tokens itself to know the user
		registration.setOrder(-110);
		return registration;
	}

}
