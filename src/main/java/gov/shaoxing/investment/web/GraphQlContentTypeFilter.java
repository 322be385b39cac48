package gov.shaoxing.investment.web;

import java.io.IOException;
import java.util.Map;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorRenderer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a {@code POST} to the GraphQL endpoint whose {@code Content-Type} is missing or
 * not one the endpoint reads with a GraphQL-shaped 415, before Spring's dispatcher sees
 * it: the dispatcher fails with a 500 on a wildcard type ({@code application/*},
 * {@code *}{@code /*}) and parses multipart and form bodies on its own.
 */
final class GraphQlContentTypeFilter extends OncePerRequestFilter {

	private final String path;

	private final ErrorRenderer errors;

	GraphQlContentTypeFilter(String path, ErrorRenderer errors) {
		this.path = path;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.POST.matches(request.getMethod())
				|| !this.path.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (GraphQlPostHandler.contentType(request.getHeader(HttpHeaders.CONTENT_TYPE)) != null) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.ACCEPT, "application/json, application/graphql");
		this.errors.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), this.errors
			.graphQlBody(ErrorCode.UNSUPPORTED_MEDIA_TYPE.message(), this.errors.messages().locale(request), Map.of()));
	}

}
