package gov.shaoxing.investment.common;

import java.util.List;
import java.util.Locale;

import graphql.GraphQLError;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * One choice of language for every way in: Spring MVC (photos, error pages) resolves it
 * with {@link Messages}, and every GraphQL operation, over HTTP or a WebSocket (whose
 * handshake headers count), runs with it as its {@code ExecutionInput} locale, which data
 * fetchers and the error resolver read.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	/** The name Spring's DispatcherServlet looks the resolver up by. */
	@Bean(name = "localeResolver")
	LocaleResolver localeResolver(Messages messages) {
		return new LocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return messages.locale(request);
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				throw new UnsupportedOperationException("The language follows the Accept-Language header.");
			}
		};
	}

	/**
	 * Among the first interceptors (after the trace id's), so that it sees every other
	 * one's errors.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	WebGraphQlInterceptor localeInterceptor(Messages messages) {
		return new WebGraphQlInterceptor() {
			@Override
			public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
				Locale locale = messages.locale(request.getHeaders());
				request.configureExecutionInput((input, builder) -> builder.locale(locale).build());
				return chain.next(request).map((response) -> worded(response, locale, messages));
			}
		};
	}

	/** Words the errors raised where the language was not known. */
	private static WebGraphQlResponse worded(WebGraphQlResponse response, Locale locale, Messages messages) {
		response.getResponseHeaders().set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		if (errors.stream().noneMatch(LocalizedError.class::isInstance)) {
			return response;
		}
		List<GraphQLError> worded = errors.stream()
			.map((error) -> (error instanceof LocalizedError localized) ? localized.worded(messages, locale) : error)
			.toList();
		return response.transform((builder) -> builder.errors(worded));
	}

}
