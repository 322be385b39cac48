package gov.shaoxing.investment.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of {@code GET /graphql} (queries and persisted queries by hash): a strong
 * {@code ETag} from the body, 304 on a matching {@code If-None-Match}, and
 * {@code Cache-Control} that is {@code private, no-cache} for signed-in callers (their
 * answers depend on the role) and {@code public, max-age} for anonymous ones, who read
 * only the plan's public data ({@code investment.http.cache.max-age}, default 60 s).
 * Answers with errors are not cached.
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> graphQlGetCaching(GraphQlProperties graphQl,
			@Value("${investment.http.cache.max-age:60s}") Duration maxAge) {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new Filter(CacheControl.maxAge(maxAge).cachePublic()));
		registration.addUrlPatterns(graphQl.getHttp().getPath());
		// after Spring Security (-100), whose header writer then leaves our Cache-Control
		registration.setOrder(-50);
		return registration;
	}

	/**
	 * Whether a GraphQL response body reports errors: those are not cached (a timeout or
	 * a store failure must not be kept), even with some data.
	 */
	static boolean hasErrors(InputStream body) {
		try {
			byte[] bytes = body.readAllBytes();
			String text = new String(bytes, StandardCharsets.UTF_8);
			return text.contains("\"errors\":");
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static final class Filter extends ShallowEtagHeaderFilter {

		private final CacheControl anonymous;

		Filter(CacheControl anonymous) {
			this.anonymous = anonymous;
		}

		/**
		 * Only plain GETs: the filter holds the whole body until the end, which a
		 * WebSocket upgrade or an event stream (POST) must never wait for.
		 */
		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			// "Upgrade: h2c" (sent by some HTTP clients) is no WebSocket and is cached as
			// usual
			return !HttpMethod.GET.matches(request.getMethod())
					|| "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
		}

		@Override
		protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response,
				int responseStatusCode, InputStream inputStream) {
			if (!HttpMethod.GET.matches(request.getMethod()) || responseStatusCode != 200
					|| response.getHeader(HttpHeaders.CACHE_CONTROL) != null || hasErrors(inputStream)) {
				return false;
			}
			boolean signedIn = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
			response.setHeader(HttpHeaders.CACHE_CONTROL, signedIn
					? CacheControl.noCache().cachePrivate().getHeaderValue() : this.anonymous.getHeaderValue());
			response.addHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
			return true;
		}

	}

}
